/**
 * The search page's own prefetch: Pagefind's script and WebAssembly, fetched as soon as the reader
 * reaches for the search box (at once when the URL already holds a query), alongside the search UI
 * that search-loader.ts starts loading then. Here rather than in the loader, which every article
 * runs: only this page searches with Pagefind. Pagefind names the WebAssembly after the page's
 * language; `crossorigin` makes a preload match Pagefind's fetch().
 */
const box = document.querySelector<HTMLElement>('[data-mode="page"]');

function prefetch(): void {
  const base = box!.dataset.base;
  document.head.insertAdjacentHTML(
    'beforeend',
    `<link rel="modulepreload" href="${base}pagefind/pagefind.js">` +
      `<link rel="preload" as="fetch" crossorigin href="${base}pagefind/wasm.${document.documentElement.lang}.pagefind">`,
  );
}

if (box && new URLSearchParams(location.search).get('q')) prefetch();
else box?.querySelector('[data-search-input]')?.addEventListener('focus', prefetch, { once: true });
