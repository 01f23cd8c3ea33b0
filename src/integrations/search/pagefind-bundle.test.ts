import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUNDLE, clashes, indexReusing, liveFiles, readIndex, reuseProblem, type IndexFiles } from './pagefind-bundle.ts';
import { runPagefind } from './pagefind-cli.ts';
import { tempDir, writeFileIn } from '../../../tests/support/temp-files.ts';

const OPTIONS = ['--exclude-selectors', 'pre'];
const folder = () => tempDir('pagefind-bundle');
const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
const PAGES: Record<string, string> = {
  'skills/redis/index.html': page('Redis', 'An in-memory data store used for caching, queues and rate limits.'),
  'skills/postgres/index.html': page('PostgreSQL', 'A relational database with transactions, indexes and replication.'),
  'skills/kafka/index.html': page('Kafka', 'A distributed log for event streaming between services.'),
  'guides/first-job/index.html': page('Your first backend job', 'What the first months look like: code review, on-call and tickets.'),
};
/** A built site: the pages, written in a fixed order so Pagefind walks every copy alike. */
const site = (pages: Record<string, string>) => {
  const dir = folder();
  for (const [path, html] of Object.entries(pages)) writeFileIn(join(dir, path), html);
  return dir;
};
/** Every file of a folder with its bytes. */
const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name))]),
  );
/** What Pagefind writes for these pages on its own, from nothing. */
const fresh = async (pages: Record<string, string>) => {
  const dir = site(pages);
  await runPagefind(dir, OPTIONS);
  return files(join(dir, BUNDLE));
};

describe('the search index built with the last build’s files', () => {
  it('writes only what an edit changed, and ends byte-identical to an index built from nothing', async () => {
    const kept = join(folder(), 'kept');
    const first = await indexReusing(site(PAGES), OPTIONS, kept);
    expect(first).toMatchObject({ pages: 4, reused: 0 });

    const edited = {
      ...PAGES,
      'skills/redis/index.html': page('Redis', 'An in-memory data store used for caching, queues, rate limits and leaderboards.'),
    };
    const dir = site(edited);
    const second = await indexReusing(dir, OPTIONS, kept);
    expect(second.refused).toBeUndefined();
    // The other three pages' fragments and the filter-free index's untouched chunks came from the last build.
    expect(second.reused).toBeGreaterThanOrEqual(3);
    expect(second.written).toBeGreaterThanOrEqual(2); // the edited page's fragment and the meta file, at least
    expect(files(join(dir, BUNDLE))).toEqual(await fresh(edited));
    // The kept set is now this build's, and nothing else.
    const live = liveFiles(readIndex(join(dir, BUNDLE)));
    expect(new Set(Object.keys(files(kept)).filter((file) => file !== 'pagefind-entry.json'))).toEqual(live);
  });

  it('drops the files of a page that is gone', async () => {
    const kept = join(folder(), 'kept');
    await indexReusing(site(PAGES), OPTIONS, kept);
    const fewer = { ...PAGES };
    delete fewer['skills/kafka/index.html'];
    const dir = site(fewer);
    const run = await indexReusing(dir, OPTIONS, kept);
    expect(run).toMatchObject({ pages: 3 });
    expect(files(join(dir, BUNDLE))).toEqual(await fresh(fewer));
  });

  it('does not trust a kept file the last index did not list, and writes everything afresh', async () => {
    const kept = join(folder(), 'kept');
    await indexReusing(site(PAGES), OPTIONS, kept);
    const edited = { ...PAGES, 'skills/kafka/index.html': page('Kafka', 'A distributed log for event streaming, with consumer groups.') };
    // A leftover under the very name the edited page's fragment will get, holding something else.
    const expected = await fresh(edited);
    const name = Object.keys(expected).find((file) => file.startsWith('fragment/') && !(file in files(kept)))!;
    writeFileSync(join(kept, name), gzipSync(Buffer.from('pagefind_dcd{"url":"/elsewhere/","content":"stale"}')));
    const dir = site(edited);
    const run = await indexReusing(dir, OPTIONS, kept);
    expect(run.refused).toBe(`${name} was kept but the last index did not list it`);
    expect(run.reused).toBe(0);
    expect(files(join(dir, BUNDLE))).toEqual(expected);
    // The kept set is this build's files, byte for byte: the planted one was replaced, not kept.
    const keptNow = files(kept);
    delete keptNow['pagefind-entry.json'];
    expect(keptNow).toEqual(Object.fromEntries(Object.entries(expected).filter(([file]) => liveFiles(readIndex(join(dir, BUNDLE))).has(file))));
  });

  it('starts from nothing when the kept set is incomplete (a build stopped while updating it)', async () => {
    const kept = join(folder(), 'kept');
    await indexReusing(site(PAGES), OPTIONS, kept);
    rmSync(join(kept, 'pagefind-entry.json'));
    const dir = site(PAGES);
    expect(await indexReusing(dir, OPTIONS, kept)).toMatchObject({ reused: 0, pages: 4 });
    expect(files(join(dir, BUNDLE))).toEqual(await fresh(PAGES));
  });
});

describe('reuseProblem', () => {
  const index = (changes: Partial<IndexFiles> = {}): IndexFiles => ({
    version: '1.6.0',
    language: 'en',
    meta: 'pagefind.en_1234567.pf_meta',
    fragments: new Map([['en_aaaaaaa', 120]]),
    chunks: new Map([['en_bbbbbbb', 'a…m']]),
    filters: new Map([['en_ccccccc', 'category']]),
    grouped: false,
    ...changes,
  });
  const reused = new Set(['fragment/en_aaaaaaa.pf_fragment', 'index/en_bbbbbbb.pf_index', 'filter/en_ccccccc.pf_filter']);

  it('accepts files that describe the same thing in both indexes', () => {
    expect(reuseProblem([index()], [index()], reused)).toBeUndefined();
  });
  it('refuses a fragment whose page has another word count now', () => {
    expect(reuseProblem([index()], [index({ fragments: new Map([['en_aaaaaaa', 121]]) })], reused)).toBe(
      'fragment/en_aaaaaaa.pf_fragment held 120 in the last index and is meant to hold 121 now',
    );
  });
  it('refuses an index chunk that covers other words now', () => {
    expect(reuseProblem([index()], [index({ chunks: new Map([['en_bbbbbbb', 'a…n']]) })], reused)).toMatch(/en_bbbbbbb\.pf_index held "a…m"/);
  });
  it('refuses a kept file whose name two files of this build share the start of', () => {
    const clash = index({
      fragments: new Map([
        ['en_aaaaaaa', 120],
        ['en_aaaaaaa1', 80],
      ]),
    });
    expect(reuseProblem([index()], [clash], reused)).toBe(
      'fragment/en_aaaaaaa.pf_fragment was kept, and its name is one two files of this build share the start of (Pagefind names those by their order)',
    );
  });
  it('accepts a clash between files Pagefind wrote itself', () => {
    const clash = index({
      fragments: new Map([
        ['en_aaaaaaa', 120],
        ['en_ddddddd', 5],
        ['en_ddddddd7', 9],
      ]),
    });
    expect(reuseProblem([index()], [clash], reused)).toBeUndefined();
  });
  it('names the clashing short names of an index, so a lasting clash is left out of the next reuse', () => {
    expect(
      clashes([
        index({
          chunks: new Map([
            ['en_bbbbbbb', 'a…m'],
            ['en_bbbbbbb2', 'n…z'],
          ]),
        }),
      ]),
    ).toEqual(new Set(['en_bbbbbbb']));
    expect(clashes([index()])).toEqual(new Set());
  });
  it('refuses files written by another Pagefind version', () => {
    expect(reuseProblem([index()], [index({ version: '1.7.0' })], reused)).toBe('Pagefind 1.7.0 replaced 1.6.0');
  });
  it('ignores files that were not reused', () => {
    expect(reuseProblem([index()], [index({ fragments: new Map([['en_ddddddd', 5]]) })], reused)).toBeUndefined();
  });
});
