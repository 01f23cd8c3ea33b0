/**
 * A reader's mark on a skill's own page, in the line under its title: made from the keyboard and
 * announced, kept after a reload, the same mark the role's learning path and the skills matrix
 * show; nothing moving while saved marks are drawn or when one is pressed; no accessibility
 * problem in either theme; and, without JavaScript, no control at all.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, type ColorScheme } from '../../scripts/check-a11y';
import { page as builtPage } from '../support/dist';
import { useSite } from '../support/site-session';

const site = useSite();
type Page = Awaited<ReturnType<typeof site.newPage>>;

const KEY = 'atlas-progress';
const ROLE = '/roles/backend-developer/learning-path/';

/** A core skill of one role's learning path, as built: the skill the tests mark on its own page. */
const skill = (() => {
  const mark = builtPage('roles/backend-developer/learning-path/index.html')
    .querySelectorAll('.steps > li[data-reason="core"]')
    .map((li) => li.querySelectorAll('.mark'))
    .find((marks) => marks.length === 1)![0]!;
  const key = mark.getAttribute('data-mark')!;
  return { key, id: key.split('/')[1]!, title: mark.getAttribute('aria-label')!, path: `/${key}/` };
})();

/** The mark control under the skill page's title. */
const control = (page: Page) => page.locator('.entry-header').getByRole('group', { name: skill.title, exact: true });
const button = (page: Page, state: 'Learning' | 'Done', where = control(page)) => where.getByRole('button', { name: state, exact: true });
const pressed = (locator: ReturnType<typeof button>) => expect.poll(() => locator.getAttribute('aria-pressed'));
const status = (page: Page) => page.locator('[data-progress-status]');
const ready = (page: Page) => page.waitForFunction(() => document.documentElement.dataset['progress'] === 'ready');
const storedMarks = (page: Page) =>
  expect.poll(async () => JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{"marks":null}').marks);

/** A page with these marks already saved, as a returning reader has them. */
async function withMarks(marks: Record<string, string>, options: Parameters<typeof site.newPage>[0] = {}): Promise<Page> {
  const page = await site.newPage(options);
  await page.goto(site.url('/'));
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [KEY, JSON.stringify({ format: 'backend-atlas-progress', version: 1, marks })],
  );
  return page;
}

/** Where the control and what is around and below it are laid out, rounded to whole pixels. */
const layout = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.entry-header .meta, .entry-header .mark, .entry-header .mark button, .entry, footer')].map((el) => {
      const box = el.getBoundingClientRect();
      return `${el.className || el.tagName} ${[box.x, box.y, box.width, box.height].map(Math.round).join(',')}`;
    }),
  );

describe('a mark on a skill’s own page', () => {
  it('is made from the keyboard alone and announced, kept after a reload, and shown on the role’s learning path and the matrix', async () => {
    const page = await site.newPage();
    await page.goto(site.url(skill.path));
    // Reach the buttons as a Tab would, from the link just before them, then use keys only.
    await control(page).getByRole('link', { name: 'Your progress' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Learning');
    await page.keyboard.press('Space');
    await ready(page);
    await pressed(button(page, 'Learning')).toBe('true');
    await expect.poll(() => status(page).textContent()).toBe(`${skill.title}: marked learning.`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await pressed(button(page, 'Done')).toBe('true');
    await pressed(button(page, 'Learning')).toBe('false');
    await expect.poll(() => status(page).textContent()).toBe(`${skill.title}: marked done.`);
    expect(await status(page).getAttribute('role')).toBe('status');
    await storedMarks(page).toEqual({ [skill.key]: 'done' });

    await page.reload();
    await ready(page);
    await pressed(button(page, 'Done')).toBe('true');
    await pressed(button(page, 'Learning')).toBe('false');
    expect(await button(page, 'Done').isVisible()).toBe(true);

    await page.goto(site.url(ROLE));
    await ready(page);
    const step = page.locator('.steps').getByRole('group', { name: skill.title, exact: true });
    await pressed(button(page, 'Done', step)).toBe('true');

    await page.goto(site.url('/skills/matrix/'));
    await ready(page);
    expect(await page.locator(`tr[data-skill="${skill.id}"] [data-marked]`).textContent()).toBe('your mark: done');

    // Changed on the learning path, the mark reads the same back on the skill's page.
    await page.goto(site.url(ROLE));
    await ready(page);
    await button(page, 'Learning', step).click();
    await storedMarks(page).toEqual({ [skill.key]: 'learning' });
    await page.goto(site.url(skill.path));
    await ready(page);
    await pressed(button(page, 'Learning')).toBe('true');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('moves nothing while saved marks are drawn, on a phone and a wide screen, nor when a button is pressed', async () => {
    const page = await withMarks({ [skill.key]: 'done' });
    // Hold the progress code, so the page can be measured as laid out before the mark is drawn.
    let release = () => {};
    let held = Promise.resolve();
    await page.route('**/_astro/progress-*.js', async (route) => {
      await held;
      await route.continue();
    });
    for (const width of [375, 1280]) {
      held = new Promise<void>((resolve) => (release = resolve));
      await page.setViewportSize({ width, height: 800 });
      await page.goto(site.url(skill.path), { waitUntil: 'domcontentloaded' });
      const before = await layout(page);
      expect(
        before.filter((box) => box.startsWith('mark ')),
        `${width}px`,
      ).toHaveLength(1);
      release();
      await ready(page);
      await pressed(button(page, 'Done')).toBe('true');
      expect(await layout(page), `${width}px, once drawn`).toEqual(before);
      // Pressing fills and ticks a button in room it already had.
      await button(page, 'Learning').click();
      await pressed(button(page, 'Learning')).toBe('true');
      expect(await layout(page), `${width}px, once pressed`).toEqual(before);
      await button(page, 'Done').click();
      await pressed(button(page, 'Done')).toBe('true');
    }
    // The browser's own measure agrees: no layout shift at all while the page loads and draws the mark.
    await page.unroute('**/_astro/progress-*.js');
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site.url(skill.path));
    await ready(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as ColorScheme[]) {
    it(`has no accessibility violations in the ${scheme} theme, unmarked and marked`, async () => {
      const page = await site.newPage({ colorScheme: scheme });
      await page.goto(site.url(skill.path));
      await button(page, 'Learning').waitFor({ state: 'visible' });
      const problems = await axeViolations(page, `${skill.path} (unmarked)`, scheme);
      await button(page, 'Done').click();
      await pressed(button(page, 'Done')).toBe('true');
      problems.push(...(await axeViolations(page, `${skill.path} (marked done)`, scheme)));
      expect(problems).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  }

  it('without JavaScript, is not there: the page reads as it does without the feature', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url(skill.path));
    expect(await page.locator('.entry-header .mark').count()).toBe(1);
    expect(await page.locator('.mark').evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length)).toBe(0);
    expect(await page.getByRole('button', { name: /^(Learning|Done)$/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Your progress' }).count()).toBe(0);
    await page.close();
  });
});
