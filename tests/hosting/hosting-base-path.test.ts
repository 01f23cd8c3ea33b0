import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatProblems } from '../../scripts/check-links';
import { launchBrowser } from '../support/browser';
import { distFiles } from '../support/dist';
import { ROOT } from '../support/fixture-build';
import { fetchRaw, nginxUnavailable, serveWithNginx } from '../support/nginx';
import { serveStatic, type StaticServer } from '../support/static-server';

/**
 * The real site built for another host: served under /atlas/ at https://docs.example.net,
 * set only through BASE_PATH and SITE_URL (site.config.mjs).
 */
const BASE = '/atlas/';
const SITE = 'https://docs.example.net';
const WORK = join(ROOT, 'tests/hosting/.tmp/base-path');
const DIST = join(WORK, 'dist');

let output = '';
const html = (file: string) => parse(readFileSync(join(DIST, file), 'utf8'));
const pages = () => distFiles(DIST).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: BASE, SITE_URL: SITE, ATLAS_DIST: DIST, ATLAS_CACHE_DIR: join(WORK, 'cache/'), NO_COLOR: '1' },
  });
  output = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`The build with BASE_PATH=${BASE} failed:\n${output.slice(-4000)}`);
});

describe(`the real site built with BASE_PATH=${BASE} and SITE_URL=${SITE}`, () => {
  it('has no broken internal link or asset reference (scripts/check-links.ts)', () => {
    const report = checkLinks(DIST, BASE, SITE);
    expect(report.pagesChecked).toBeGreaterThan(60);
    expect(formatProblems(report.problems)).toBe('');
  });

  it('puts the base path in front of links written root-relative inside articles', () => {
    const links = html('skills/redis/index.html')
      .querySelectorAll('[data-pagefind-body] a[href^="/"]')
      .map((a) => a.getAttribute('href')!);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((href) => !href.startsWith(BASE))).toEqual([]);
  });

  it('gives every page a canonical URL on the configured site and base path', () => {
    for (const file of pages().filter((file) => file !== '404.html')) {
      const canonical = html(file).querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, file).toMatch(new RegExp(`^${SITE}${BASE}`));
    }
  });

  it('lists only URLs on the configured site and base path in the sitemap, robots.txt and feed', () => {
    const sitemaps = distFiles(DIST).filter((file) => /^sitemap.*\.xml$/.test(file));
    const locs = sitemaps.flatMap((file) => [...readFileSync(join(DIST, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    expect(locs.length).toBeGreaterThan(60);
    expect(locs.filter((loc) => !loc.startsWith(`${SITE}${BASE}`))).toEqual([]);
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
    if (existsSync(join(DIST, 'rss.xml'))) {
      const links = [...readFileSync(join(DIST, 'rss.xml'), 'utf8').matchAll(/<(?:link|guid)[^>]*>([^<]+)</g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(1);
      expect(links.filter((link) => !link.startsWith(`${SITE}${BASE}`))).toEqual([]);
    }
  });

  it('writes the hashed-path cache rules of _headers with the base path too', () => {
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toContain(`${BASE}_astro/*\n  Cache-Control: public, max-age=31536000, immutable`);
  });
});

describe(`search under ${BASE} in Chromium`, () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(DIST, BASE);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a page from the header box and opens it under the base path, with no errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}skills/`);
    await page.locator('#header-search-input').fill('postgres');
    const first = page.locator('#header-search-results [role="option"]').first();
    await first.waitFor();
    expect(await first.locator('.hit-title').textContent()).toBe('PostgreSQL');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${BASE}skills/postgresql/`));
    expect(await page.locator('h1').textContent()).toBe('PostgreSQL');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows results with base-path links on the search page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=redis`);
    const link = page.locator('#page-search-results .hit-link').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${BASE}skills/redis/`));
    await page.close();
  });
});

describe.skipIf(nginxUnavailable() !== undefined)(`nginx with the server block generated for ${BASE}`, () => {
  it('serves the site only under the base path, precompressed, with the 404 page for unknown paths', async () => {
    const server = await serveWithNginx(DIST, BASE);
    try {
      const pageResponse = await fetchRaw(`${server.origin}${BASE}skills/redis/`, { 'Accept-Encoding': 'br' });
      expect(pageResponse.status).toBe(200);
      expect(pageResponse.headers['content-encoding']).toBe('br');
      const asset = distFiles(DIST).find((file) => file.startsWith('_astro/') && file.endsWith('.css'))!;
      expect((await fetchRaw(`${server.origin}${BASE}${asset}`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const bare = await fetchRaw(`${server.origin}${BASE.replace(/\/$/, '')}`);
      expect([bare.status, bare.headers['location']]).toEqual([301, BASE]);
      const unknown = await fetchRaw(`${server.origin}${BASE}no-such-page/`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.toString()).toContain('Page not found');
      expect((await fetchRaw(`${server.origin}/skills/redis/`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
