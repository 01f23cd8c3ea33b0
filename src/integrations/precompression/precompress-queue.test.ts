import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressAsRendered } from './precompress-queue.ts';
import { tempDir } from '../../../tests/support/temp-files.ts';

const page = (n: number) => Buffer.from(`<!doctype html><p>${`page ${n} about backend work `.repeat(80)}</p>`);

describe('compressing pages as Astro renders them', () => {
  it('compresses text files over 1 KB into the cache on the worker, and leaves the rest to the pass at the end', async () => {
    const cache = tempDir('precompress-queue');
    const queue = compressAsRendered(cache, 2);
    queue.add({ path: 'skills/redis/index.html', body: page(1) });
    queue.add({ path: 'og/skills/redis.png', body: page(2) }); // not a text file
    queue.add({ path: 'robots.txt', body: Buffer.from('User-agent: *\n') }); // too small
    queue.add({ path: 'skills/sql/index.html', body: page(3) });
    // Two are waiting for the worker (it has not run yet: this is all one turn of the event loop).
    queue.add({ path: 'skills/postgresql/index.html', body: page(4) });
    expect(queue.left).toBe(1);
    expect(await queue.drained()).toBe(2);

    const names = readdirSync(cache).sort();
    expect(names).toHaveLength(4);
    const decoded = names.map((name) => (name.endsWith('.br') ? brotliDecompressSync : gunzipSync)(readFileSync(join(cache, name))).toString());
    for (const body of [page(1), page(3)]) expect(decoded.filter((text) => text === body.toString())).toHaveLength(2);
  });

  it('fails with the cache folder named when the worker cannot write there', async () => {
    const file = join(tempDir('precompress-queue'), 'not-a-folder');
    writeFileSync(file, '');
    const queue = compressAsRendered(join(file, 'cache'));
    queue.add({ path: 'skills/redis/index.html', body: page(1) });
    await expect(queue.drained()).rejects.toThrow(/Could not compress a rendered file into .*not-a-folder\/cache/);
  });
});
