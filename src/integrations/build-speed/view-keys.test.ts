import type { AstroPrerenderer } from 'astro';
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontmatterDigest, keyViews } from './view-keys.ts';
import { tempDir } from '../../../tests/support/temp-files.ts';

/** A content folder with two entries. */
function content(): string {
  const dir = tempDir('view-keys');
  mkdirSync(join(dir, 'skills'));
  mkdirSync(join(dir, 'roles'));
  writeFileSync(join(dir, 'skills/redis.mdx'), '---\ntitle: Redis\nupdated: 2026-11-01\n---\n\nAn in-memory data store.\n');
  writeFileSync(join(dir, 'roles/dba.mdx'), '---\ntitle: Database administrator\n---\nKeeps databases running.\n');
  return dir;
}

describe('cache keys for the site-wide views', () => {
  it('keeps the digest when only article text changes, and changes it for frontmatter, files and settings', async () => {
    const dir = content();
    const settings = { site: 'https://example.org', base: '/' };
    const first = await frontmatterDigest(dir, settings);

    appendFileSync(join(dir, 'skills/redis.mdx'), '\nAnother paragraph of the article.\n');
    expect(await frontmatterDigest(dir, settings)).toBe(first);

    const changed: string[] = [];
    writeFileSync(join(dir, 'skills/redis.mdx'), '---\ntitle: Redis, the data store\nupdated: 2026-11-01\n---\n\nAn in-memory data store.\n');
    changed.push(await frontmatterDigest(dir, settings));
    writeFileSync(join(dir, 'skills/kafka.mdx'), '---\ntitle: Kafka\n---\n');
    changed.push(await frontmatterDigest(dir, settings));
    renameSync(join(dir, 'skills/kafka.mdx'), join(dir, 'skills/apache-kafka.mdx'));
    changed.push(await frontmatterDigest(dir, settings));
    changed.push(await frontmatterDigest(dir, { ...settings, base: '/atlas/' }));
    expect(new Set([first, ...changed]).size).toBe(5);
  });

  it('gives a key to the paths of the listed views only, one per path, and keeps keys Astro already has', async () => {
    const route = (component: string) => ({ component, type: 'page' }) as never;
    const astro: AstroPrerenderer = {
      name: 'astro',
      getStaticPaths: () =>
        Promise.resolve([
          { pathname: '/', route: route('src/pages/index.astro') },
          { pathname: '/rss.xml', route: route('src/pages/rss.xml.ts') },
          { pathname: '/skills/redis/', route: route('src/pages/[collection]/[slug].astro'), cacheKey: 'entry key' },
          { pathname: '/unlisted/', route: route('src/pages/unlisted.astro') },
        ]),
      render: () => Promise.resolve(new Response('')),
    };
    const keyed = async (digest: string) => (await keyViews(astro, () => Promise.resolve(digest)).getStaticPaths()).map((path) => path.cacheKey);
    const [home, feed, entry, unlisted] = await keyed('digest one');
    expect(home).toMatch(/^[\w-]{43}$/);
    expect(feed).not.toBe(home);
    expect(entry).toBe('entry key');
    expect(unlisted).toBeUndefined();
    expect((await keyed('digest two'))[0]).not.toBe(home);
    expect((await keyed('digest one'))[0]).toBe(home);
  });
});
