/**
 * Every mechanism that only makes the build faster sits behind one switch, `ATLAS_BUILD_SPEED`
 * (switch.ts names each mechanism). Off, the build runs on stock Astro behaviour and writes the
 * same dist/, byte for byte (tests/build/build-speed-switch.test.ts); docs/performance.md says
 * what each mechanism buys, measured by `npm run bench -- --mechanisms`.
 *
 * The ones in Astro's build live here: the incremental build with its cache keys
 * (build-cache-keys.ts), unchanged outputs hard-linked from the cache (restore-by-link.ts), pages
 * rendered four at a time, and the output folder emptied of files but not folders (empty-output.ts). The others ask `buildSpeedOn(name)` where they are:
 * src/integrations/precompression/, src/integrations/search/, src/lib/article/render-pool.ts and
 * scripts/build.ts.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from '../../lib/build/worker-pool.ts';
import { BUNDLE } from '../search/pagefind-bundle.ts';
import type { EmptyJob } from './empty-output-worker.ts';
import { pruneEmptyFolders } from './empty-output.ts';
import { observePrerender, type RenderedFile } from './observe-prerender.ts';
import { ASTRO_CACHED_OUTPUT, restoreByLink, type LinkedOutput } from './restore-by-link.ts';
import { buildSpeedOn } from './switch.ts';

/** Pages Astro renders at a time: while one waits for its files to be written, the next renders. */
export const PAGES_IN_FLIGHT = 4;

export interface BuildSpeedOptions {
  /**
   * Called with each page, feed or API file as Astro renders it (the precompression's early start);
   * undefined when the precompression does not compress as pages render.
   */
  onRendered?: ((file: RenderedFile) => void) | undefined;
}

/**
 * The integration for the mechanisms that live in Astro's build. Listed last in astro.config.mjs:
 * its end (removing folders left empty) comes after every other integration has written.
 */
export function buildSpeed({ onRendered }: BuildSpeedOptions = {}): AstroIntegration {
  const incremental = buildSpeedOn('incremental');
  const keepFolders = buildSpeedOn('keep-folders');
  let building = false;
  let emptied: Promise<string[]> | undefined;
  let outDir = '';
  let cachedOutput = '';
  let base = '/';
  let directoryFormat = true;
  let linkedOutput: LinkedOutput | undefined;
  return {
    name: 'backend-atlas:build-speed',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        updateConfig({
          ...(buildSpeedOn('pages-in-flight') && { build: { concurrency: PAGES_IN_FLIGHT } }),
          ...(incremental && { experimental: { incrementalBuild: true } }),
          // Astro empties the output folder itself unless Vite's emptyOutDir is off.
          ...(building && keepFolders && { vite: { build: { emptyOutDir: false } } }),
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cachedOutput = resolve(fileURLToPath(config.cacheDir), ASTRO_CACHED_OUTPUT);
        base = config.base;
        directoryFormat = config.build.format === 'directory';
        if (!building || !keepFolders) return;
        // Pagefind's folder is deleted and written whole by src/integrations/search/pagefind-bundle.ts.
        emptied = emptyOnWorker({ dir: outDir, replaced: [BUNDLE] });
        // Awaited at build:start; until then a failure must not count as unhandled.
        emptied.catch(() => {});
      },
      'astro:build:start': async ({ setPrerenderer }) => {
        await emptied;
        // Linking maps page paths to files the way format: 'directory' lays them out.
        const link = incremental && directoryFormat && buildSpeedOn('link');
        if (!link && !onRendered) return;
        // Astro keeps only the last prerenderer set, so every wrapper is set here, around Astro's own.
        setPrerenderer((astro) => {
          const prerenderer = link ? (linkedOutput = restoreByLink(astro, { outDir, cachedOutput, base })) : astro;
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
              `Build with ATLAS_BUILD_SPEED=without:link, or delete ${cachedOutput} to let one build through without linking.`,
          );
        if (linkedOutput && linkedOutput.linked.size + linkedOutput.unlinked.size > 0)
          logger.info(
            `Linked ${linkedOutput.linked.size} unchanged files from the build cache (${linkedOutput.unlinked.size} more were rendered again)`,
          );
        if (!emptied) return;
        const removed = pruneEmptyFolders(await emptied);
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
