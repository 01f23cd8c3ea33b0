import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { runPagefind } from '../lib/pagefind-cli.ts';

/**
 * Builds the Pagefind search index into the output folder at the end of
 * `astro build`, so every build (real site, fixtures, benchmark) is searchable.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'backend-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Code blocks stay out of the index: their identifiers (redis.Redis(host=…) are noise
        // in results and made the chunk a first query downloads about a third larger.
        const { pages } = await runPagefind(fileURLToPath(dir), ['--exclude-selectors', 'pre']);
        logger.info(`Indexed ${pages} pages for search`);
      },
    },
  };
}
