import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { placeOnWorker } from './precompress-queue.ts';
import { placeFromCache, precompress, precompressToCache } from './precompress.ts';
import { tempDir, writeFileIn } from '../../../tests/support/temp-files.ts';

/** A built site in miniature: a page, a shared bundle, a Pagefind UI the site never loads, a small file, Astro's scratch folder. */
function site(): string {
  const dir = tempDir('precompress');
  const text = (words: number) => Array.from({ length: words }, (_, i) => `word${i % 97} backend`).join(' ');
  const files: Record<string, string> = {
    'skills/redis/index.html': `<!doctype html><p>${text(600)}</p>`,
    '_astro/app.js': `export const words = ${JSON.stringify(text(400))};`,
    'pagefind/pagefind.js': `const index = ${JSON.stringify(text(400))};`,
    'pagefind/pagefind-ui.js': `const ui = ${JSON.stringify(text(400))};`,
    'robots.txt': 'User-agent: *\n',
    '.prerender/chunk.js': text(400),
    'og/redis.png': text(400),
  };
  for (const [path, content] of Object.entries(files)) writeFileIn(join(dir, path), content);
  return dir;
}

const brotli = (source: Buffer, quality: number) =>
  brotliCompressSync(source, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
    },
  });

describe('precompression', () => {
  it('writes .br and .gz that decompress to the file, for text files over 1 KB only, never in Astro’s scratch folder', async () => {
    const dir = site();
    const result = await precompress(dir);
    expect(result.files).toBe(4);
    for (const path of ['skills/redis/index.html', '_astro/app.js', 'pagefind/pagefind.js', 'pagefind/pagefind-ui.js']) {
      const source = readFileSync(join(dir, path));
      expect(brotliDecompressSync(readFileSync(join(dir, `${path}.br`))).equals(source), path).toBe(true);
      expect(gunzipSync(readFileSync(join(dir, `${path}.gz`))).equals(source), path).toBe(true);
    }
    for (const path of ['robots.txt', '.prerender/chunk.js', 'og/redis.png']) expect(existsSync(join(dir, `${path}.br`)), path).toBe(false);
  });

  it('spends brotli 11 on the bundles readers fetch, and page quality on pages and on Pagefind UIs the site does not load', async () => {
    const dir = site();
    await precompress(dir);
    const compressed = (path: string, quality: number) =>
      readFileSync(join(dir, `${path}.br`)).equals(brotli(readFileSync(join(dir, path)), quality));
    expect(compressed('_astro/app.js', 11)).toBe(true);
    expect(compressed('pagefind/pagefind.js', 11)).toBe(true);
    expect(compressed('pagefind/pagefind-ui.js', 6)).toBe(true);
    expect(compressed('skills/redis/index.html', 6)).toBe(true);
  });

  it('reuses compressed copies from the cache, and leaves alone the files an earlier pass saw', async () => {
    const cache = tempDir('precompress-cache');
    const first = await precompress(site(), cache);
    expect(first.reused).toBe(0);
    const again = site();
    expect((await precompress(again, cache)).reused).toBe(4);
    const dir = site();
    const pass = await precompress(dir, cache);
    expect((await precompress(dir, cache, new Set(pass.seen))).files).toBe(0);
  });

  it('compresses a file into the cache before it is written, so the pass over the folder only places it', async () => {
    const cache = tempDir('precompress-cache');
    const dir = site();
    const page = readFileSync(join(dir, 'skills/redis/index.html'));
    expect(precompressToCache('skills/redis/index.html', page, cache)).toBe(true);
    // Already there, too small, or not a text file: nothing to do.
    expect(precompressToCache('skills/redis/index.html', page, cache)).toBe(false);
    expect(precompressToCache('robots.txt', Buffer.from('User-agent: *\n'), cache)).toBe(false);
    expect(precompressToCache('og/redis.png', page, cache)).toBe(false);
    // Only finished copies are in the cache: one .br and one .gz, no scratch files.
    expect(readdirSync(cache).map((name) => name.replace(/^[0-9a-f]{64}-6/, 'hash'))).toEqual(['hash.br', 'hash.gz']);

    const result = await precompress(dir, cache);
    expect(result.reused).toBe(1);
    expect(readFileSync(join(dir, 'skills/redis/index.html.br')).equals(brotli(page, 6))).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, 'skills/redis/index.html.gz'))).equals(page)).toBe(true);
  });

  it('places cached copies on the low-priority worker first, and compresses only what it found no copies for', async () => {
    const cache = tempDir('precompress-cache');
    const first = site();
    await precompress(first, cache);
    const dir = site();
    writeFileSync(join(dir, 'skills/redis/index.html'), `<!doctype html><p>${'changed text '.repeat(200)}</p>`);
    const asked: string[][] = [];
    const result = await precompress(dir, cache, new Set(), (files) => {
      asked.push(files);
      return placeOnWorker(dir, cache, files);
    });
    // Every compressible file went to the worker; the edited page had no cached copies and was compressed here.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual(result.seen);
    expect(result).toMatchObject({ files: 4, reused: 3 });
    for (const path of ['skills/redis/index.html', '_astro/app.js', 'pagefind/pagefind.js', 'pagefind/pagefind-ui.js']) {
      const source = readFileSync(join(dir, path));
      expect(brotliDecompressSync(readFileSync(join(dir, `${path}.br`))).equals(source), path).toBe(true);
      expect(gunzipSync(readFileSync(join(dir, `${path}.gz`))).equals(source), path).toBe(true);
    }
    // Placed copies are the cache's files, linked, not written again.
    expect(statSync(join(dir, '_astro/app.js.br')).ino).toBe(statSync(join(first, '_astro/app.js.br')).ino);
    expect(existsSync(join(dir, 'robots.txt.br'))).toBe(false);
  });

  it('tells placeFromCache() misses from small files: only files over 1 KB without copies are left to compress', () => {
    const cache = tempDir('precompress-cache');
    const dir = site();
    const files = ['skills/redis/index.html', 'robots.txt'].map((path) => join(dir, path));
    expect(placeFromCache(dir, files, cache)).toEqual({ reused: 0, bytes: 0, missing: [files[0]] });
  });

  it('gives Pagefind’s WebAssembly a .br of its payload (Pagefind reads either form) and no .gz, from the cache on a rebuild', async () => {
    // Pagefind's format: a signature, then the engine, gzipped as a whole.
    const payload = Buffer.concat([Buffer.from('pagefind_dcd'), randomBytes(4_000)]);
    const make = () => {
      const dir = site();
      writeFileSync(join(dir, 'pagefind/wasm.en.pagefind'), gzipSync(payload));
      return dir;
    };
    const cache = tempDir('precompress-cache');
    const dir = make();
    const result = await precompress(dir, cache);
    expect(result.files).toBe(5);
    expect(brotliDecompressSync(readFileSync(join(dir, 'pagefind/wasm.en.pagefind.br'))).equals(payload)).toBe(true);
    expect(existsSync(join(dir, 'pagefind/wasm.en.pagefind.gz'))).toBe(false);

    const again = make();
    const placed = await precompress(again, cache, new Set(), (files) => placeOnWorker(again, cache, files));
    expect(placed).toMatchObject({ files: 5, reused: 5 });
    expect(brotliDecompressSync(readFileSync(join(again, 'pagefind/wasm.en.pagefind.br'))).equals(payload)).toBe(true);
  });
});
