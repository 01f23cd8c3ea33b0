/**
 * The only search code on every page: it waits for the reader to reach for
 * search (focus, "/" or Ctrl/⌘+K) and only then loads the search UI and index.
 *
 * The lazy bundles are loaded by URL with a <script> element, not import():
 * Vite wraps every import() in its preload helper, larger than the whole budget for
 * the JavaScript a page runs before interaction (1 KB, tests/build/hosting-budgets.test.ts;
 * measured: docs/performance.md). `?worker&url` is Vite's way to get a
 * separately bundled, content-hashed module's URL; it runs here as a module script.
 */
import highlightUrl from './search-highlight-start.ts?worker&url';
import searchPageUrl from './search-page-start.ts?worker&url';
import searchPopupUrl from './search-popup-start.ts?worker&url';

function loadModule(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Search could not load ${src}`));
    document.head.append(script);
  });
}

/**
 * Fetches the popup's title index (data-titles) alongside the search UI instead of after it;
 * `crossorigin` makes the preload match the UI's fetch(). The search page prefetches Pagefind
 * itself (pagefind-prefetch.ts).
 */
function prefetch(box: HTMLElement): void {
  const { titles } = box.dataset;
  if (titles) document.head.insertAdjacentHTML('beforeend', `<link rel="preload" as="fetch" crossorigin href="${titles}">`);
}

const loading: Record<string, Promise<void>> = {};

/** Loads the search UI `box` (an <atlas-search>) needs, the search page's or the header popup's, once, and what it will search with. */
export function loadSearch(box: HTMLElement): Promise<void> {
  prefetch(box);
  const url = box.dataset.mode === 'page' ? searchPageUrl : searchPopupUrl;
  return (loading[url] ??= loadModule(url));
}

/** Whether a key pressed at `target` types into a field or editable text (so "/" is not a shortcut there). */
function isTypingTarget(target: EventTarget | null): Element | null | undefined {
  return (target as Element | null)?.closest?.('input,textarea,select,[contenteditable]');
}

export function registerSearchLoader(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('[data-search-input]')) {
    input.addEventListener('focus', () => void loadSearch(input.closest('atlas-search')!), { once: true });
  }
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === '/' && !isTypingTarget(event.target)) || (event.key === 'k' && (event.metaKey || event.ctrlKey));
    if (!shortcut) return;
    event.preventDefault();
    document.querySelector<HTMLInputElement>('[data-mode="page"] [data-search-input], [data-search-input]')?.focus();
  });
  const query = new URLSearchParams(location.search);
  // Arriving from a search result: mark the matched words on this page.
  if (query.has('highlight')) void loadModule(highlightUrl);
  // The search page with a query in its URL starts searching at once.
  const page = document.querySelector<HTMLElement>('[data-mode="page"]');
  if (page && query.get('q')) void loadSearch(page);
}
