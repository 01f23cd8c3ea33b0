import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { htmlPages, requireDist, urlPathOf } from '../support/dist';
import { nginxUnavailable, type NginxServer, serveWithNginx } from '../support/nginx';

const unavailable = nginxUnavailable();

/** One page of each kind: every page at the top two levels (home, indexes, search, views) and one entry per section. */
function pageOfEachType(): string[] {
  const byType = new Map<string, string>();
  for (const file of htmlPages()) {
    if (file === '404.html') continue;
    const parts = file.split('/');
    const type = parts.length <= 2 ? file : `${parts[0]}/*`;
    if (!byType.has(type)) byType.set(type, file);
  }
  return [...byType.values()].map(urlPathOf);
}

interface Watched {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations, each with the page it happened on. */
  problems: string[];
  /** Every URL requested. */
  requests: string[];
}

describe.skipIf(unavailable !== undefined)('every page type in Chromium, under the CSP and headers nginx sends', () => {
  let server: NginxServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveWithNginx(requireDist());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<Watched> {
    const page = await browser.newPage();
    const watched: Watched = { page, problems: [], requests: [] };
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        watched.problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => watched.problems.push(`${page.url()}: uncaught ${error.message}`));
    page.on('requestfailed', (request) => watched.problems.push(`${page.url()}: request failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('request', (request) => watched.requests.push(request.url()));
    return watched;
  }

  it('loads every page type with no CSP violation, console error or request to another origin', async () => {
    const paths = pageOfEachType();
    expect(paths).toEqual(
      expect.arrayContaining([
        '/',
        '/search/',
        '/skills/',
        '/skills/' + paths.find((p) => p.startsWith('/skills/') && p !== '/skills/')!.split('/')[2] + '/',
      ]),
    );
    const { page, problems, requests } = await open();
    for (const path of paths) {
      const response = await page.goto(`${server.origin}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
      await page.waitForLoadState('networkidle');
    }
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    await page.close();
  });

  it('shows the 404 page for an unknown address, with no error beyond the 404 itself', async () => {
    const { page, problems } = await open();
    const response = await page.goto(`${server.origin}/skills/no-such-skill/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.waitForLoadState('networkidle');
    expect(problems.filter((problem) => !/Failed to load resource: the server responded with a status of 404/.test(problem))).toEqual([]);
    await page.close();
  });

  it('searches from the header, opens a result and highlights the words, all within the CSP', async () => {
    const { page, problems, requests } = await open();
    await page.goto(`${server.origin}/guides/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => url.includes('/pagefind/') || /search-(popup|page)-start/.test(url) || url.includes('/search/titles-'))).toEqual(
      [],
    );
    await page.locator('#header-search-input').fill('redis');
    const first = page.locator('#header-search-results [role="option"]').first();
    await first.waitFor();
    expect(await first.locator('.hit-title').textContent()).toBe('Redis');
    // The header popup answers from the title index, without Pagefind.
    expect(requests.some((url) => /\/search\/titles-[\w-]+\.json$/.test(url))).toBe(true);
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    expect(requests.some((url) => /\/_astro\/search.*\.css$/.test(url))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/skills\/redis\/\?highlight=redis/);
    await page.locator('[data-pagefind-body] mark').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    await page.close();
  });

  it('shows results on the search page opened with a query, its engine sent as brotli', async () => {
    const { page, problems } = await open();
    const engine = page.waitForResponse((response) => /\/pagefind\/wasm\.en\.pagefind$/.test(response.url()));
    await page.goto(`${server.origin}/search/?q=kubernetes`);
    // Pagefind reads the brotli copy of its payload as it reads its own gzipped file.
    expect((await (await engine).allHeaders())['content-encoding']).toBe('br');
    await page.locator('#page-search-results .hit-link').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await page.close();
  });
});

if (unavailable) {
  describe('browser tests under nginx', () => {
    it.skip(unavailable, () => {});
  });
}
