/**
 * The skills matrix on a 375-pixel-wide phone: the page itself never scrolls
 * sideways, the table pans inside its own box with the skill names and role
 * headings kept in view, and the role filter narrows it to one readable column.
 */
import { describe, expect, it } from 'vitest';
import { publishedContent } from '../support/content-files';
import { useSite } from '../support/site-session';

const site = useSite();
const PHONE = { width: 375, height: 812 };
const content = publishedContent();
const roles = content.filter((e) => e.collection === 'roles');
const skillCount = content.filter((e) => e.collection === 'skills').length;
const role = roles.find((r) => r.id === 'database-engineer') ?? roles[0]!;
const coreSkills = (role.data['skills'] as { skill: string; level: string }[]).filter((s) => s.level === 'core').map((s) => s.skill);

describe('the skills matrix on a phone', () => {
  it('fits the page to the screen and pans the table inside its own box', async () => {
    const page = await site.newPage({ viewport: PHONE });
    await page.goto(site.url('/skills/matrix/'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const box = page.locator('.matrix-scroll');
    const size = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.clientHeight }));
    expect(size.scroll).toBeGreaterThan(size.client);
    expect(size.height).toBeLessThanOrEqual(PHONE.height);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('keeps the skill names and the role headings in view while the table is panned', async () => {
    const page = await site.newPage({ viewport: PHONE });
    await page.goto(site.url('/skills/matrix/'));
    const box = page.locator('.matrix-scroll');
    await box.evaluate((el) => el.scrollTo(400, 600));
    const positions = await box.evaluate((el) => {
      const frame = el.getBoundingClientRect();
      const rowHeaders = [...el.querySelectorAll('th[scope="row"]')]
        .map((th) => th.getBoundingClientRect())
        .filter((r) => r.bottom > frame.top + 80 && r.top < frame.bottom);
      const roleHeader = el.querySelector('thead th[data-role]')!.getBoundingClientRect();
      return {
        frameLeft: frame.left,
        frameTop: frame.top,
        rowLeft: rowHeaders[0]!.left,
        headerTop: roleHeader.top,
        scrolled: [el.scrollLeft, el.scrollTop],
      };
    });
    expect(positions.scrolled[0]).toBeGreaterThan(0);
    expect(positions.scrolled[1]).toBeGreaterThan(0);
    // 1px border around the box.
    expect(Math.abs(positions.rowLeft - positions.frameLeft)).toBeLessThanOrEqual(2);
    expect(Math.abs(positions.headerTop - positions.frameTop)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('pans with the arrow keys once the table has keyboard focus', async () => {
    const page = await site.newPage({ viewport: PHONE });
    await page.goto(site.url('/skills/matrix/'));
    const box = page.locator('.matrix-scroll');
    await box.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });

  it('narrows to one role’s column and its core skills, keeping the choice in the address', async () => {
    const page = await site.newPage({ viewport: PHONE });
    await page.goto(site.url('/skills/matrix/'));
    await page.getByLabel('Role', { exact: true }).selectOption(role.id);
    await page.getByLabel('Show', { exact: true }).selectOption('core');
    const visible = () =>
      page.evaluate(() => ({
        roles: [...document.querySelectorAll<HTMLElement>('thead th[data-role]')].filter((th) => !th.hidden).map((th) => th.dataset['role']),
        skills: [...document.querySelectorAll<HTMLElement>('tr[data-skill]')].filter((tr) => !tr.hidden).map((tr) => tr.dataset['skill']),
      }));
    const narrowed = await visible();
    expect(narrowed.roles).toEqual([role.id]);
    expect([...narrowed.skills].sort()).toEqual([...coreSkills].sort());
    expect(await page.locator('[data-filter-status]').textContent()).toBe(
      `Showing ${coreSkills.length} of ${skillCount} skills for ${role.data['title']}.`,
    );
    expect(new URL(page.url()).search).toBe(`?role=${role.id}&show=core`);
    // With one role, the table fits the phone: no panning needed.
    expect(await page.locator('.matrix-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.reload();
    expect(await visible()).toEqual(narrowed);
    await page.close();
  });

  it('shows the whole matrix, and no filter, without JavaScript', async () => {
    const page = await site.newPage({ viewport: PHONE, javaScriptEnabled: false });
    await page.goto(site.url(`/skills/matrix/?role=${role.id}`));
    expect(await page.locator('matrix-filter').isVisible()).toBe(false);
    expect(await page.locator('thead th[data-role]:visible').count()).toBe(roles.length);
    expect(await page.locator('tr[data-skill]:visible').count()).toBe(skillCount);
    await page.close();
  });
});
