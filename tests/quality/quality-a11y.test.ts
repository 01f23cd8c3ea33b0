/**
 * Accessibility in real Chromium: axe-core's WCAG 2.0/2.1/2.2 A and AA rules on every
 * built page, in the light and dark schemes, at phone (375px) and desktop (1280px)
 * widths, plus the states only interaction reaches (search suggestions, search results,
 * a theme chosen in the header). Where the dark scheme changes colours only (same layout,
 * same visible elements) it gets the colour rules; otherwise every rule runs again.
 * Planted defects prove the audit sees each condition.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CONDITIONS, axeViolations, checkAccessibility, DESKTOP, PHONE } from '../../scripts/check-a11y';
import { formatPageProblems, type PageProblem } from '../../scripts/page-problems';
import { htmlPages } from '../support/dist';
import { fixturePage, writeSite } from '../support/quality-fixtures';
import { useServedSite } from '../support/site-session';
import { hasThemeSwitch, themeControl } from '../support/theme-switch';
import { serveStatic, type StaticServer } from '../support/static-server';

const served = useServedSite();

describe('every built page meets WCAG 2.2 AA (axe)', () => {
  it('has zero violations on every page, light and dark, at 375px and 1280px', async () => {
    const pages = htmlPages();
    const problems = await checkAccessibility(served.browser, served.server.url, pages, { conditions: ALL_CONDITIONS, concurrency: 2 });
    expect(formatPageProblems(problems)).toBe('');
  }, 600_000);
});

/** Runs axe on the page as it is now, in both schemes. */
async function auditBothSchemes(page: Page, file: string, state: string): Promise<PageProblem[]> {
  const problems: PageProblem[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    problems.push(...(await axeViolations(page, file, `${colorScheme} scheme, ${state}`)));
  }
  return problems;
}

describe('states reached by interaction have zero violations', () => {
  it('the header search with its suggestions open, at both widths', async () => {
    const page = await served.browser.newPage();
    const problems: PageProblem[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      await page.goto(served.server.url);
      await page.locator('#header-search-input').fill('database');
      await page.locator('#header-search-results [role="option"]').first().waitFor();
      expect(await page.locator('#header-search-input').getAttribute('aria-expanded')).toBe('true');
      problems.push(...(await auditBothSchemes(page, 'index.html', `suggestions open, ${viewport.width}px`)));
    }
    expect(formatPageProblems(problems)).toBe('');
    await page.close();
  });

  it('the search page with results and type filters', async () => {
    const page = await served.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${served.server.url}search/?q=database`);
    await page.locator('#page-search-results a').first().waitFor();
    expect(formatPageProblems(await auditBothSchemes(page, 'search/index.html', 'results shown'))).toBe('');
    await page.close();
  });

  it.skipIf(!hasThemeSwitch())('an entry page with the dark theme chosen in the header while the system prefers light', async () => {
    const page = await served.browser.newPage({ viewport: DESKTOP, colorScheme: 'light' });
    await page.goto(`${served.server.url}skills/redis/`);
    const control = themeControl(page);
    await control.waitFor();
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption('dark');
    else await control.click();
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toContain('dark');
    expect(formatPageProblems(await axeViolations(page, 'skills/redis/index.html', 'theme switch: dark, system light'))).toBe('');
    await page.close();
  });
});

describe('the accessibility audit (planted defects)', () => {
  const planted = (body: string, head = '') => fixturePage({ path: '/', title: 'Planted', body, head });
  let fixture: StaticServer | undefined;
  afterAll(async () => fixture?.close());

  async function audit(html: string): Promise<PageProblem[]> {
    await fixture?.close();
    fixture = await serveStatic(writeSite({ 'index.html': html, 'about/index.html': fixturePage({ path: '/about/', title: 'About' }) }));
    return checkAccessibility(served.browser, fixture.url, ['index.html'], { concurrency: 1 });
  }

  it('finds nothing on the clean fixture page, so each planted defect below is the only problem', async () => {
    expect(await audit(planted('<p>Readable text.</p>'))).toEqual([]);
  });

  it('reports an image without a text alternative, naming the element', async () => {
    const problems = await audit(planted('<p><img src="/about/" width="20" height="20"></p>'));
    expect(problems.map((p) => `${p.rule} ${p.element}`)).toEqual(['image-alt img <img src="/about/" width="20" height="20">']);
  });

  it('reports low-contrast text in every condition it fails in', async () => {
    // #777 is 4.47:1 on white and 4.06:1 on the dark background: just short of 4.5 in both.
    const problems = await audit(planted('<p class="faint">Grey on white.</p>', '<style>.faint { color: #777777; }</style>'));
    expect(problems.map((p) => p.rule)).toEqual(['color-contrast']);
    expect(problems[0]!.element).toContain('<p class="faint">Grey on white.</p>');
    expect(problems[0]!.message).toContain('light scheme, phone 375px');
    expect(problems[0]!.message).toContain('Element has insufficient color contrast of 4.47 (foreground color: #777777, background color: #ffffff');
    expect(problems[0]!.message).toContain('[also: dark scheme, phone 375px; light scheme, desktop 1280px; dark scheme, desktop 1280px]');
  });

  it('audits the dark scheme: a colour that fails only there is caught, and only there', async () => {
    const style = '<style>.dim { color: light-dark(#4a5361, #3a4250); }</style>';
    const problems = await audit(planted('<p class="dim">Fine in light, dim in dark.</p>', style));
    expect(problems.map((p) => p.rule)).toEqual(['color-contrast']);
    expect(problems[0]!.message).toContain('dark scheme, phone 375px');
    expect(problems[0]!.message).not.toContain('light scheme');
  });

  it('runs every rule again in a scheme whose layout differs: an image shown only in dark is checked there', async () => {
    const style = '<style>.dark-only { display: none; } @media (prefers-color-scheme: dark) { .dark-only { display: block; } }</style>';
    const problems = await audit(planted('<p>Logo:</p><img class="dark-only" src="/about/" width="20" height="20">', style));
    expect(problems.map((p) => p.rule)).toEqual(['image-alt']);
    expect(problems[0]!.message).toContain('dark scheme, phone 375px');
    expect(problems[0]!.message).not.toContain('light scheme');
  });

  it('audits phone width: a defect that exists only at 375px is caught', async () => {
    const style = '<style>@media (max-width: 40rem) { .narrow { color: #a0a0a0; } }</style>';
    const problems = await audit(planted('<p class="narrow">Fine on a desktop.</p>', style));
    expect(problems.map((p) => p.rule)).toEqual(['color-contrast']);
    expect(problems[0]!.message).not.toContain('desktop');
  });

  it('checks code blocks token by token: the stock GitHub-dark comment colour fails in the dark scheme', async () => {
    const style =
      '<style>.astro-code, .astro-code span { color: light-dark(var(--shiki-light), var(--shiki-dark)); background-color: light-dark(var(--shiki-light-bg), var(--shiki-dark-bg)); }</style>';
    const code =
      '<pre class="astro-code" style="--shiki-light:#24292e;--shiki-dark:#e1e4e8;--shiki-light-bg:#fff;--shiki-dark-bg:#24292e" tabindex="0"><code>' +
      '<span class="line"><span style="--shiki-light:#6a737d;--shiki-dark:#6a737d"># a comment</span></span></code></pre>';
    const problems = await audit(planted(code, style));
    expect(problems.map((p) => p.rule)).toEqual(['color-contrast']);
    expect(problems[0]!.element).toContain('# a comment');
    expect(problems[0]!.message).toContain('dark scheme');
    expect(problems[0]!.message).not.toContain('light scheme');
  });
});
