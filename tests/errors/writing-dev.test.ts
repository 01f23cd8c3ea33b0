/**
 * A writer's mistake reads the same wherever it shows up: in `npm run build`, in
 * `npm run check`, and in `npm run dev` — in the terminal and in the browser's
 * error overlay, whether the file was broken before the server started or while
 * it was running. Also: drafts are visible in dev, with their banner.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startDevServer, type DevServer } from '../support/dev-server';
import { buildContent, copyFixture, editFile, ROOT } from '../support/fixture-build';

const FILE = 'roles/backend-developer.mdx';
const HEADLINE = 'roles → backend-developer data does not match collection schema.';
const MESSAGE = 'order: must be a whole number, e.g. 3; found the text "first"';
const breakOrder = (text: string) => text.replace('order: 1', 'order: first');
const squash = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ');

describe('a schema error reads the same in the build, the check and the dev server', () => {
  let dev: DevServer;
  let browser: Browser;
  let content: string;

  /**
   * The text of the error overlay on a page once it mentions `expected` (or the last text
   * seen, after 20 s). The dev server sends the error to the page's Vite client over its
   * WebSocket; Vite may first replay an older error, so the page is read until it settles.
   */
  async function overlayText(path: string, expected: string): Promise<string> {
    const page = await browser.newPage();
    let text = '';
    try {
      const start = Date.now();
      while (Date.now() - start < 20_000) {
        // Vite may reload the page while it optimises dependencies on first use: a navigation or
        // an evaluation cut short by that is simply tried again.
        await page.goto(dev.url(path)).catch(() => undefined);
        for (let poll = 0; poll < 10 && !text.includes(expected); poll++) {
          await page.waitForTimeout(250);
          const seen = await page
            .evaluate(() => {
              const root = document.querySelector('vite-error-overlay')?.shadowRoot;
              if (!root) return '';
              const copy = document.createElement('div');
              copy.append(...[...root.children].map((child) => child.cloneNode(true)));
              copy.querySelectorAll('style, script').forEach((element) => element.remove());
              return copy.textContent ?? '';
            })
            .catch(() => '');
          if (seen) text = squash(seen);
        }
        if (text.includes(expected)) break;
      }
      return text;
    } finally {
      await page.close();
    }
  }

  /**
   * Fetches a page until it answers `status`: after a file changes, pages see the
   * change a moment after the terminal reports it (until then they say to reload).
   */
  async function fetchWhen(path: string, status: number, timeout = 20_000): Promise<Response> {
    const start = Date.now();
    for (;;) {
      const response = await fetch(dev.url(path)).catch((error: unknown) => {
        if (Date.now() - start > timeout) throw error;
        return undefined;
      });
      if (response && (response.status === status || Date.now() - start > timeout)) return response;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    content = copyFixture();
    editFile(content, FILE, breakOrder);
    [dev, browser] = await Promise.all([startDevServer(content), launchBrowser()]);
  }, 120_000);

  afterEach((context) => {
    // A failure here is easier to read with what the dev server printed.
    if (context.task.result?.state === 'fail') console.error(`astro dev output (last 4,000 characters):\n${dev.output().slice(-4000)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
  });

  it('npm run build stops with the message, the file and the line of the field', () => {
    const broken = copyFixture();
    editFile(broken, FILE, breakOrder);
    const build = buildContent(broken);
    expect(build.status).not.toBe(0);
    expect(squash(build.output)).toContain(`${HEADLINE} ${MESSAGE}`);
    expect(build.output).toContain(`${FILE}:5:1`);
  });

  it('npm run check names the same field with the same words', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), content], { cwd: ROOT, encoding: 'utf8' });
    expect(check.stderr).toContain(`${FILE}:5: schema: field "${MESSAGE.replace(': ', '": ')}`);
  });

  it('npm run dev still starts, and its terminal shows the message', () => {
    expect(squash(dev.output())).toContain(`${FILE}: ${HEADLINE} ${MESSAGE}`);
  });

  it('every page shows the error in the browser overlay, worded as in the build, until the file is fixed', async () => {
    const text = await overlayText('/skills/postgresql/', HEADLINE);
    expect(text).toContain(HEADLINE);
    expect(text).toContain(MESSAGE);
    expect(text).toContain('backend-developer.mdx:5');

    editFile(content, FILE, (t) => t.replace('order: first', 'order: 1'));
    await dev.waitForOutput('Reloaded roles/backend-developer.mdx');
    const response = await fetchWhen('/roles/backend-developer/', 200);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Backend developer');
  });

  it('an error made while the server runs shows up on the next page load', async () => {
    editFile(content, 'skills/postgresql.mdx', (t) => t.replace('category: databases', 'category: database'));
    await dev.waitForOutput('skills → postgresql data does not match collection schema.');
    await fetchWhen('/roles/backend-developer/', 500);
    const text = await overlayText('/roles/backend-developer/', 'skills → postgresql data does not match collection schema.');
    expect(text).toContain('skills → postgresql data does not match collection schema.');
    expect(text).toContain(
      'category: must be one of: fundamentals, languages, databases, apis, security, frameworks, architecture, infrastructure, practices, professional',
    );

    editFile(content, 'skills/postgresql.mdx', (t) => t.replace('category: database', 'category: databases'));
    await dev.waitForOutput('Reloaded skills/postgresql.mdx');
    expect((await fetchWhen('/skills/postgresql/', 200)).status).toBe(200);
  });

  it('a component with wrong props shows in the overlay, naming the component and the row', async () => {
    const file = 'guides/what-does-a-backend-developer-do.mdx';
    const table = `\n<ComparisonTable caption="Where code runs" columns={['Backend', 'Frontend']} rows={[{ label: 'On-call', values: ['Common'] }]} />\n`;
    editFile(content, file, (t) => `${t}${table}`);
    const text = await overlayText('/guides/what-does-a-backend-developer-do/', 'the row "On-call" has 1 value');
    expect(text).toContain(
      '<ComparisonTable caption="Where code runs">: the row "On-call" has 1 value but there are 2 columns (Backend, Frontend). Give one value per column, in the same order.',
    );
    editFile(content, file, (t) => t.replace(table, ''));
    expect((await fetchWhen('/guides/what-does-a-backend-developer-do/', 200)).status).toBe(200);
  });

  it('a draft is shown in dev, with the draft banner', async () => {
    const response = await fetchWhen('/guides/draft-guide/', 200);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Draft: this page is visible in development only');
  });
});
