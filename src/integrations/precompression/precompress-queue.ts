/**
 * The queue between Astro's rendering and the compression worker (src/integrations/precompression/precompress-worker.ts),
 * used by the precompressed integration (src/integrations/precompression/index.ts).
 */
import type { RenderedFile } from '../build-speed/observe-prerender.ts';
import type { CompressJob, PlaceJob } from './precompress-worker.ts';
import { type CachePlacement, worthCompressing } from './precompress.ts';
import { WorkerPool } from '../../lib/build/worker-pool.ts';

/**
 * Compresses the files Astro renders as they come, into the precompression cache, on a
 * worker thread at the lowest CPU priority. Pages render on the main thread while the other
 * core is often idle (docs/performance.md); this moves most of the compressing there, off
 * the end of a cold build.
 *
 * @param maxWaiting files waiting for the worker, at most, so their memory stays bounded. When
 *   rendering outruns it (both cores busy), later files are left to the pass over the
 *   output at the end instead of piling up in memory.
 */
export function compressAsRendered(cacheDir: string, maxWaiting = 1024) {
  let pool: WorkerPool<CompressJob, boolean> | undefined;
  const jobs: Promise<boolean>[] = [];
  let waiting = 0;
  let left = 0;
  return {
    add({ path, body }: RenderedFile) {
      if (!worthCompressing(path, body.length)) return;
      if (waiting >= maxWaiting) {
        left++;
        return;
      }
      pool ??= new WorkerPool('src/integrations/precompression/precompress-worker.ts', 1);
      waiting++;
      const job = pool.run({ path, body, cacheDir });
      // Awaited by drained(); until then a failure must not count as unhandled.
      job.then(
        () => waiting--,
        () => waiting--,
      );
      jobs.push(job);
    },
    /** Files left to the pass at the end because too many were waiting. */
    get left() {
      return left;
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
 * placeFromCache() (src/integrations/precompression/precompress.ts) on a compression worker of its own, at the lowest CPU
 * priority: precompress()'s `fromCache` for the pass that runs while Pagefind indexes the site.
 */
export async function placeOnWorker(dir: string, cacheDir: string, files: string[]): Promise<CachePlacement> {
  const pool = new WorkerPool<PlaceJob, CachePlacement>('src/integrations/precompression/precompress-worker.ts', 1);
  try {
    return await pool.run({ dir, files, cacheDir });
  } finally {
    await pool.close();
  }
}
