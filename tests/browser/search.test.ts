/**
 * Search in a real browser against the built site: what ranks first for the
 * words readers actually type, filters and URL state, keyboard use, the empty
 * state, highlighting on the result page, and that nothing loads before use.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publishedContent } from '../support/content-files';
import { FIRST, TOP_THREE } from '../support/search-ranking';
import { useSite } from '../support/site-session';

const site = useSite();

async function resultPaths(query: string, extra = ''): Promise<string[]> {
  const page = await site.newPage();
  await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}${extra}`));
  await page.locator('#page-search-results .hit-link, #page-search-results .search-empty').first().waitFor();
  const hrefs = await page
    .locator('#page-search-results .hit-link')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(page.errors).toEqual([]);
  await page.close();
  return hrefs;
}

describe('ranking: the right page comes first', () => {
  it.each(FIRST)('"%s" → %s', async (query, expected) => {
    const paths = await resultPaths(query);
    expect(paths[0], `top results: ${paths.slice(0, 3).join(', ')}`).toBe(expected);
  });

  it.each(TOP_THREE)('"%s" has %s in the top three', async (query, expected) => {
    expect((await resultPaths(query)).slice(0, 3)).toContain(expected);
  });

  it('the header popup, answering from the title index, puts the same pages first and in the top three', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/guides/'));
    const input = page.locator('#header-search-input');
    const wrong: string[] = [];
    for (const [query, expected, within] of [...FIRST.map(([q, e]) => [q, e, 1] as const), ...TOP_THREE.map(([q, e]) => [q, e, 3] as const)]) {
      await input.fill(query);
      await page.waitForFunction(
        (q) => document.querySelector('atlas-search:has(#header-search-input) [role="status"]')?.textContent?.endsWith(` ${q}`),
        query,
      );
      const paths = await page
        .locator('#header-search-results a.hit:not(.hit-all)')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      if (!paths.slice(0, within).includes(expected)) wrong.push(`"${query}": ${expected} not in ${paths.slice(0, within).join(', ') || 'nothing'}`);
    }
    expect(wrong).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('results', () => {
  it('show title, collection, an excerpt with the matched word marked, and the section it is in', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/?q=eviction'));
    const hit = page.locator('#page-search-results .hit').first();
    await hit.waitFor();
    expect(await hit.locator('.hit-link').textContent()).toBeTruthy();
    expect(['Skill', 'Role', 'Responsibility', 'Career path', 'Guide']).toContain(await hit.locator('.hit-type').textContent());
    expect((await hit.locator('.hit-excerpt mark').first().textContent())?.toLowerCase()).toContain('evict');
    expect(await page.locator('#page-search-results .hit-section').count()).toBeGreaterThan(0);
    expect(await page.locator('atlas-search[data-mode="page"] [data-search-status]').textContent()).toMatch(/^\d+ results? for eviction$/);
    await page.close();
  });

  it('link to the page with the search words highlighted on arrival', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/?q=eviction'));
    const link = page.locator('#page-search-results .hit-link').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toContain('highlight=eviction');
    await link.click();
    await page.locator('mark.pagefind-highlight').first().waitFor();
    expect((await page.locator('mark.pagefind-highlight').first().textContent())?.toLowerCase()).toContain('evict');
    await page.close();
  });

  it('show a friendly empty state with suggestions when nothing matches', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/?q=xylophonequartz'));
    const empty = page.locator('#page-search-results .search-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No pages match xylophonequartz.');
    expect(await empty.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/skills/', '/roles/', '/guides/']);
    await page.close();
  });
});

describe('filters and URL state', () => {
  it('filter by collection with counts, kept in the URL, undone by the back button', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/?q=redis'));
    const skillFilter = page.getByRole('radio', { name: /^Skills \(\d+\)$/ });
    await skillFilter.waitFor();
    const allCount = Number(
      /\((\d+)\)/.exec((await page.locator('label', { has: page.getByRole('radio', { name: /^All/ }) }).textContent()) ?? '')?.[1],
    );
    await skillFilter.check();
    await page.waitForURL(/type=skill/);
    await page.waitForFunction(() => [...document.querySelectorAll('#page-search-results .hit-type')].every((el) => el.textContent === 'Skill'));
    const skillCount = Number(/\((\d+)\)/.exec((await page.locator('label', { has: skillFilter }).textContent()) ?? '')?.[1]);
    const shown = await page.locator('#page-search-results .hit').count();
    expect(shown).toBeGreaterThanOrEqual(Math.min(skillCount, 3));
    expect(await page.locator('#page-search-results .hit-count').textContent()).toBe(
      `${skillCount} results for redis${shown < skillCount ? ` (showing ${shown})` : ''}`,
    );
    expect(skillCount).toBeLessThan(allCount);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('type='));
    await expect.poll(() => page.getByRole('radio', { name: /^All/ }).isChecked()).toBe(true);
    await page.close();
  });

  it('keeps what the reader typed on the search page before search had loaded, and searches it', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/'));
    // Typed before the search code runs (it loads on focus); then the box gets focus and search loads.
    await page.locator('#page-search-input').evaluate((input) => ((input as HTMLInputElement).value = 'database'));
    await page.locator('#page-search-input').focus();
    await page.locator('#page-search-results .hit-link').first().waitFor();
    expect(await page.locator('#page-search-input').inputValue()).toBe('database');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('opens a shared URL with its filter applied, and filters skills by category', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/?q=database&type=skill&category=Database+systems'));
    await page.locator('#page-search-results .hit').first().waitFor();
    expect(await page.getByRole('radio', { name: /^Skills/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Database systems/ }).isChecked()).toBe(true);
    const paths = await page
      .locator('#page-search-results .hit-link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(paths.length).toBeGreaterThan(0);
    const databaseSkills = publishedContent()
      .filter((entry) => entry.collection === 'skills' && entry.data['category'] === 'databases')
      .map((entry) => `/skills/${entry.id}/`);
    expect(paths.filter((p) => !databaseSkills.includes(p))).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  it('"/" opens search, arrows move through results, Enter opens one', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/guides/'));
    await page.keyboard.press('/');
    const input = page.locator('#header-search-input');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('kubernetes');
    await page.locator('#header-search-results [role="option"]').first().waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBe('header-search-results-0');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/skills\/kubernetes\//);
    await page.close();
  });

  it('Ctrl+K opens search and Escape closes the results, then clears the box', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/skills/'));
    await page.keyboard.press('Control+k');
    const input = page.locator('#header-search-input');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('redis');
    await page.locator('#header-search-results [role="option"]').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#header-search-results').isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    await page.close();
  });

  it('announces the number of results to screen readers', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/'));
    await page.locator('#header-search-input').fill('redis');
    await page.locator('#header-search-results [role="option"]').first().waitFor();
    const status = page.locator('atlas-search:has(#header-search-input) [role="status"]');
    expect(await status.textContent()).toMatch(/^\d+ results? for redis$/);
    await page.close();
  });
});

describe('header popup options are real links', () => {
  it('each option is an <a href> out of the tab order, exposed as an option of the listbox', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/guides/'));
    await page.locator('#header-search-input').fill('redis');
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    await listbox.getByRole('option').first().waitFor();
    const options = await listbox
      .getByRole('option')
      .evaluateAll((elements) => elements.map((el) => ({ tag: el.tagName, href: el.getAttribute('href'), tabIndex: (el as HTMLElement).tabIndex })));
    // The pages named or described with the word (at most six), then all results on the search page.
    const matched = Number(
      /^(\d+) results? for redis$/.exec((await page.locator('atlas-search:has(#header-search-input) [role="status"]').textContent()) ?? '')?.[1],
    );
    expect(matched).toBeGreaterThan(1);
    expect(options.length).toBe(Math.min(matched, 6) + 1);
    expect(options.every((option) => option.tag === 'A' && option.href && option.tabIndex === -1)).toBe(true);
    expect(options[0]!.href).toBe('/skills/redis/?highlight=redis');
    expect(options.at(-1)!.href).toBe('/search/?q=redis');
    expect(await listbox.getByRole('option').last().textContent()).toBe('All results for redis');
    expect(await listbox.getByRole('option').first().getAttribute('aria-selected')).toBe('false');
    expect(await listbox.getByRole('option', { name: /^Redis/ }).count()).toBe(1);
    // Tab leaves the box for the search button; the options are reached with the arrow keys.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search');
    await page.close();
  });

  it('middle-click opens the result in a new tab and leaves the popup open on this page', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/guides/'));
    await page.locator('#header-search-input').fill('redis');
    const first = page.locator('#header-search-results [role="option"]').first();
    await first.waitFor();
    const opened = page.context().waitForEvent('page');
    const requested = page.context().waitForEvent('request', (request) => request.url() === site.url('/skills/redis/?highlight=redis'));
    await first.click({ button: 'middle' });
    // Checked on the navigation the new tab starts: headless Chromium here can lose a background
    // tab's renderer before it commits, so its URL is not a reliable signal.
    const [tab, request] = await Promise.all([opened, requested]);
    expect(request.isNavigationRequest()).toBe(true);
    expect(request.frame().page()).toBe(tab);
    expect(new URL(page.url()).pathname).toBe('/guides/');
    expect(await page.locator('#header-search-results').isVisible()).toBe(true);
    expect(await page.locator('#header-search-input').getAttribute('aria-expanded')).toBe('true');
    await tab.close();
    await page.close();
  });

  it('a plain click on an option opens the result', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/roles/'));
    await page.locator('#header-search-input').fill('kubernetes');
    await page.locator('#header-search-results [role="option"]').first().click();
    await page.waitForURL(/\/skills\/kubernetes\/\?highlight=kubernetes$/);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('what the first query fetches', () => {
  const fragments = (urls: string[]) => urls.filter((url) => url.includes('/pagefind/fragment/'));

  const titleIndex = (urls: string[]) => urls.filter((url) => /\/search\/titles-[\w-]+\.json$/.test(url));

  it('the header popup answers from the title index, fetched alongside the search UI, once, and requests nothing from Pagefind', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/skills/redis/'));
    await page.waitForLoadState('networkidle');
    const searchUi = page.waitForRequest((request) => request.url().includes('search-popup-start'));
    await page.locator('#header-search-input').focus();
    await searchUi;
    // Requested when the UI is, not by it once it has loaded and run.
    expect(titleIndex(page.fetched)).toHaveLength(1);
    await page.keyboard.type('redis');
    await page.locator('#header-search-results [role="option"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#header-search-results .hit:not(.hit-all)').first().textContent()).toMatch(/^Redis/);
    expect(titleIndex(page.fetched)).toHaveLength(1);
    expect(page.fetched.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the header popup with no page named like the words still offers the full-text search', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/guides/'));
    await page.locator('#header-search-input').fill('xylophonequartz');
    const all = page.getByRole('option', { name: 'All results for xylophonequartz' });
    await all.waitFor();
    expect(await page.locator('atlas-search:has(#header-search-input) [role="status"]').textContent()).toBe('No page names match xylophonequartz');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=xylophonequartz$/);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the header popup still offers the search page when its title index cannot be fetched', async () => {
    const page = await site.newPage();
    await page.route(/\/search\/titles-[\w-]+\.json$/, (route) => route.abort());
    await page.goto(site.url('/guides/'));
    await page.locator('#header-search-input').fill('redis');
    await page.getByRole('option', { name: 'All results for redis' }).waitFor();
    expect(await page.locator('#header-search-results [role="option"]').last().getAttribute('href')).toBe('/search/?q=redis');
    await page.close();
  });

  it('focusing the search page’s box fetches Pagefind’s script and WebAssembly alongside the search UI, each once, and not the title index', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/'));
    await page.waitForLoadState('networkidle');
    const searchUi = page.waitForRequest((request) => request.url().includes('search-page-start'));
    await page.locator('#page-search-input').focus();
    await searchUi;
    // Only the page's UI: the header popup's code loads when the header box is used.
    expect(page.fetched.filter((url) => url.includes('search-popup-start'))).toEqual([]);
    expect(page.fetched.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(page.fetched.some((url) => url.endsWith('/pagefind/wasm.en.pagefind'))).toBe(true);
    await page.keyboard.type('redis');
    await page.locator('#page-search-results .hit-link').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(page.fetched.filter((url) => url.includes('/pagefind/pagefind.js'))).toHaveLength(1);
    expect(page.fetched.filter((url) => url.endsWith('.pagefind'))).toHaveLength(1);
    expect(titleIndex(page.fetched)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  /** Where each result shown sits in the window: its top and bottom, and the window's height. */
  const hitBoxes = (page: Page) =>
    page.evaluate(() => ({
      height: innerHeight,
      hits: [...document.querySelectorAll('#page-search-results .hit')].map((hit) => {
        const box = hit.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom };
      }),
    }));

  it('the search page fetches fragments only for the results that fit the window; "Show more" fetches and shows the next eight', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(site.url('/search/?q=redis'));
    const hits = page.locator('#page-search-results .hit');
    await hits.first().waitFor();
    await page.waitForLoadState('networkidle');
    const total = Number(/^(\d+) results for redis/.exec((await page.locator('#page-search-results .hit-count').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(16);
    // Every result shown is at least partly in the window, the window is full, and each cost one fragment.
    const first = await hitBoxes(page);
    const shown = first.hits.length;
    expect(shown).toBeGreaterThanOrEqual(3);
    expect(shown).toBeLessThan(8);
    for (const hit of first.hits) expect(hit.top).toBeLessThan(first.height);
    expect(first.hits.at(-1)!.bottom).toBeGreaterThan(first.height - 120);
    expect(fragments(page.fetched)).toHaveLength(shown);
    expect(await page.locator('#page-search-results .hit-count').textContent()).toBe(`${total} results for redis (showing ${shown})`);

    const more = page.getByRole('button', { name: 'Show more results' });
    await more.click();
    await expect.poll(() => hits.count()).toBe(shown + 8);
    await page.waitForLoadState('networkidle');
    expect(fragments(page.fetched)).toHaveLength(shown + 8);
    // Focus moves to the first new result, and screen readers hear how many are shown.
    expect(
      await page.evaluate(
        (index) => document.activeElement?.closest('.hit') === document.querySelectorAll('#page-search-results .hit')[index],
        shown,
      ),
    ).toBe(true);
    expect(await page.locator('atlas-search[data-mode="page"] [data-search-status]').textContent()).toBe(
      `Showing ${shown + 8} of ${total} results for redis`,
    );

    // From the keyboard, to the end: the button goes when every result is shown.
    while ((await more.count()) > 0) {
      const before = await hits.count();
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => hits.count()).toBeGreaterThan(before);
    }
    expect(await hits.count()).toBe(total);
    expect(new Set(fragments(page.fetched)).size).toBe(total);
    expect(await page.locator('#page-search-results .hit-count').textContent()).toBe(`${total} results for redis`);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('in a tall window the search page shows results until the window is full, and a small one still shows three', async () => {
    const tall = await site.newPage({ viewport: { width: 1280, height: 2400 } });
    await tall.goto(site.url('/search/?q=redis'));
    await tall.locator('#page-search-results .hit').first().waitFor();
    await tall.waitForLoadState('networkidle');
    const filled = await hitBoxes(tall);
    expect(filled.hits.length).toBeGreaterThan(8);
    // Full: the next result would start below the window (results are spaced about 1rem apart).
    expect(filled.hits.at(-1)!.bottom).toBeGreaterThan(filled.height - 32);
    expect(filled.hits.at(-2)!.bottom).toBeLessThan(filled.height);
    expect(fragments(tall.fetched)).toHaveLength(filled.hits.length);
    await tall.close();

    const small = await site.newPage({ viewport: { width: 375, height: 560 } });
    await small.goto(site.url('/search/?q=redis'));
    await small.locator('#page-search-results .hit').first().waitFor();
    await small.waitForLoadState('networkidle');
    expect(await small.locator('#page-search-results .hit').count()).toBe(3);
    expect(fragments(small.fetched)).toHaveLength(3);
    await small.close();
  });

  it('a new search on the page starts again from the results that fit the window', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(site.url('/search/?q=redis'));
    const hits = page.locator('#page-search-results .hit');
    await hits.first().waitFor();
    const shown = await hits.count();
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => hits.count()).toBe(shown + 8);
    await page.locator('#page-search-input').fill('database');
    await page.waitForURL(/q=database/);
    await expect.poll(() => page.locator('#page-search-results .hit-count').textContent()).toMatch(/results for database \(showing \d\)$/);
    const again = await hitBoxes(page);
    expect(again.hits.length).toBeLessThan(8);
    for (const hit of again.hits) expect(hit.top).toBeLessThan(again.height);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('the header form still takes the reader to the search page, which offers every index', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/roles/'));
    await page.locator('#header-search-input').fill('redis');
    await page.locator('#header-search-input').press('Enter');
    await page.waitForURL(/\/search\/\?q=redis/);
    expect(await page.locator('h1').textContent()).toBe('Search');
    expect(await page.locator('noscript').count()).toBe(1);
    const browse = await page.locator('.browse a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(browse).toEqual(['/guides/', '/roles/', '/responsibilities/', '/skills/', '/paths/']);
    await page.close();
  });
});

describe('cost', () => {
  it('an article page fetches no search JavaScript, CSS, WASM or index until search is used', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/roles/backend-developer/'));
    await page.waitForLoadState('networkidle');
    expect(page.fetched.filter((url) => /pagefind|search-(popup|page)-start|search\/titles-/.test(url))).toEqual([]);
    await page.close();
  });
});
