import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { observePrerender, type RenderedFile } from '../lib/observe-prerender.ts';
import type { PrecompressJob } from '../lib/precompress-worker.ts';
import { precompress, type PrecompressResult } from '../lib/precompress.ts';
import { WorkerPool } from '../lib/worker-pool.ts';

/**
 * Compresses the files Astro renders as they come, into the precompression cache, on a
 * worker thread at the lowest CPU priority. Pages render one at a time on the main thread
 * while the other core is often idle (docs/performance.md); this moves most of the
 * compressing there, off the end of a cold build.
 */
function compressAsRendered(cacheDir: string) {
  let pool: WorkerPool<PrecompressJob, boolean> | undefined;
  const jobs: Promise<boolean>[] = [];
  return {
    add({ path, body }: RenderedFile) {
      pool ??= new WorkerPool('src/lib/precompress-worker.ts', 1);
      const job = pool.run({ path, body, cacheDir });
      // Awaited by drained(); until then a failure must not count as unhandled.
      job.catch(() => {});
      jobs.push(job);
    },
    /** Resolves when every file handed over is in the cache, with how many were compressed. */
    async drained(): Promise<number> {
      try {
        return (await Promise.all(jobs)).filter(Boolean).length;
      } catch (error) {
        throw new Error(`Could not compress a rendered file into ${cacheDir}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      } finally {
        await pool?.close();
      }
    },
  };
}

/**
 * Writes `.br` and `.gz` beside every text file over 1 KB (src/lib/precompress.ts).
 * Pages, feeds and API files are compressed into the build cache as Astro renders them;
 * once Astro has written them, a pass over the output links those copies beside them
 * (and compresses the bundles and anything a rebuild restored from Astro's cache), while
 * the sitemap and the search index are built. What those write is compressed at the end.
 * Listed last in astro.config.mjs, so its end comes after theirs. Compressed copies are
 * kept in the build cache, so a rebuild only compresses files that changed.
 */
export function precompressed(): AstroIntegration {
  let cacheDir = '';
  let base = '/';
  let started = 0;
  let rendered: ReturnType<typeof compressAsRendered> | undefined;
  let pages: Promise<PrecompressResult> | undefined;
  return {
    name: 'backend-atlas:precompressed',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'precompressed');
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const queue = compressAsRendered(cacheDir);
        rendered = queue;
        // Wraps Astro's own prerenderer. An adapter that brings its own would replace this
        // wrapper (the last one set wins); the pass over the output still compresses everything.
        setPrerenderer((prerenderer) => observePrerender(prerenderer, base, (file) => queue.add(file)));
      },
      'astro:build:generated': ({ dir }) => {
        started = performance.now();
        pages = (rendered?.drained() ?? Promise.resolve(0)).then(() => precompress(fileURLToPath(dir), cacheDir));
        // Awaited at the end of the build; until then a failure must not count as unhandled.
        pages.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const first = await (pages ?? precompress(fileURLToPath(dir), cacheDir));
        const rest = await precompress(fileURLToPath(dir), cacheDir, new Set(first.seen));
        const early = (await rendered?.drained()) ?? 0;
        const files = first.files + rest.files;
        const reused = first.reused + rest.reused;
        logger.info(
          `Precompressed ${files} files (.br and .gz beside each; ${early} compressed as they rendered, ` +
            `${reused} placed from the cache) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
