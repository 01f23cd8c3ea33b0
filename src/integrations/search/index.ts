import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSpeedOn } from '../build-speed/switch.ts';
import { lowestPriority } from '../build-speed/thread-priority.ts';
import { indexReusing, type IndexRun } from './pagefind-bundle.ts';
import { type PagefindRun, runPagefind } from './pagefind-cli.ts';

/**
 * Pagefind's options for this site.
 * - Code blocks stay out of the index: their identifiers (redis.Redis(host=…) are noise in results
 *   and enlarge the index chunk a first query downloads (measured: docs/performance.md).
 * - Pagefind reads each page from the element marked `data-pagefind-body`, not from `<html>`. Only
 *   that element is indexed anyway (pages without it are left out once any page has it), so the
 *   index is byte-identical (checked on the real site and a 1,000-page corpus), but Pagefind no
 *   longer walks the head, header, navigation and footer of every page with its handlers, which saves
 *   CPU in every build (measured: docs/performance.md). Everything Pagefind reads (filters,
 *   meta, weights) must therefore sit inside that element; tests/build/pages.test.ts checks it.
 */
export const PAGEFIND_OPTIONS = ['--exclude-selectors', 'pre', '--root-selector', '[data-pagefind-body]'] as const;

/**
 * Builds the Pagefind search index into the output folder at the end of
 * `astro build`, so every build (real site, fixtures, benchmark) is searchable.
 * The index files of the last build are kept in the build cache and reused where
 * unchanged (src/integrations/search/pagefind-bundle.ts).
 */
export function pagefindIndex(): AstroIntegration {
  let kept = '';
  let indexing: Promise<IndexRun | PagefindRun> | undefined;
  // Build-speed mechanisms: reusing the last index files, and this thread yielding to Pagefind.
  const index = (dir: URL): Promise<IndexRun | PagefindRun> => {
    const started = buildSpeedOn('yield-to-pagefind') ? lowestPriority : undefined;
    return buildSpeedOn('index-reuse')
      ? indexReusing(fileURLToPath(dir), PAGEFIND_OPTIONS, kept, started)
      : runPagefind(fileURLToPath(dir), PAGEFIND_OPTIONS, started);
  };
  return {
    name: 'backend-atlas:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        kept = join(fileURLToPath(config.cacheDir), 'pagefind');
      },
      // As soon as the pages are written: the other integrations' end-of-build steps (sitemap,
      // _headers) then run while Pagefind reads them. Once Pagefind's process has started, this
      // thread drops to the lowest priority: what is left for it until the end (the sitemap,
      // _headers, the compression pass's bookkeeping) can wait for Pagefind, which the build waits
      // for anyway, and then runs in the time Pagefind's threads leave idle instead of taking a core
      // from them. (Pagefind keeps the priority it started with.)
      'astro:build:generated': ({ dir }) => {
        indexing = index(dir);
        // Awaited at the end of the build; until then a failure must not count as unhandled.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const run = await (indexing ?? index(dir));
        if (!('reused' in run)) return logger.info(`Indexed ${run.pages} pages for search`);
        if (run.refused) logger.info(`Not reusing the last search index files: ${run.refused}. Pagefind wrote them all again.`);
        logger.info(`Indexed ${run.pages} pages for search (${run.written} index files written, ${run.reused} unchanged ones reused)`);
      },
    },
  };
}
