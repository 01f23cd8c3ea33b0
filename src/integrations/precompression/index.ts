import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSpeedOn } from '../build-speed/switch.ts';
import type { RenderedFile } from '../build-speed/observe-prerender.ts';
import { BUNDLE } from '../search/pagefind-bundle.ts';
import { compressAsRendered, placeOnWorker } from './precompress-queue.ts';
import { precompress, type PrecompressResult } from './precompress.ts';

/**
 * Writes `.br` and `.gz` beside every text file over 1 KB (precompress.ts), so a static host can
 * send them as they are. Listed after the integrations that write files at the end of the build,
 * so its end comes after theirs.
 *
 * With the build-speed switch on (src/integrations/build-speed/), pages are compressed into the
 * build cache as Astro renders them (`rendered`, called by the build-speed integration); once Astro
 * has written them, a pass links those copies beside them while the sitemap and the search index
 * are built, and what those write is compressed at the end. Copies are kept in the cache, so a
 * rebuild compresses only files that changed. With it off, one pass compresses everything at the end.
 */
export function precompressed(): AstroIntegration & { rendered: ((file: RenderedFile) => void) | undefined } {
  const fast = buildSpeedOn('compress-cache');
  let cacheDir: string | undefined;
  let started = 0;
  let queue: ReturnType<typeof compressAsRendered> | undefined;
  let early: Promise<number> | undefined;
  /** Waits once for the worker to finish (and closes it): how many files were compressed as they rendered. */
  const compressedEarly = () => (early ??= queue?.drained() ?? Promise.resolve(0));
  let pages: Promise<PrecompressResult> | undefined;
  return {
    name: 'backend-atlas:precompressed',
    // Only with the build-speed mechanism on: otherwise nothing needs to see pages as they render.
    rendered: fast ? (file) => queue?.add(file) : undefined,
    hooks: {
      'astro:config:done': ({ config }) => {
        if (fast) cacheDir = join(fileURLToPath(config.cacheDir), 'precompressed');
      },
      'astro:build:start': () => {
        if (cacheDir) queue = compressAsRendered(cacheDir);
      },
      'astro:build:generated': ({ dir }) => {
        started = performance.now();
        if (!cacheDir) return;
        const site = fileURLToPath(dir);
        const cache = cacheDir;
        // What is already compressed is placed on a low-priority worker: Pagefind, which starts
        // now too and takes longer, gets the CPU first. Pagefind's folder is left to the pass at
        // the end: Pagefind is writing it meanwhile.
        pages = compressedEarly().then(() => precompress(site, cache, new Set(), (files) => placeOnWorker(site, cache, files), [BUNDLE]));
        // Awaited at the end of the build; until then a failure must not count as unhandled.
        pages.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const first = await (pages ?? precompress(site, cacheDir));
        const rest = await precompress(site, cacheDir, new Set(first.seen));
        const early = await compressedEarly();
        const files = first.files + rest.files;
        const reused = first.reused + rest.reused;
        logger.info(
          `Precompressed ${files} files (.br and .gz beside each; ${early} compressed as they rendered` +
            `${queue?.left ? `, ${queue.left} left for later while the worker was busy` : ''}, ` +
            `${reused} placed from the cache) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
