/**
 * The only search code on every page: it waits for the reader to reach for
 * search (focus, "/" or Ctrl/⌘+K) and only then loads the search UI and index.
 *
 * The lazy bundles are loaded by URL with a <script> element, not import():
 * Vite wraps every import() in its 1.7 KB preload helper, which would more than
 * double the JavaScript every page runs before interaction (budget: 1 KB,
 * tests/build/hosting-budgets.test.ts). `?worker&url` is Vite's way to get a
 * separately bundled, content-hashed module's URL; it runs here as a module script.
 */
import highlightUrl from './search-highlight-start.ts?worker&url';
import searchUiUrl from './search-ui-start.ts?worker&url';

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
 * Fetches Pagefind's script and WebAssembly alongside the search UI instead of after it, so
 * they are ready by the end of the debounce. Pagefind names the WebAssembly after the page's
 * language; `crossorigin` makes the preload match Pagefind's own fetch().
 */
function prefetchPagefind(): void {
  const folder = `${document.querySelector<HTMLElement>('atlas-search')?.dataset['base'] ?? '/'}pagefind/`;
  document.head.insertAdjacentHTML(
    'beforeend',
    `<link rel="modulepreload" href="${folder}pagefind.js">` +
      `<link rel="preload" as="fetch" crossorigin href="${folder}wasm.${document.documentElement.lang}.pagefind">`,
  );
}

let loading: Promise<void> | undefined;

export function loadSearch(): Promise<void> {
  if (!loading) {
    prefetchPagefind();
    loading = loadModule(searchUiUrl);
  }
  return loading;
}

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function registerSearchLoader(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('[data-search-input]')) {
    input.addEventListener('focus', () => void loadSearch(), { once: true });
  }
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === '/' && !isTypingTarget(event.target)) || (event.key === 'k' && (event.metaKey || event.ctrlKey));
    if (!shortcut) return;
    event.preventDefault();
    document.querySelector<HTMLInputElement>('[data-mode="page"] [data-search-input], [data-search-input]')?.focus();
  });
  // Arriving from a search result: mark the matched words on this page.
  if (new URLSearchParams(location.search).has('highlight')) void loadModule(highlightUrl);
  // The search page with a query in its URL starts searching at once.
  if (document.querySelector('[data-mode="page"]') && new URLSearchParams(location.search).get('q')) void loadSearch();
}
