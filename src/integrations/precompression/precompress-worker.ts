/**
 * Worker thread that compresses the build's rendered files into the precompression cache
 * (src/integrations/precompression/index.ts) while Astro renders the next pages, and later places
 * cached copies beside the built files while Pagefind indexes them.
 */
import { type CachePlacement, placeFromCache, precompressToCache } from './precompress.ts';
import { lowestPriority } from '../build-speed/thread-priority.ts';
import { serveJobs } from '../../lib/build/worker-pool.ts';

/** Compress one rendered file into the cache. */
export interface CompressJob {
  /** Where the file will be, below the site root. */
  path: string;
  body: Uint8Array;
  cacheDir: string;
}

/** Place the cached copies of built files beside them (placeFromCache). */
export interface PlaceJob {
  dir: string;
  files: string[];
  cacheDir: string;
}

export type PrecompressJob = CompressJob | PlaceJob;

// Astro's rendering and Pagefind, which every later step waits for, keep their cores, and this
// worker uses what is left idle. Its file operations are synchronous so that they run on this
// thread, at this priority, and not on libuv's shared pool.
lowestPriority();

serveJobs<PrecompressJob, boolean | CachePlacement>(async (job) => ({
  result:
    'files' in job
      ? placeFromCache(job.dir, job.files, job.cacheDir)
      : precompressToCache(job.path, Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength), job.cacheDir),
}));
