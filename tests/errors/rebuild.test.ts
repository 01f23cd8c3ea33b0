import { appendFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPagefind } from '../../src/integrations/search/pagefind-cli.ts';
import { buildContent, copyFixture, editFile, type FixtureBuild } from '../support/fixture-build.ts';

/**
 * Rebuilds reuse four caches: Astro's content store with the rendered articles beside it
 * (src/lib/article/files.ts), the incremental page cache (src/integrations/build-speed/build-cache-keys.ts),
 * the precompression cache and the search index files (src/integrations/search/pagefind-bundle.ts). These builds prove a rebuild shows every change, and that a
 * damaged cache costs time, never correctness.
 */
const GUIDE = 'guides/what-does-a-backend-developer-do';
const ADDED = 'A sentence added to prove the rebuild shows it.';

let content: string;
let cacheDir: string;
const build = (): FixtureBuild => {
  const result = buildContent(content, { ATLAS_CACHE_DIR: `${cacheDir}/` });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output.slice(-3000)}`);
  return result;
};
const page = (result: FixtureBuild, path: string) => parse(readFileSync(join(result.distDir, path, 'index.html'), 'utf8'));
const mentionedIn = (result: FixtureBuild, path: string) =>
  page(result, path)
    .querySelectorAll('aside.related section')
    .filter((section) => section.querySelector('h3')?.text === 'Mentioned in')
    .flatMap((section) => section.querySelectorAll('a').map((a) => a.getAttribute('href')));

// The rebuild replaces dist/, so what the first build published is read before it.
let before: { guideText: string; mentions: (string | undefined)[] };
let cold: FixtureBuild;
let warm: FixtureBuild;
beforeAll(() => {
  content = copyFixture();
  cacheDir = join(mkdtempSync(join(tmpdir(), 'atlas-rebuild-')), 'cache');
  cold = build();
  before = { guideText: page(cold, GUIDE).querySelector('main')!.text, mentions: mentionedIn(cold, 'skills/database-systems') };
  appendFileSync(join(content, `${GUIDE}.mdx`), `\n${ADDED} It also needs [database systems](/skills/database-systems/).\n`);
  warm = build();
}, 120_000);

describe('a rebuild after editing one article', () => {
  it('shows the edited text on the edited page', () => {
    expect(before.guideText).not.toContain(ADDED);
    expect(page(warm, GUIDE).querySelector('main')!.text).toContain(ADDED);
  });

  it('keeps the site it replaced in dist.previous, for a rollback, until the next build', () => {
    const replaced = readFileSync(join(`${warm.distDir}.previous`, GUIDE, 'index.html'), 'utf8');
    expect(parse(replaced).querySelector('main')!.text).toBe(before.guideText);
    expect(warm.output).toContain(`the site it replaced is in ${warm.distDir}.previous until the next build`);
  });

  it('updates the "Mentioned in" block of a page the edit starts linking to, though that page did not change', () => {
    expect(before.mentions).not.toContain(`/${GUIDE}/`);
    expect(mentionedIn(warm, 'skills/database-systems')).toContain(`/${GUIDE}/`);
  });

  it('takes what the edit does not touch from the cache instead of rendering it again', () => {
    // Fails if anything the build cache's validity depends on (config.markdown included) shifts between builds.
    // "(cached)": Astro found the file already in place, linked there from its cache (src/integrations/build-speed/restore-by-link.ts).
    expect(warm.output).toMatch(/\/og\/responsibilities\/server-side-logic\.png \(cached\)/);
    expect(warm.output.match(/\(cached\)/g)?.length ?? 0).toBeGreaterThan(20);
    expect(warm.output).not.toMatch(/\(restored\)/);
  });

  it('keeps pages that show only frontmatter (lists, comparisons, the collection JSON) cached when only article text changes', () => {
    for (const path of ['/guides/index.html', '/compare/backend-developer-vs-database-engineer/index.html', '/api/guides.json'])
      expect(warm.output).toContain(`${path} (cached)`);
  });

  it('compresses pages as they render, and in the rebuild only the pages it renders again', () => {
    const compressedAsRendered = (result: FixtureBuild) => Number(/(\d+) compressed as they rendered/.exec(result.output)?.[1]);
    expect(compressedAsRendered(cold)).toBeGreaterThan(20);
    expect(compressedAsRendered(warm)).toBeGreaterThan(0);
    expect(compressedAsRendered(warm)).toBeLessThan(compressedAsRendered(cold) / 2);
  });

  it('publishes .br and .gz copies of the edited page that decode to its new text, not the old one', () => {
    const file = join(warm.distDir, GUIDE, 'index.html');
    const html = readFileSync(file);
    expect(html.toString()).toContain(ADDED);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(html)).toBe(true);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(html)).toBe(true);
  });

  it('reuses the last build’s search index files and ends with the index Pagefind writes from nothing', async () => {
    const [, written, reused] = /Indexed \d+ pages for search \((\d+) index files written, (\d+) unchanged ones reused\)/.exec(warm.output) ?? [];
    expect(Number(reused)).toBeGreaterThan(Number(written));
    expect(Number(written)).toBeGreaterThan(0);
    // Pagefind over the same folder from nothing, written elsewhere: the same files, byte for byte.
    const fresh = join(mkdtempSync(join(tmpdir(), 'atlas-rebuild-search-')), 'pagefind');
    await runPagefind(warm.distDir, ['--exclude-selectors', 'pre', '--output-path', fresh]);
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name))
        .map((file) => [file.slice(dir.length), readFileSync(file)] as const)
        .sort(([a], [b]) => a.localeCompare(b));
    expect(files(join(warm.distDir, 'pagefind'))).toEqual(files(fresh));
    rmSync(join(fresh, '..'), { recursive: true, force: true });
  });

  it('publishes unchanged files as links to the build cache, and a later rebuild never writes into a published file', () => {
    const [, linked] = /Linked (\d+) unchanged files from the build cache/.exec(warm.output) ?? [];
    expect(Number(linked)).toBeGreaterThan(20);
    const file = 'responsibilities/server-side-logic/index.html';
    const published = join(warm.distDir, file);
    expect(statSync(published).ino).toBe(statSync(join(cacheDir, 'dist', file)).ino);
    // A reader holding the published page open while the next rebuild renders it again.
    const held = join(mkdtempSync(join(tmpdir(), 'atlas-rebuild-held-')), 'page.html');
    linkSync(published, held);
    const text = readFileSync(held, 'utf8');
    editFile(content, 'responsibilities/server-side-logic.mdx', (mdx) => `${mdx}\nOne more paragraph for the rebuild.\n`);
    const next = build();
    expect(readFileSync(join(next.distDir, file), 'utf8')).toContain('One more paragraph for the rebuild.');
    expect(readFileSync(held, 'utf8')).toBe(text);
    expect(statSync(join(cacheDir, 'dist', file)).ino).not.toBe(statSync(held).ino);
    rmSync(join(held, '..'), { recursive: true, force: true });
  });

  it('builds in the folders of the site the last build replaced, emptied, and publishes no folder of a page that is gone', () => {
    // The site the next build replaces: as the last build left it, plus a page that is gone from the content.
    const previous = `${warm.distDir}.previous`;
    writeFileSync(join(previous, 'guides', 'gone-page.html'), 'a file no build writes');
    mkdirSync(join(previous, 'guides', 'gone-page'));
    writeFileSync(join(previous, 'guides', 'gone-page', 'index.html'), 'a page that is gone');
    const folder = statSync(join(previous, 'skills', 'database-systems')).ino;
    const next = build();
    expect(statSync(join(next.distDir, 'skills', 'database-systems')).ino).toBe(folder);
    expect(existsSync(join(next.distDir, 'guides', 'gone-page'))).toBe(false);
    expect(existsSync(join(next.distDir, 'guides', 'gone-page.html'))).toBe(false);
    expect(next.output).toMatch(/Removed [1-9]\d* folders the last build had and this one left empty/);
    expect(page(next, GUIDE).querySelector('main')!.text).toContain(ADDED);
  });

  it('renders those pages again when a title changes, so no list or comparison shows the old one', () => {
    editFile(content, 'roles/database-engineer.mdx', (text) => text.replace('title: Database engineer', 'title: Database reliability engineer'));
    const retitled = build();
    expect(page(retitled, 'compare/backend-developer-vs-database-engineer').querySelector('h1')!.text).toContain('Database reliability engineer');
    expect(page(retitled, 'roles').querySelector('main')!.text).toContain('Database reliability engineer');
    const list = JSON.parse(readFileSync(join(retitled.distDir, 'api/roles.json'), 'utf8')) as { items: { title: string }[] };
    expect(list.items.map((item) => item.title)).toContain('Database reliability engineer');
    // The site-wide views list titles too (they have no cache key, so every build renders them).
    expect(readFileSync(join(retitled.distDir, 'rss.xml'), 'utf8')).toContain('<title>Database reliability engineer</title>');
    expect(page(retitled, 'skills/matrix').querySelector('main')!.text).toContain('Database reliability engineer');
  });

  it('renders every article again when their rendered files are gone from the cache, instead of failing', () => {
    rmSync(join(cacheDir, 'articles'), { recursive: true, force: true });
    const repaired = build();
    expect(existsSync(join(cacheDir, 'articles'))).toBe(true);
    expect(page(repaired, GUIDE).querySelector('main')!.text).toContain(ADDED);
    expect(page(repaired, 'responsibilities/server-side-logic').querySelector('aside.callout')).not.toBeNull();
  });
});
