import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index into the output folder at the end of
 * `astro build`, so every build (real site, fixtures, benchmark) is searchable.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'backend-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outputPath = fileURLToPath(dir);
        // Code blocks stay out of the index: their identifiers (redis.Redis(host=…) are noise
        // in results and made the chunk a first query downloads about a third larger.
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['pre'] });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outputPath });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outputPath}pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Indexed ${added.page_count} pages for search`);
      },
    },
  };
}
