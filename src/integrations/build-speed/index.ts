/**
 * Every mechanism that only makes the build faster, behind one switch. With
 * `ATLAS_BUILD_SPEED=off` the build runs on stock Astro behaviour and writes the same `dist/`,
 * byte for byte (tests/build/build-speed-switch.test.ts); docs/performance.md says what each
 * mechanism buys. Mechanisms that live in other modules ask `buildSpeedOn()`:
 *
 * - here: Astro's incremental build (unchanged pages are copied from the build cache, keyed by
 *   build-cache-keys.ts and, for the site-wide views, view-keys.ts), unchanged outputs hard-linked
 *   instead of copied (restore-by-link.ts), four pages rendered at once, and the output folder
 *   emptied of files but not folders, on a worker (empty-output.ts);
 * - src/integrations/precompression/: pages compressed as they render, copies kept in the cache;
 * - src/integrations/search/: the last build's unchanged index files reused; the main thread
 *   yielding to Pagefind (thread-priority.ts);
 * - src/lib/article/render-pool.ts: a cold build renders articles on a worker per core;
 * - scripts/build.ts: the replaced site's folders reused for the next build.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../../../site.config.mjs';
import { WorkerPool } from '../../lib/build/worker-pool.ts';
import { BUNDLE } from '../search/pagefind-bundle.ts';
import type { EmptyJob } from './empty-output-worker.ts';
import { pruneEmptyFolders } from './empty-output.ts';
import { observePrerender, type RenderedFile } from './observe-prerender.ts';
import { ASTRO_CACHED_OUTPUT, restoreByLink, type LinkedOutput } from './restore-by-link.ts';
import { buildSpeedOn } from './switch.ts';
import { frontmatterDigest, keyViews } from './view-keys.ts';

export { buildSpeedOn } from './switch.ts';

/** Pages Astro renders at a time: while one waits for its files to be written, the next renders. */
export const PAGES_IN_FLIGHT = 4;

export interface BuildSpeedOptions {
  /** Called with each page, feed or API file as Astro renders it (the precompression's early start). */
  onRendered?: (file: RenderedFile) => void;
}

export function buildSpeed({ onRendered }: BuildSpeedOptions = {}): AstroIntegration {
  if (!buildSpeedOn()) return { name: 'backend-atlas:build-speed (off)', hooks: {} };
  let building = false;
  let emptied: Promise<string[]> | undefined;
  let outDir = '';
  let cachedOutput = '';
  let base = '/';
  let root = '';
  let directoryFormat = true;
  let linkedOutput: LinkedOutput | undefined;
  return {
    name: 'backend-atlas:build-speed',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        updateConfig({
          build: { concurrency: PAGES_IN_FLIGHT },
          experimental: { incrementalBuild: true },
          // Astro empties the output folder itself unless Vite's emptyOutDir is off.
          ...(building && { vite: { build: { emptyOutDir: false } } }),
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cachedOutput = resolve(fileURLToPath(config.cacheDir), ASTRO_CACHED_OUTPUT);
        base = config.base;
        root = fileURLToPath(config.root);
        directoryFormat = config.build.format === 'directory';
        if (!building) return;
        // Pagefind's folder is deleted and written whole by src/integrations/search/pagefind-bundle.ts.
        emptied = emptyOnWorker({ dir: outDir, replaced: [BUNDLE] });
        // Awaited at build:start; until then a failure must not count as unhandled.
        emptied.catch(() => {});
      },
      'astro:build:start': async ({ setPrerenderer }) => {
        if (!emptied) throw new Error('The output folder was not emptied: astro:config:done did not run before astro:build:start.');
        await emptied;
        // Read while Vite bundles the routes; the keys are needed when Astro asks for the paths.
        const digest = frontmatterDigest(resolve(root, siteConfig.contentDir), siteConfig);
        digest.catch(() => {});
        // Astro keeps only the last prerenderer set, so every wrapper is set here, around Astro's own.
        setPrerenderer((astro) => {
          let prerenderer = keyViews(astro, () => digest);
          // Linking maps page paths to files the way format: 'directory' lays them out.
          if (directoryFormat) prerenderer = linkedOutput = restoreByLink(prerenderer, { outDir, cachedOutput, base });
          return onRendered ? observePrerender(prerenderer, base, onRendered) : prerenderer;
        });
      },
      'astro:build:done': async ({ assets, logger }) => {
        // A linked file Astro did not take as its output would be a stray page: the build stops instead of publishing it.
        const written = new Set([...assets.values()].flat().map((url) => fileURLToPath(url).slice(outDir.length)));
        const strays = [...(linkedOutput?.linked ?? [])].filter((file) => !written.has(file));
        if (strays.length > 0)
          throw new Error(
            `${strays.length} files linked from the build cache are not outputs Astro wrote, e.g. ${strays[0]} ` +
              `(src/integrations/build-speed/restore-by-link.ts maps paths to files differently from this Astro version). ` +
              `Build with ATLAS_BUILD_SPEED=off, or delete ${cachedOutput} to let one build through without linking.`,
          );
        if (linkedOutput && linkedOutput.linked.size + linkedOutput.unlinked.size > 0)
          logger.info(
            `Linked ${linkedOutput.linked.size} unchanged files from the build cache (${linkedOutput.unlinked.size} more were rendered again)`,
          );
        const removed = pruneEmptyFolders((await emptied) ?? []);
        if (removed > 0) logger.info(`Removed ${removed} folders the last build had and this one left empty`);
      },
    },
  };
}

async function emptyOnWorker(job: EmptyJob): Promise<string[]> {
  const pool = new WorkerPool<EmptyJob, string[]>('src/integrations/build-speed/empty-output-worker.ts', 1);
  try {
    return await pool.run(job);
  } catch (error) {
    throw new Error(`Could not empty the output folder ${job.dir} before the build: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    await pool.close();
  }
}
