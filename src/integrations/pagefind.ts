import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexReusing } from '../lib/pagefind-bundle.ts';

/**
 * Builds the Pagefind search index into the output folder at the end of
 * `astro build`, so every build (real site, fixtures, benchmark) is searchable.
 * The index files of the last build are kept in the build cache and reused where
 * unchanged (src/lib/pagefind-bundle.ts).
 */
export function pagefindIndex(): AstroIntegration {
  let kept = '';
  return {
    name: 'backend-atlas:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        kept = join(fileURLToPath(config.cacheDir), 'pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Code blocks stay out of the index: their identifiers (redis.Redis(host=…) are noise
        // in results and made the chunk a first query downloads about a third larger.
        const run = await indexReusing(fileURLToPath(dir), ['--exclude-selectors', 'pre'], kept);
        if (run.refused) logger.info(`Not reusing the last search index files: ${run.refused}. Pagefind wrote them all again.`);
        logger.info(`Indexed ${run.pages} pages for search (${run.written} index files written, ${run.reused} unchanged ones reused)`);
      },
    },
  };
}
