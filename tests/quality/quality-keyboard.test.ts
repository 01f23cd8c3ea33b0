/**
 * Keyboard use in real Chromium, pressing Tab as a reader does: on one page of every
 * kind (home, each collection index, one entry of each collection, search, 404, and any
 * view added later), in both schemes and at phone and desktop widths, the skip link comes
 * first and moves focus into <main>, every stop shows a visible focus indicator, and Tab
 * goes through the whole page without a trap. Search and the theme switch work from the
 * keyboard alone. Planted defects prove the walk catches each failure.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkKeyboard, checkKeyboardPages, cssContrast, pagesByKind } from '../../scripts/check-keyboard';
import { formatPageProblems, type PageProblem } from '../../scripts/page-problems';
import { htmlPages } from '../support/dist';
import { fixturePage, writeSite } from '../support/quality-fixtures';
import { useServedSite } from '../support/site-session';
import { hasThemeSwitch, themeControl } from '../support/theme-switch';
import { serveStatic, type StaticServer } from '../support/static-server';

const served = useServedSite();

const kinds = pagesByKind(htmlPages());

describe('every kind of page works from the keyboard', () => {
  it('covers the home page, every collection index and an entry of every collection', () => {
    for (const file of [
      'index.html',
      'search/index.html',
      '404.html',
      'skills/index.html',
      'roles/index.html',
      'guides/index.html',
      'paths/index.html',
      'responsibilities/index.html',
    ]) {
      expect(kinds).toContain(file);
    }
    for (const collection of ['skills', 'roles', 'guides', 'paths', 'responsibilities']) {
      expect(
        kinds.some((file) => file.startsWith(`${collection}/`) && file.split('/').length === 3),
        collection,
      ).toBe(true);
    }
  });

  it.each([
    ['light', 'desktop', { width: 1280, height: 800 }],
    ['dark', 'desktop', { width: 1280, height: 800 }],
    // The dark scheme changes colours only, so its outline contrast is checked at one width.
    ['light', 'phone', { width: 375, height: 812 }],
  ] as const)(
    '%s scheme, %s: skip link first, visible focus at every stop, no trap',
    async (colorScheme, _, viewport) => {
      const problems = await checkKeyboardPages(served.browser, served.server.url, kinds, { colorScheme, viewport });
      expect(formatPageProblems(problems)).toBe('');
    },
    300_000,
  );
});

/** Presses Tab until `target` has focus; fails if it is not reached. */
async function tabTo(page: Page, isTarget: () => boolean, limit = 40): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget)) return presses;
  }
  throw new Error(`Tab did not reach the control within ${limit} presses`);
}

describe('search from the keyboard alone', () => {
  it('Tab reaches the header search; typing, ArrowDown and Enter open a result', async () => {
    const page = await served.browser.newPage();
    await page.goto(served.server.url);
    await tabTo(page, () => document.activeElement?.id === 'header-search-input');
    await page.keyboard.type('redis');
    await page.locator('#header-search-results [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const active = await page.locator('#header-search-input').getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    const href = await page.locator(`[id="${active}"]`).getAttribute('href');
    expect(href).toMatch(/^\/[a-z-]+\/[a-z0-9-]+\//);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === new URL(href!, served.server.url).pathname);
    await page.close();
  });

  it('on the search page, Enter submits, the type filters take arrow keys and results are reachable by Tab', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.server.url}search/`);
    await tabTo(page, () => document.activeElement?.id === 'page-search-input');
    await page.keyboard.type('database');
    await page.keyboard.press('Enter');
    await page.locator('#page-search-results a').first().waitFor();
    await tabTo(page, () => document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'radio');
    const before = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      (old) => (document.activeElement as HTMLInputElement).value !== old && new URL(location.href).searchParams.has('type'),
      before,
    );
    await page.locator('#page-search-results a').first().waitFor();
    await tabTo(page, () => Boolean(document.activeElement?.closest('#page-search-results a')));
    await page.close();
  });
});

describe('the theme switch from the keyboard alone', () => {
  it.skipIf(!hasThemeSwitch())('Tab reaches the control by its label and arrow keys switch to dark and back', async () => {
    const page = await served.browser.newPage({ colorScheme: 'light' });
    await page.goto(`${served.server.url}skills/redis/`);
    const control = themeControl(page);
    await control.waitFor();
    const handle = await control.elementHandle();
    await tabTo(
      page,
      () =>
        Boolean(
          document.activeElement?.closest('theme-switch, [data-theme-switch], [role="radiogroup"]') ||
          (document.activeElement as HTMLSelectElement | null)?.name === 'theme',
        ),
      60,
    );
    expect(await handle!.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    for (let press = 0; press < 3 && (await page.evaluate(() => document.documentElement.dataset['theme'])) !== 'dark'; press++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await background()).not.toBe(light);
    for (let press = 0; press < 3 && (await page.evaluate(() => document.documentElement.dataset['theme'])) === 'dark'; press++) {
      await page.keyboard.press('ArrowUp');
    }
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).not.toBe('dark');
    await page.close();
  });
});

describe('the keyboard walk (planted defects)', () => {
  let fixture: StaticServer | undefined;
  afterAll(async () => fixture?.close());

  async function walk(options: Parameters<typeof fixturePage>[0]): Promise<PageProblem[]> {
    await fixture?.close();
    fixture = await serveStatic(
      writeSite({ 'index.html': fixturePage(options), 'about/index.html': fixturePage({ path: '/about/', title: 'About' }) }),
    );
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = await checkKeyboard(page, fixture.url, 'index.html');
    await page.close();
    return problems;
  }
  const lines = (problems: PageProblem[]) => problems.map((p) => `[${p.rule}] ${p.element} — ${p.message}`);

  it('finds nothing on the clean fixture page, so each planted defect below is the only problem', async () => {
    expect(await walk({ path: '/', title: 'Clean', body: '<p><a href="/about/">About us</a> <button type="button">Press</button></p>' })).toEqual([]);
  });

  it('reports a page whose first Tab stop is not a skip link', async () => {
    const problems = await walk({ path: '/', title: 'No skip', beforeMain: '<header><nav aria-label="Main"><a href="/">Home</a></nav></header>' });
    expect(lines(problems)).toEqual(['[skip-link] <a href="/"> — the first Tab stop must be a "Skip to content" link to the main content']);
  });

  it('reports a skip link that does not move focus into main', async () => {
    const problems = await walk({ path: '/', title: 'Bad skip', beforeMain: '<a class="skip-link" href="#nowhere">Skip to content</a>' });
    expect(lines(problems)).toEqual([
      '[skip-link] <a class="skip-link" href="#nowhere"> — following the skip link must move focus into <main>, but #nowhere is not the main element or did not take focus',
    ]);
  });

  it('reports every element whose focus indicator was removed', async () => {
    const problems = await walk({
      path: '/',
      title: 'No outline',
      head: '<style>main a:focus-visible { outline: none; }</style>',
      body: '<p><a href="/about/">One</a> <a href="/about/#x">Two</a></p>',
    });
    expect(problems.map((p) => `${p.rule} ${p.element}`)).toEqual([
      'focus-visible #main > p > a:nth-of-type(1) <a href="/about/">',
      'focus-visible #main > p > a:nth-of-type(2) <a href="/about/#x">',
    ]);
    expect(problems[0]!.message).toMatch(/^shows no focus indicator \(outline none [\d.]+px, box-shadow none\)/);
  });

  it('reports a focus outline without 3:1 contrast against the background', async () => {
    const problems = await walk({
      path: '/',
      title: 'Faint outline',
      head: '<style>main button:focus-visible { outline: 3px solid #dddddd; }</style>',
      body: '<p><button type="button">Faint</button></p>',
    });
    expect(lines(problems)).toEqual([
      '[focus-visible] #main > p > button <button type="button"> — has a focus outline rgb(221, 221, 221) on rgb(255, 255, 255): contrast 1.36:1, needs 3:1',
    ]);
  });

  it('reports a focus trap: a widget that sends Tab back to its own first button', async () => {
    const trap = `<div id="dialog"><button type="button">First</button> <button type="button" id="last">Last</button></div><p><a href="/about/">After</a></p>
      <script>document.getElementById('last').addEventListener('keydown', (e) => { if (e.key === 'Tab') { e.preventDefault(); document.querySelector('#dialog button').focus(); } });</script>`;
    const problems = await walk({ path: '/', title: 'Trap', body: trap });
    expect(lines(problems)).toEqual([
      '[focus-trap] #dialog > button:nth-of-type(1) <button type="button"> — Tab came back to this element after 5 stops without leaving the page: focus is trapped',
    ]);
  });

  it('reports a focused element that is off screen', async () => {
    const problems = await walk({
      path: '/',
      title: 'Off screen',
      head: '<style>.away { position: absolute; left: -9999px; }</style>',
      body: '<p><a class="away" href="/about/">Hidden link</a></p>',
    });
    expect(lines(problems)).toEqual([
      '[focus-not-obscured] #main > p > a <a class="away" href="/about/"> — is focused but not on screen: a reader cannot see where focus is',
    ]);
  });
});

describe('cssContrast', () => {
  it('matches WCAG for computed colours and composites translucent ones', () => {
    expect(cssContrast('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
    expect(cssContrast('rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(1, 5);
    expect(cssContrast('oklch(0.5 0.1 200)', 'rgb(255, 255, 255)')).toBeUndefined();
  });
});
