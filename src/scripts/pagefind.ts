/** The parts of Pagefind's browser API this site uses. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
  /** Loads the index chunks a search for `term` needs, without searching. */
  preload(term: string, options?: { filters?: Record<string, string> }): Promise<void>;
  debouncedSearch(term: string, options?: { filters?: Record<string, string> }, debounceMs?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** The URL parameter that carries search words to the result page for highlighting. */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Relevance tuning, checked by the ranking table in tests/browser/search.test.ts.
 * termSimilarity 3 makes exact words beat prefix matches ("rest" finds API Design
 * before pages about restoring backups); a low pageLength stops long, thorough
 * articles being penalised against short ones; termSaturation 1 keeps a page that
 * repeats a word from outranking the page whose title it is.
 */
const RANKING = { termSimilarity: 3, pageLength: 0.1, termSaturation: 1 };

let instance: Promise<Pagefind> | undefined;

/** Loads Pagefind's own script from the built site, once. */
export function loadPagefind(base: string): Promise<Pagefind> {
  instance ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // noWorker: a site this size searches in well under a millisecond on the main thread, and
    // the worker script is 11 KB more on the first query.
    await pagefind.options({ baseUrl: base, excerptLength: 22, highlightParam: HIGHLIGHT_PARAM, ranking: RANKING, noWorker: true });
    await pagefind.init();
    return pagefind;
  })();
  return instance;
}
