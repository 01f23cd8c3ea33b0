import { HIGHLIGHT_PARAM } from './pagefind';

/** Marks the words the reader searched for, on the page they opened from the results. */
export async function highlight(): Promise<void> {
  const base = document.querySelector<HTMLElement>('atlas-search')?.dataset['base'] ?? '/';
  await import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`);
  const Highlight = (window as unknown as { PagefindHighlight?: new (options: object) => unknown }).PagefindHighlight;
  // addStyles: false — Pagefind would inject a <style> element, which the CSP blocks; global.css styles <mark>.
  if (Highlight) new Highlight({ highlightParam: HIGHLIGHT_PARAM, markContext: '[data-pagefind-body]', addStyles: false });
}
