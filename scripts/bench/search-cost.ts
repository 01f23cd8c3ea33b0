/**
 * What search costs a reader, in headless Chromium against a served build (for `npm run bench`):
 *
 * - the first query, in the header popup (from an article; it searches the title index, not
 *   Pagefind) and on the search page (Pagefind): every byte received (headers and body, as sent)
 *   from the moment the reader focuses the search box until the results are shown and the network
 *   has gone quiet, with the requests by kind; and the time from the last keystroke to the first
 *   result, the query typed right after focus (`keyDelayMs` between keys; 0 is a paste), so the
 *   search code and its index load while the reader types;
 * - later queries in the header popup: keystroke to first rendered result.
 *
 * Each first query runs in a fresh browser context, so nothing comes from the cache.
 */
import type { Browser, Page, Request } from 'playwright-core';

export type SearchBox = 'popup' | 'page';

const BOXES: Record<SearchBox, { path: string; input: string; results: string; hit: string }> = {
  popup: {
    path: '/skills/redis/',
    input: '#header-search-input',
    results: '#header-search-results',
    // Result options only, not the last one ("All results for …").
    hit: '#header-search-results a.hit:not(.hit-all)',
  },
  page: { path: '/search/', input: '#page-search-input', results: '#page-search-results', hit: '#page-search-results .hit-link' },
};

export interface FirstQuery {
  box: SearchBox;
  query: string;
  /** Bytes received, headers and body as sent, from focus until the network was quiet. */
  bytes: number;
  requests: number;
  /** Requests and bytes by kind of file ("fragment", "index", "WebAssembly"…). */
  byKind: Record<string, { requests: number; bytes: number }>;
  /** Results shown when the network went quiet. */
  shown: number;
  /** Last keystroke → first result on screen, ms (the debounce included). */
  firstResultMs: number;
  keyDelayMs: number;
}

/** What a request fetched, for the breakdown. */
function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (path.includes('/pagefind/fragment/')) return 'fragment';
  if (path.includes('/pagefind/index/')) return 'index';
  if (path.includes('/pagefind/filter/')) return 'filter';
  if (path.endsWith('.pagefind')) return 'WebAssembly';
  if (path.endsWith('/pagefind.js')) return 'Pagefind script';
  if (path.includes('/pagefind/')) return 'Pagefind metadata';
  if (/\/search\/titles-[^/]+\.json$/.test(path)) return 'title index';
  if (/\.css$/.test(path)) return 'search CSS';
  if (/\.js$/.test(path)) return 'search script';
  return 'other';
}

/** Resolves once no request has been in flight for `quietMs`. */
async function networkQuiet(page: Page, quietMs = 500): Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  const start = () => {
    inFlight++;
    last = Date.now();
  };
  const end = () => {
    inFlight--;
    last = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    while (inFlight > 0 || Date.now() - last < quietMs) await page.waitForTimeout(50);
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

export async function measureFirstQuery(browser: Browser, origin: string, box: SearchBox, keyDelayMs: number, query = 'redis'): Promise<FirstQuery> {
  const { path, input, results, hit } = BOXES[box];
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}${path}`);
    await page.waitForLoadState('networkidle');
    // Timestamps from inside the page: the last keystroke, and the first result added after it.
    await page.evaluate(
      ({ input, results, hit }) => {
        const times = { typed: 0, shown: 0 };
        Object.assign(window, { searchTimes: times });
        document.querySelector(input)!.addEventListener('input', () => {
          times.typed = performance.now();
          times.shown = 0;
        });
        new MutationObserver(() => {
          if (times.typed && !times.shown && document.querySelector(hit)) times.shown = performance.now();
        }).observe(document.querySelector(results)!, { childList: true, subtree: true, attributes: true });
      },
      { input, results, hit },
    );
    const finished: Promise<void>[] = [];
    const byKind: FirstQuery['byKind'] = {};
    let bytes = 0;
    let requests = 0;
    page.on('requestfinished', (request: Request) => {
      finished.push(
        request.sizes().then((sizes) => {
          const size = sizes.responseBodySize + sizes.responseHeadersSize;
          const kind = (byKind[kindOf(request.url())] ??= { requests: 0, bytes: 0 });
          kind.requests++;
          kind.bytes += size;
          bytes += size;
          requests++;
        }),
      );
    });
    await page.locator(input).focus();
    await page.keyboard.type(query, { delay: keyDelayMs });
    await page.waitForFunction(() => (window as unknown as { searchTimes: { shown: number } }).searchTimes.shown > 0, undefined, {
      timeout: 10_000,
    });
    await networkQuiet(page);
    await Promise.all(finished);
    const times = await page.evaluate(() => (window as unknown as { searchTimes: { typed: number; shown: number } }).searchTimes);
    return {
      box,
      query,
      bytes,
      requests,
      byKind,
      shown: await page.locator(hit).count(),
      firstResultMs: times.shown - times.typed,
      keyDelayMs,
    };
  } finally {
    await context.close();
  }
}

/** Later queries in the header popup, once everything has loaded: keystroke → first rendered result, ms, per query. */
export async function measureWarmQueries(browser: Browser, origin: string, queries: string[]): Promise<number[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}${BOXES.popup.path}`);
    await page.locator(BOXES.popup.input).fill('redis');
    await page.locator(BOXES.popup.hit).first().waitFor();
    const times: number[] = [];
    for (const query of queries) {
      await page.locator(BOXES.popup.input).fill('');
      await page.waitForTimeout(300);
      times.push(
        await page.evaluate(
          (q) =>
            new Promise<number>((done) => {
              const input = document.querySelector<HTMLInputElement>('#header-search-input')!;
              const status = input.closest('atlas-search')!.querySelector('[data-search-status]')!;
              const start = performance.now();
              const observer = new MutationObserver(() => {
                if (status.textContent?.includes(q)) {
                  observer.disconnect();
                  done(performance.now() - start);
                }
              });
              observer.observe(status, { childList: true, characterData: true, subtree: true });
              input.value = q;
              input.dispatchEvent(new Event('input', { bubbles: true }));
              setTimeout(() => done(Number.NaN), 5000);
            }),
          query,
        ),
      );
    }
    return times;
  } finally {
    await context.close();
  }
}
