import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress, type PrecompressResult } from '../lib/precompress.ts';

/**
 * Writes `.br` and `.gz` beside every text file over 1 KB (src/lib/precompress.ts).
 * The pages, feeds, API files and bundles are compressed as soon as Astro has written
 * them, while the sitemap and the search index are built (Pagefind leaves part of the
 * machine idle); what those write is compressed at the end. Listed last in
 * astro.config.mjs, so its end comes after theirs. Compressed copies are kept in the
 * build cache, so a rebuild only compresses files that changed.
 */
export function precompressed(): AstroIntegration {
  let cacheDir = '';
  let started = 0;
  let pages: Promise<PrecompressResult> | undefined;
  return {
    name: 'backend-atlas:precompressed',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'precompressed');
      },
      'astro:build:generated': ({ dir }) => {
        started = performance.now();
        pages = precompress(fileURLToPath(dir), cacheDir);
        // Awaited at the end of the build; until then a failure must not count as unhandled.
        pages.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const first = await (pages ?? precompress(fileURLToPath(dir), cacheDir));
        const rest = await precompress(fileURLToPath(dir), cacheDir, new Set(first.seen));
        const files = first.files + rest.files;
        const reused = first.reused + rest.reused;
        logger.info(
          `Precompressed ${files} files (.br and .gz beside each; ${reused} unchanged, from the cache) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
