import { PROGRESS_STORAGE_KEY } from './progress.ts';

/** The global the boot script leaves the click that loaded the page code in, for the page code to act on. */
export const PENDING_CLICK = 'pe';

export interface BootOptions {
  /** Load the page code in any case: the progress page, which manages the marks. */
  eager?: boolean;
  /**
   * Before anything is painted, mark <html data-progress="load"> when there are saved marks, so the
   * page can keep room for them and hide them until drawn. For pages the script sits above the
   * marks on, and that have no script budget (the matrix, compare pages): on article pages the few
   * bytes it takes do not fit, and progress.css hides the marks for their first moment instead.
   */
  reserve?: boolean;
}

/**
 * The only progress code a page runs before the reader does anything, inline and as small as it can
 * be (article pages run at most 1 KB of JavaScript before interaction, all scripts together):
 *
 * - when the reader has saved progress, it loads the page code (src/scripts/progress.ts) at once;
 * - otherwise the page code loads on the first click on a mark button, which the script leaves in
 *   the global `pe` for the page code to act on once it has loaded.
 *
 * Every byte counts, so the script is written as a minifier would: `pe=e` makes the global by
 * assignment (a classic script is not strict), and `onclick` is shorter than addEventListener
 * (nothing else on the site sets it). It runs best last among a page's scripts: brotli then finds
 * more of it in the scripts before. import() is the browser's own: Vite's preload helper, which
 * wraps import() in bundled scripts, would outweigh the whole script.
 */
export function progressBootScript(moduleUrl: string, { eager = false, reserve = false }: BootOptions = {}): string {
  const load = `import(${JSON.stringify(moduleUrl)})`;
  const saved = `localStorage.getItem(${JSON.stringify(PROGRESS_STORAGE_KEY)})`;
  const mark = reserve ? `document.documentElement.dataset.progress="load",` : '';
  return (
    `onclick=e=>(${PENDING_CLICK}=e).target.closest(".mark")&&${load};` +
    `try{${saved}&&${reserve ? `(${mark}${eager ? '1' : load})` : load}}catch{}` +
    (eager ? `${load}` : '')
  );
}
