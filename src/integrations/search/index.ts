import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSpeedOn } from '../build-speed/switch.ts';
import { indexReusing, type IndexRun } from './pagefind-bundle.ts';
import { type PagefindRun, runPagefind } from './pagefind-cli.ts';

/**
 * Pagefind's options for this site.
 * - Code blocks stay out of the index: their identifiers (redis.Redis(host=…) are noise in results
 *   and enlarge the index chunk a first query downloads (measured: docs/performance.md).
 * - So do diagrams' text alternatives (`.diagram-text`, the list of a diagram's steps): each repeats
 *   the names the prose around the picture uses, so a query's best excerpt came from there
 *   ("App server → Redis: GET product:42") instead of from a sentence.
 * - Pagefind reads each page from the element marked `data-pagefind-body`, not from `<html>`. Only
 *   that element is indexed anyway (pages without it are left out once any page has it), so the
 *   index is byte-identical (checked on the real site and a 1,000-page corpus), but Pagefind no
 *   longer walks the head, header, navigation and footer of every page with its handlers, which saves
 *   CPU in every build (measured: docs/performance.md). Everything Pagefind reads (filters,
 *   meta, weights) must therefore sit inside that element; tests/build/pages.test.ts checks it.
 */
export const PAGEFIND_OPTIONS = [
  '--exclude-selectors',
  'pre',
  '--exclude-selectors',
  '.diagram-text',
  '--root-selector',
  '[data-pagefind-body]',
] as const;

/**
 * Builds the Pagefind search index into the output folder at the end of
 * `astro build`, so every build (real site, fixtures, benchmark) is searchable.
 * The index files of the last build are kept in the build cache and reused where
 * unchanged (src/integrations/search/pagefind-bundle.ts).
 */
export function pagefindIndex(): AstroIntegration {
  let kept = '';
  let indexing: Promise<IndexRun | PagefindRun> | undefined;
  // A build-speed mechanism: reusing the last build's unchanged index files.
  const index = (dir: URL): Promise<IndexRun | PagefindRun> =>
    buildSpeedOn('index-reuse') ? indexReusing(fileURLToPath(dir), PAGEFIND_OPTIONS, kept) : runPagefind(fileURLToPath(dir), PAGEFIND_OPTIONS);
  return {
    name: 'backend-atlas:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        kept = join(fileURLToPath(config.cacheDir), 'pagefind');
      },
      // As soon as the pages are written: the other integrations' end-of-build steps (sitemap,
      // _headers) then run while Pagefind reads them. (Lowering this thread's priority meanwhile
      // made cold builds slower in every round measured, so it was taken out: docs/performance.md.)
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
