/**
 * The only search code on every page: it waits for the reader to reach for
 * search (focus, "/" or Ctrl/⌘+K) and only then loads the search UI and index.
 */
let loading: Promise<void> | undefined;

export function loadSearch(): Promise<void> {
  loading ??= import('./search-ui').then((ui) => ui.enhanceAll());
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
  if (new URLSearchParams(location.search).has('highlight')) void import('./search-highlight').then((m) => m.highlight());
  // The search page with a query in its URL starts searching at once.
  if (document.querySelector('[data-mode="page"]') && new URLSearchParams(location.search).get('q')) void loadSearch();
}
