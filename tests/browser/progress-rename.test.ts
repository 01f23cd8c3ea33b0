/**
 * Progress survives a rename. The fixture site is built twice, before and after
 * skills/postgresql.mdx becomes skills/postgres.mdx with `previousIds: [postgresql]`, and served
 * from one address, as a deploy replaces a site: a mark the reader saved before the rename shows
 * on the renamed skill's own page and its learning-path step, and a file exported before the
 * rename still imports onto it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { buildContent, copyFixture } from '../support/fixture-build';
import { serveStatic, type StaticServer } from '../support/static-server';

const OLD = 'skills/postgresql';
const NEW = 'skills/postgres';

/** Renames the PostgreSQL page the way CONTRIBUTING.md says: the file, its old name in previousIds, every reference and link. */
function renamePostgres(content: string): void {
  const page = readFileSync(join(content, 'skills/postgresql.mdx'), 'utf8');
  writeFileSync(join(content, 'skills/postgres.mdx'), page.replace('category: databases', 'category: databases\npreviousIds: [postgresql]'));
  unlinkSync(join(content, 'skills/postgresql.mdx'));
  for (const folder of readdirSync(content)) {
    for (const name of readdirSync(join(content, folder)).filter((file) => file.endsWith('.mdx'))) {
      const path = join(content, folder, name);
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace(/\/skills\/postgresql\//g, '/skills/postgres/').replace(/(skill: |skills: \[)postgresql\b/g, '$1postgres'));
    }
  }
}

let served: string;
let before: string;
let after: string;
let server: StaticServer;
let browser: Browser;

/** Puts one build in place at the served address, as a deploy does. */
function deploy(dist: string): void {
  rmSync(served, { recursive: true, force: true });
  cpSync(dist, served, { recursive: true });
}

beforeAll(async () => {
  const content = copyFixture();
  const first = buildContent(content);
  if (first.status !== 0) throw new Error(first.output);
  before = join(content, '..', 'dist-before');
  renameSync(first.distDir, before);
  renamePostgres(content);
  const second = buildContent(content);
  if (second.status !== 0) throw new Error(second.output);
  after = second.distDir;
  served = join(mkdtempSync(join(tmpdir(), 'atlas-progress-')), 'site');
  deploy(before);
  [server, browser] = await Promise.all([serveStatic(served), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('progress across a rename', () => {
  it('carries a saved mark and an old export to the renamed page through previousIds', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const stored = async () => JSON.parse((await page.evaluate(() => localStorage.getItem('atlas-progress'))) ?? '{"marks":null}').marks;
    const done = () =>
      page.locator('.steps').getByRole('group', { name: 'PostgreSQL', exact: true }).getByRole('button', { name: 'Done', exact: true });
    const ready = () => page.waitForFunction(() => document.documentElement.dataset['progress'] === 'ready');

    // Before the rename: mark PostgreSQL on its role's learning path, and save a copy.
    await page.goto(`${server.url}roles/database-engineer/learning-path/`);
    await page.locator('.steps').getByRole('group', { name: 'PostgreSQL', exact: true }).getByRole('button', { name: 'Done' }).click();
    await expect.poll(stored).toEqual({ [OLD]: 'done' });
    await page.goto(`${server.url}progress/`);
    await ready();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save to a file' }).click()]);
    const oldExport = readFileSync((await download.path())!, 'utf8');

    // After the rename: the saved mark shows on the renamed skill's own page and is saved under its new id…
    deploy(after);
    await page.goto(`${server.url}skills/postgres/`);
    await ready();
    const onItsPage = page.locator('.entry-header').getByRole('group', { name: 'PostgreSQL', exact: true });
    await expect.poll(() => onItsPage.getByRole('button', { name: 'Done', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await stored()).toEqual({ [NEW]: 'done' });
    // …and on its step of the learning path.
    await page.goto(`${server.url}roles/database-engineer/learning-path/`);
    await ready();
    await expect.poll(() => done().getAttribute('aria-pressed')).toBe('true');
    expect(await stored()).toEqual({ [NEW]: 'done' });

    // The old export, imported after the rename, lands on the renamed page too.
    await page.goto(`${server.url}progress/`);
    await ready();
    await page.getByRole('button', { name: 'Remove all marks' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove all marks' }).click();
    await expect.poll(stored).toBeNull();
    await page
      .getByLabel('Import a file')
      .setInputFiles({ name: 'before-the-rename.json', mimeType: 'application/json', buffer: Buffer.from(oldExport) });
    await expect.poll(stored).toEqual({ [NEW]: 'done' });
    expect(await page.getByRole('region', { name: 'No longer on the site' }).isVisible()).toBe(false);
    await page.goto(`${server.url}roles/database-engineer/learning-path/`);
    await ready();
    await expect.poll(() => done().getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
