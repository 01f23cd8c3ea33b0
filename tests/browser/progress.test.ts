/**
 * A reader's progress marks in a real browser: marking a skill on a role's learning path (on
 * the skill's own page: progress-skill-page.test.ts), the mark surviving a reload and showing on
 * the matrix and compare pages; export, clear and import from the progress page, with every
 * wrong file refused; a damaged stored value set aside without breaking the page; no flash of
 * unmarked state and no layout shift while saved marks load; the keyboard, both themes, print,
 * and pages that read exactly as before without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeViolations, type ColorScheme } from '../../scripts/check-a11y';
import { htmlPages, page as builtPage } from '../support/dist';
import { useSite } from '../support/site-session';

const site = useSite();
type Page = Awaited<ReturnType<typeof site.newPage>>;

const KEY = 'atlas-progress';
const ROLE = '/roles/backend-developer/learning-path/';
const FORMAT = 'backend-atlas-progress';

/** The learning path's steps of one skill each, as built: key, title and the keys each builds on. */
const roleSteps = builtPage('roles/backend-developer/learning-path/index.html')
  .querySelectorAll('.steps > li[data-reason]')
  .flatMap((li) => {
    const marks = li.querySelectorAll('.mark');
    if (marks.length !== 1) return [];
    const key = marks[0]!.getAttribute('data-mark')!;
    return [{ key, id: key.split('/')[1]!, title: marks[0]!.getAttribute('aria-label')!, core: li.getAttribute('data-reason') === 'core' }];
  });
const coreStep = roleSteps.find((step) => step.core)!;
const usefulStep = roleSteps.find((step) => !step.core) ?? roleSteps[1]!;
const coreTotal = builtPage('roles/backend-developer/learning-path/index.html')
  .querySelector('[data-tally="core"]')!
  .text.match(/of (\d+)/)![1];

const file = (marks: Record<string, string>, extra: Record<string, unknown> = {}) => JSON.stringify({ format: FORMAT, version: 1, marks, ...extra });
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const ready = (page: Page) => page.waitForFunction(() => document.documentElement.dataset['progress'] === 'ready');
const group = (page: Page, title: string) => page.locator('.steps, [data-mark-list]').getByRole('group', { name: title, exact: true }).first();
const button = (page: Page, title: string, state: 'Learning' | 'Done') => group(page, title).getByRole('button', { name: state, exact: true });
const status = (page: Page) => page.locator('[data-progress-status]').first();
// A press is handled once the progress code has loaded (on first use), so what it changes is waited for, not read at once.
const pressed = (locator: ReturnType<typeof button>) => expect.poll(() => locator.getAttribute('aria-pressed'));
const text = (locator: ReturnType<Page['locator']>) => expect.poll(() => locator.textContent());
const storedMarks = (page: Page) => expect.poll(async () => JSON.parse((await stored(page)) ?? '{"marks":null}').marks);

/** A page with these marks already saved, as a returning reader has them. */
async function withMarks(marks: Record<string, string>, options: Parameters<typeof site.newPage>[0] = {}): Promise<Page> {
  const page = await site.newPage(options);
  await page.goto(site.url('/'));
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, file(marks)]);
  return page;
}

describe('marking skills', () => {
  it('marks a skill on a role’s learning path, and after a reload shows it there, in the matrix and on compare pages', async () => {
    const page = await site.newPage();
    await page.goto(site.url(ROLE));
    await text(page.locator('[data-tally="core"]')).toBe(`0 of ${coreTotal} core skills done`);
    await button(page, coreStep.title, 'Done').click();
    await pressed(button(page, coreStep.title, 'Done')).toBe('true');
    await text(page.locator('[data-tally="core"]')).toBe(`1 of ${coreTotal} core skills done`);
    await text(status(page)).toBe(`${coreStep.title}: marked done. 1 of ${coreTotal} core skills done.`);
    await storedMarks(page).toEqual({ [coreStep.key]: 'done' });
    expect(JSON.parse((await stored(page))!)).toEqual({ format: FORMAT, version: 1, marks: { [coreStep.key]: 'done' } });

    await page.reload();
    await ready(page);
    await pressed(button(page, coreStep.title, 'Done')).toBe('true');
    await pressed(button(page, coreStep.title, 'Learning')).toBe('false');
    await text(page.locator('[data-tally="core"]')).toBe(`1 of ${coreTotal} core skills done`);

    await page.goto(site.url('/skills/matrix/'));
    await ready(page);
    const badge = page.locator(`tr[data-skill="${coreStep.id}"] [data-marked]`);
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.textContent()).toBe('your mark: done');
    expect(await page.locator('thead th[data-role="backend-developer"] [data-role-progress]').textContent()).toBe(
      `1 of ${coreTotal} core skills done`,
    );

    const compare = htmlPages().find((path) => path.startsWith('compare/backend-developer-vs-') || /^compare\/.+-vs-backend-developer\//.test(path))!;
    await page.goto(site.url(`/${compare.replace(/index\.html$/, '')}`));
    await ready(page);
    expect(await page.locator(`tr[data-skill="${coreStep.id}"] [data-marked]`).textContent()).toBe('your mark: done');
    expect(await page.getByText(`1 of ${coreTotal} core skills done`).count()).toBe(1);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('switches a mark between learning and done, and removes it, from the keyboard alone, announcing each change', async () => {
    const page = await site.newPage();
    await page.goto(site.url(ROLE));
    const learning = button(page, usefulStep.title, 'Learning');
    const done = button(page, usefulStep.title, 'Done');
    await learning.waitFor({ state: 'visible' });
    // The step is far down a long checklist: focus lands on it as a Tab would, then only keys are used.
    await learning.focus();
    await page.keyboard.press('Space');
    await ready(page);
    await pressed(learning).toBe('true');
    await expect.poll(async () => (await status(page).textContent())?.startsWith(`${usefulStep.title}: marked learning.`)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await pressed(done).toBe('true');
    await pressed(learning).toBe('false');
    await expect.poll(async () => (await status(page).textContent())?.startsWith(`${usefulStep.title}: marked done.`)).toBe(true);
    await page.keyboard.press('Enter');
    await pressed(done).toBe('false');
    await expect.poll(async () => (await status(page).textContent())?.startsWith(`${usefulStep.title}: mark removed.`)).toBe(true);
    await expect.poll(() => stored(page)).toBeNull();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('with saved marks, moves nothing while they load, on a phone and a wide screen; the matrix keeps them hidden until drawn', async () => {
    const page = await withMarks({ [coreStep.key]: 'done', [usefulStep.key]: 'learning' });
    // Hold the progress code, so the page can be measured as laid out before the marks are drawn.
    let release = () => {};
    let held = Promise.resolve();
    await page.route('**/_astro/progress-*.js', async (route) => {
      await held;
      await route.continue();
    });
    for (const [path, width] of [
      [ROLE, 375],
      [ROLE, 1280],
      ['/skills/matrix/', 375],
      ['/skills/matrix/', 1280],
    ] as const) {
      held = new Promise<void>((resolve) => (release = resolve));
      await page.setViewportSize({ width, height: 800 });
      await page.goto(site.url(path), { waitUntil: 'domcontentloaded' });
      const layout = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.steps > li, .path-progress, .entry, tr[data-skill], thead th, footer')].map((el) => {
            const box = el.getBoundingClientRect();
            return [box.x, box.y, box.width, box.height].map(Math.round).join(',');
          }),
        );
      const before = await layout();
      if (path === '/skills/matrix/') {
        // The matrix's boot script says there are marks before anything is painted: room is kept and the badges stay hidden.
        const hidden = await page.evaluate(() => ({
          state: document.documentElement.dataset['progress'],
          shown: [...document.querySelectorAll('[data-marked], [data-role-progress]')].filter((el) => getComputedStyle(el).visibility !== 'hidden')
            .length,
        }));
        expect(hidden, `${path} at ${width}px`).toEqual({ state: 'load', shown: 0 });
      }
      release();
      await ready(page);
      expect(await layout(), `${path} at ${width}px`).toEqual(before);
    }
    await page.goto(site.url(ROLE));
    await ready(page);
    expect(await button(page, coreStep.title, 'Done').isVisible()).toBe(true);
    await pressed(button(page, coreStep.title, 'Done')).toBe('true');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('loads no progress code for a reader with no marks until they press one', async () => {
    const page = await site.newPage();
    await page.goto(site.url(ROLE));
    await page.goto(site.url('/skills/matrix/'));
    expect(page.fetched.filter((url) => /\/_astro\/progress-[^/.]+\.js$/.test(url))).toEqual([]);
    await page.goto(site.url(ROLE));
    await button(page, coreStep.title, 'Learning').click();
    await ready(page);
    expect(page.fetched.filter((url) => /\/_astro\/progress-[^/.]+\.js$/.test(url))).toHaveLength(1);
    await page.close();
  });
});

describe('keeping a copy: export, clear and import', () => {
  it('exports the marks to a file, clears them only once confirmed, and imports the file back', async () => {
    const page = await withMarks({ [coreStep.key]: 'done', [usefulStep.key]: 'learning' });
    await page.goto(site.url('/progress/'));
    await ready(page);
    expect(await page.locator('[data-mark-list] li').count()).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save to a file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backend-atlas-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: FORMAT, version: 1, marks: { [coreStep.key]: 'done', [usefulStep.key]: 'learning' } });

    const clear = page.getByRole('button', { name: 'Remove all marks' });
    await clear.click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('Remove all 2 marks from this browser?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await text(status(page)).toBe('Nothing was removed.');
    expect(await stored(page)).not.toBeNull();
    await clear.click();
    await dialog.getByRole('button', { name: 'Remove all marks' }).click();
    await text(status(page)).toBe('All 2 marks were removed.');
    expect(await stored(page)).toBeNull();

    await page.getByLabel('Import a file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await text(status(page)).toBe('Imported mine.json: 2 added, 0 changed.');
    await storedMarks(page).toEqual({ [coreStep.key]: 'done', [usefulStep.key]: 'learning' });

    // A file that would change a mark asks first; nothing changes until the reader agrees.
    const changing = { name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(file({ [coreStep.key]: 'learning' })) };
    await page.getByLabel('Import a file').setInputFiles(changing);
    await text(dialog).toContain(`would change 1 of your marks (${coreStep.title} from done to learning)`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await text(status(page)).toBe('older.json was not imported. Your marks are unchanged.');
    expect(JSON.parse((await stored(page))!).marks[coreStep.key]).toBe('done');
    await page.getByLabel('Import a file').setInputFiles(changing);
    await dialog.getByRole('button', { name: 'Import and change my marks' }).click();
    await storedMarks(page).toEqual({ [coreStep.key]: 'learning', [usefulStep.key]: 'learning' });

    await page.goto(site.url(ROLE));
    await ready(page);
    await pressed(button(page, coreStep.title, 'Learning')).toBe('true');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('refuses a wrong, newer, hostile or oversized file with a message, and changes nothing', async () => {
    const page = await withMarks({ [coreStep.key]: 'done' });
    await page.goto(site.url('/progress/'));
    await ready(page);
    const before = await stored(page);
    const cases: [string, string | Buffer, string][] = [
      ['notes.txt', 'my notes', 'its text is not JSON'],
      ['other.json', JSON.stringify({ progress: ['redis'] }), 'it is not a progress file from this site'],
      ['newer.json', JSON.stringify({ format: FORMAT, version: 2, marks: {} }), 'saved by a newer version of the site'],
      ['proto.json', `{"format":"${FORMAT}","version":1,"marks":{"__proto__":"done"}}`, 'which is not the id of a page'],
      ['markup.json', file({ '<img src=x onerror=alert(1)>': 'done' }), 'which is not the id of a page'],
      ['huge.json', Buffer.alloc(2 * 1024 * 1024, 32), 'far more than progress takes'],
    ];
    for (const [name, content, problem] of cases) {
      await page.getByLabel('Import a file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await text(status(page)).toContain(`${name} was not imported`);
      const message = await status(page).textContent();
      expect(message, name).toMatch(new RegExp(`^${name.replace('.', '\\.')} was not imported: .*Your marks are unchanged\\.$`));
      expect(message, name).toContain(problem);
      expect(await stored(page), name).toBe(before);
    }
    expect(await page.locator('img').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('a damaged stored value', () => {
  it('is set aside and reported, the page keeps working, and the progress page offers it back', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/'));
    const damaged = '{"format":"backend-atlas-progress","version":1,"marks":{"skills/http":"maybe"';
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, damaged]);
    await page.goto(site.url(ROLE));
    await ready(page);
    const notice = page.locator('.path-progress [data-progress-notice]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain(
      'Your saved progress could not be read: it is not a progress file: its text is not JSON. It was set aside',
    );
    expect(await stored(page)).toBeNull();
    await button(page, coreStep.title, 'Done').click();
    await storedMarks(page).toEqual({ [coreStep.key]: 'done' });

    await page.goto(site.url('/progress/'));
    await ready(page);
    const setAside = page.getByRole('region', { name: 'Saved progress that could not be read' });
    expect(await setAside.isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), setAside.getByRole('button', { name: 'Download it' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(damaged);
    await setAside.getByRole('button', { name: 'Delete it' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete it' }).click();
    await expect.poll(() => setAside.isVisible()).toBe(false);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('atlas-progress-unreadable-')))).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('keeps a mark for a page the site no longer has, and lists it as such', async () => {
    const page = await withMarks({ 'skills/a-page-that-went-away': 'done', [coreStep.key]: 'learning' });
    await page.goto(site.url('/progress/'));
    await ready(page);
    const gone = page.getByRole('region', { name: 'No longer on the site' });
    expect(await gone.getByRole('listitem').allTextContents()).toEqual(['skills/a-page-that-went-away (done)']);
    expect(JSON.parse((await stored(page))!).marks['skills/a-page-that-went-away']).toBe('done');
    await page.close();
  });
});

describe('as every reader meets it', () => {
  for (const scheme of ['light', 'dark'] as ColorScheme[]) {
    it(`has no accessibility violations in the ${scheme} theme, marked and unmarked`, async () => {
      const page = await withMarks({ [coreStep.key]: 'done', [usefulStep.key]: 'learning' }, { colorScheme: scheme });
      const problems = [];
      for (const path of [ROLE, '/skills/matrix/', '/progress/']) {
        await page.goto(site.url(path));
        await ready(page);
        problems.push(...(await axeViolations(page, path, scheme)));
      }
      await page.getByRole('button', { name: 'Remove all marks' }).click();
      problems.push(...(await axeViolations(page, '/progress/ (dialog open)', scheme)));
      expect(problems).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  }

  it('prints a role’s learning path as a checklist with the reader’s marks', async () => {
    const page = await withMarks({ [coreStep.key]: 'done', [usefulStep.key]: 'learning' });
    await page.goto(site.url(ROLE));
    await ready(page);
    await page.emulateMedia({ media: 'print' });
    const boxes = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('.steps .mark')].map((mark) => [mark.dataset['mark'], getComputedStyle(mark, '::after').content]),
      ),
    );
    expect(boxes[coreStep.key]).toBe('"☑ done"');
    expect(boxes[usefulStep.key]).toBe('"☐ learning"');
    expect(Object.values(boxes).filter((box) => box === '"☐"').length).toBe(Object.keys(boxes).length - 2);
    expect(await page.locator('.steps .mark button').first().isVisible()).toBe(false);
    await page.close();
  });

  it('without JavaScript, shows no marks, counts or buttons: the pages read as they do without the feature', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    for (const path of [ROLE, '/skills/matrix/']) {
      await page.goto(site.url(path));
      expect(
        await page
          .locator('.mark, .mark-badge, .path-progress, [data-role-progress], .choice-marks')
          .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length),
        path,
      ).toBe(0);
    }
    await page.goto(site.url('/progress/'));
    expect(await page.getByText('Your marks are read by JavaScript, which is switched off').isVisible()).toBe(true);
    await page.close();
  });
});
