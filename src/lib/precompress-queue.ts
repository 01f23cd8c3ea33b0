/**
 * The queue between Astro's rendering and the compression worker (src/lib/precompress-worker.ts),
 * used by the precompressed integration (src/integrations/precompressed.ts).
 */
import type { RenderedFile } from './observe-prerender.ts';
import type { PrecompressJob } from './precompress-worker.ts';
import { worthCompressing } from './precompress.ts';
import { WorkerPool } from './worker-pool.ts';

/**
 * Compresses the files Astro renders as they come, into the precompression cache, on a
 * worker thread at the lowest CPU priority. Pages render on the main thread while the other
 * core is often idle (docs/performance.md); this moves most of the compressing there, off
 * the end of a cold build.
 *
 * @param maxWaiting files waiting for the worker, at most (1,024 pages are ~35 MB). When
 *   rendering outruns it (both cores busy), later files are left to the pass over the
 *   output at the end instead of piling up in memory.
 */
export function compressAsRendered(cacheDir: string, maxWaiting = 1024) {
  let pool: WorkerPool<PrecompressJob, boolean> | undefined;
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
      pool ??= new WorkerPool('src/lib/precompress-worker.ts', 1);
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
