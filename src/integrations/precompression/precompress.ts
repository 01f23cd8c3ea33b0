/**
 * Writes `x.br` and `x.gz` beside every text file over 1 KB in a built site, so servers
 * that serve precompressed files (nginx brotli_static/gzip_static, Caddy `precompressed`,
 * static-web-server…) send the smallest encoding without compressing on each request.
 *
 * Brotli quality: 11 (the highest) for the shared bundles every reader fetches and caches
 * (SHARED below) — few files, compressed once, read by everyone. Pages, feeds and
 * data files get quality 6: on this site's pages 11 is only a little smaller but many times
 * slower, which would make build time grow far faster than the site (measured:
 * docs/performance.md).
 *
 * Run by the precompressed integration (src/integrations/precompression/index.ts) in every build,
 * and by `node scripts/precompress.ts [dist]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { threadId } from 'node:worker_threads';
import { brotliCompress, brotliCompressSync, constants, gunzipSync, gzip, gzipSync } from 'node:zlib';
import { place, placeSync } from '../../lib/build/place-file.ts';
import { COMPRESS_MIN_BYTES, COMPRESSIBLE_EXTENSIONS } from '../hosting/response-headers.ts';

const brotli = promisify(brotliCompress);
const SHARED_QUALITY = constants.BROTLI_MAX_QUALITY;
const PAGE_QUALITY = 6;
/**
 * The shared bundles readers fetch: the site's own (/_astro/) and the Pagefind files its search loads
 * (src/scripts/pagefind.ts, search-highlight.ts). Pagefind also writes ready-made UIs (pagefind-ui.js,
 * pagefind-component-ui.js, the modular UI, their CSS) that this site never loads: they get page
 * quality, so the end of every build spends no brotli 11 on them (measured: docs/performance.md).
 */
const SHARED = /(^|\/)(_astro\/|pagefind\/pagefind(-highlight)?\.js$)/;
const gz = promisify(gzip);

/**
 * Pagefind's WebAssembly search engine (wasm.<language>.pagefind), the largest file a search fetches.
 * Pagefind writes it gzipped and reads it either way: gzipped, or as the bare payload when the server
 * has decoded a Content-Encoding (pagefind.js checks the payload's signature before gunzipping). So its
 * `.br` holds the payload compressed with brotli 11 (~15% smaller than Pagefind's gzip) and it gets no
 * `.gz`: a reader without brotli gets the gzipped file as it is, as from a host that serves no copies.
 * The only `.br` that does not decode to its file; tests/build/hosting-dist.test.ts checks it decodes
 * to the file's payload. Pagefind's index and fragment chunks stay as they are: brotli 11 on them
 * would cost seconds a cold build for a few hundred bytes a query, and lower qualities do not beat gzip.
 */
export const PAGEFIND_WASM = /(^|\/)pagefind\/wasm\.[^/]+\.pagefind$/;

/** Astro's scratch folder inside the output while it builds, removed when the build ends: never published. */
const ASTRO_SCRATCH = '.prerender';

/** Files under `dir` with a compressible extension (their size is checked when they are read), outside the folders `left`. */
async function compressible(dir: string, left: readonly string[]): Promise<string[]> {
  const top = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.name !== ASTRO_SCRATCH && !left.includes(entry.name));
  const below = await Promise.all(
    top.filter((entry) => entry.isDirectory()).map((entry) => readdir(join(dir, entry.name), { withFileTypes: true, recursive: true })),
  );
  return [...top, ...below.flat()]
    .filter((entry) => entry.isFile() && (isCompressible(entry.name) || PAGEFIND_WASM.test(join(entry.parentPath, entry.name))))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export interface PrecompressResult {
  /** Every file looked at (compressible by its extension), compressed or too small. */
  seen: string[];
  files: number;
  /** Files whose compressed copies came from the cache. */
  reused: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/** Whether a file at `path` (below the site root) gets .br and .gz siblings, judged by its name. */
export function isCompressible(path: string): boolean {
  return COMPRESSIBLE_EXTENSIONS.includes(extname(path).slice(1).toLowerCase());
}

/** Whether a file at `path` of `size` bytes gets .br and .gz siblings: a text file over 1 KB. */
export function worthCompressing(path: string, size: number): boolean {
  return size > COMPRESS_MIN_BYTES && isCompressible(path);
}

/** Brotli quality for the file at `path` below the site root: 11 for shared bundles, else page quality. */
const qualityOf = (path: string) => (SHARED.test(path) ? SHARED_QUALITY : PAGE_QUALITY);

/** The cache entry (without .br/.gz) for `source` compressed at `quality`: named by content hash, never changed in place. */
const cacheEntry = (cacheDir: string, source: Buffer, quality: number) =>
  join(cacheDir, `${createHash('sha256').update(source).digest('hex')}-${quality}`);

const GZIP_OPTIONS = { level: constants.Z_BEST_COMPRESSION };
const brotliOptions = (source: Buffer, quality: number, path: string) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm') || PAGEFIND_WASM.test(path) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
  },
});

const compress = (source: Buffer, quality: number, path: string): Promise<[Buffer, Buffer]> =>
  Promise.all([brotli(source, brotliOptions(source, quality, path)), gz(source, GZIP_OPTIONS)]);

/** Writes the `.br` beside Pagefind's WebAssembly (PAGEFIND_WASM): its payload at brotli 11, from the cache when there. */
async function compressPagefindWasm(path: string, source: Buffer, cacheDir: string | undefined): Promise<{ reused: boolean; brotliBytes: number }> {
  const cached = cacheDir && `${cacheEntry(cacheDir, source, SHARED_QUALITY)}-payload.br`;
  if (cached) {
    try {
      await place(cached, `${path}.br`);
      return { reused: true, brotliBytes: 0 };
    } catch {
      // not compressed before: compress below
    }
  }
  const payload = gunzipSync(source);
  const br = await brotli(payload, brotliOptions(payload, SHARED_QUALITY, path));
  await writeFile(`${path}.br`, br);
  if (cached) await place(`${path}.br`, cached);
  return { reused: false, brotliBytes: br.length };
}

let scratchCount = 0;

/**
 * Compresses a file before it is written, straight into the cache (`path` is where it will be,
 * below the site root: it sets the quality), so the pass over the built folder only links it.
 * Synchronous, so it runs on the calling thread (the build's low-priority compression worker,
 * src/integrations/precompression/precompress-worker.ts) and not on libuv's shared pool, where Astro's own file writes wait.
 * Each copy is written under a scratch name and renamed, so no half-written copy is ever in the cache.
 * Returns false when the file is too small, not compressible, or already cached.
 */
export function precompressToCache(path: string, source: Buffer, cacheDir: string): boolean {
  if (!worthCompressing(path, source.length)) return false;
  const quality = qualityOf(path);
  const cached = cacheEntry(cacheDir, source, quality);
  if (existsSync(`${cached}.br`) && existsSync(`${cached}.gz`)) return false;
  const scratch = `${cached}.${process.pid}-${threadId}-${++scratchCount}`;
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${scratch}.br`, brotliCompressSync(source, brotliOptions(source, quality, path)));
  writeFileSync(`${scratch}.gz`, gzipSync(source, GZIP_OPTIONS));
  renameSync(`${scratch}.br`, `${cached}.br`);
  renameSync(`${scratch}.gz`, `${cached}.gz`);
  return true;
}

/** What placeFromCache() did: how many files got cached copies (and their bytes), and which need compressing. */
export interface CachePlacement {
  reused: number;
  bytes: number;
  /** Files over 1 KB with no cached copies. */
  missing: string[];
}

/**
 * Links the cached .br and .gz copies beside each of `files` (below the site root `dir`) that has
 * them. Synchronous, for the low-priority compression worker (src/integrations/precompression/precompress-worker.ts): in a
 * rebuild nearly every file is placed this way, and reading, hashing and linking them all while
 * Pagefind indexes the site then takes only the CPU Pagefind leaves idle (docs/performance.md).
 */
export function placeFromCache(dir: string, files: readonly string[], cacheDir: string): CachePlacement {
  const placement: CachePlacement = { reused: 0, bytes: 0, missing: [] };
  for (const path of files) {
    if (PAGEFIND_WASM.test(path)) {
      placement.missing.push(path); // its own kind of copy: compressPagefindWasm()
      continue;
    }
    const source = readFileSync(path);
    if (source.length <= COMPRESS_MIN_BYTES) continue;
    const cached = cacheEntry(cacheDir, source, qualityOf(path.slice(dir.length)));
    try {
      placeSync(`${cached}.br`, `${path}.br`);
      placeSync(`${cached}.gz`, `${path}.gz`);
      placement.reused++;
      placement.bytes += source.length;
    } catch {
      placement.missing.push(path);
    }
  }
  return placement;
}

/**
 * @param cacheDir where compressed copies are kept by content hash, so a rebuild only
 *   compresses files whose content changed.
 * @param seen files to leave alone: those an earlier pass over the same folder looked at.
 * @param fromCache runs placeFromCache() elsewhere (on the compression worker) before the rest
 *   are compressed here; without it, each file is placed or compressed in turn here.
 * @param left top-level folders of `dir` to leave for a later pass: another step is still writing them.
 */
export async function precompress(
  dir: string,
  cacheDir?: string,
  seen: ReadonlySet<string> = new Set(),
  fromCache?: (files: string[]) => Promise<CachePlacement>,
  left: readonly string[] = [],
): Promise<PrecompressResult> {
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const found = (await compressible(dir, left)).filter((path) => !seen.has(path));
  const placed = cacheDir && fromCache ? await fromCache(found) : undefined;
  const targets = placed?.missing ?? found;
  const result: PrecompressResult = {
    seen: found,
    files: placed?.reused ?? 0,
    reused: placed?.reused ?? 0,
    bytes: placed?.bytes ?? 0,
    brotliBytes: 0,
    gzipBytes: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const path = targets[next++]!;
      const source = await readFile(path);
      if (source.length <= COMPRESS_MIN_BYTES) continue;
      result.files++;
      if (PAGEFIND_WASM.test(path)) {
        const { reused, brotliBytes } = await compressPagefindWasm(path, source, cacheDir);
        result.bytes += source.length;
        result.reused += Number(reused);
        result.brotliBytes += brotliBytes;
        continue;
      }
      const quality = qualityOf(path.slice(dir.length));
      const cached = cacheDir && cacheEntry(cacheDir, source, quality);
      if (cached) {
        try {
          await Promise.all([place(`${cached}.br`, `${path}.br`), place(`${cached}.gz`, `${path}.gz`)]);
          result.bytes += source.length;
          result.reused++;
          continue;
        } catch {
          // not compressed before: compress below
        }
      }
      const [br, gzipped] = await compress(source, quality, path);
      await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
      if (cached) await Promise.all([place(`${path}.br`, `${cached}.br`), place(`${path}.gz`, `${cached}.gz`)]);
      result.bytes += source.length;
      result.brotliBytes += br.length;
      result.gzipBytes += gzipped.length;
    }
  };
  // zlib and file reads and writes run on libuv's thread pool: two files in flight per core keep the cores
  // busy while others wait on the disk.
  await Promise.all(Array.from({ length: 2 * Math.max(2, availableParallelism()) }, worker));
  return result;
}
