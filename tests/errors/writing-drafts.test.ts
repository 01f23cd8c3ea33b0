/**
 * A draft (`draft: true`) never leaves the writer's machine: the production build of
 * the basic fixture, whose guides/draft-guide.mdx is a draft, mentions it nowhere —
 * not as a page, in the sitemap, the search index, the RSS feed, the JSON API, a
 * social image or any listing. Every file in dist/ is read, the compressed search
 * index included. (That drafts do show in `npm run dev`, with a banner, is tested
 * in writing-dev.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { distFiles } from '../support/dist';
import { buildContent, copyFixture, type FixtureBuild } from '../support/fixture-build';

const DRAFT = { slug: 'draft-guide', title: 'An unfinished guide', description: 'A draft that must never appear in a production build' };
const PUBLISHED = { slug: 'what-does-a-backend-developer-do', title: 'What does a backend developer do?' };

/** Every file of the build as text: the search index's gzip-compressed files unpacked, binary files by name only. */
function readBuild(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of distFiles(dist)) {
    const path = join(dist, name);
    if (/\.(br|gz)$/.test(name)) continue; // precompressed copies of files read below
    const bytes = readFileSync(path);
    if (/\.pf_(fragment|index|meta|filter)$/.test(name)) files.set(name, gunzipSync(bytes).toString('utf8'));
    else if (/\.(png|jpe?g|webp|avif|woff2?|wasm|ico)$/.test(name)) files.set(name, '');
    else files.set(name, bytes.toString('utf8'));
  }
  return files;
}

describe('a draft stays out of the production build', () => {
  let build: FixtureBuild;
  let files: Map<string, string>;
  beforeAll(() => {
    build = buildContent(copyFixture());
    if (build.status !== 0) throw new Error(build.output);
    files = readBuild(build.distDir);
  }, 180_000);

  const mentioning = (text: string) => [...files].filter(([name, content]) => name.includes(text) || content.includes(text)).map(([name]) => name);

  it('reads the pages, the search index and the feed it checks: a published guide is in each', () => {
    expect(mentioning(PUBLISHED.slug)).toEqual(expect.arrayContaining(['sitemap-0.xml', 'rss.xml', `guides/${PUBLISHED.slug}/index.html`]));
    expect(mentioning(PUBLISHED.title).some((name) => name.startsWith('pagefind/fragment/'))).toBe(true);
  });

  it('no file names the draft, its title or its description', () => {
    expect(mentioning(DRAFT.slug)).toEqual([]);
    expect(mentioning(DRAFT.title)).toEqual([]);
    expect(mentioning(DRAFT.description)).toEqual([]);
  });
});
