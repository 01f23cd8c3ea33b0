/**
 * Worker thread that compresses the build's rendered files into the precompression cache
 * (src/integrations/precompressed.ts) while Astro renders the next pages.
 */
import { setPriority } from 'node:os';
import { precompressToCache } from './precompress.ts';
import { serveJobs } from './worker-pool.ts';

export interface PrecompressJob {
  /** Where the file will be, below the site root. */
  path: string;
  body: Uint8Array;
  cacheDir: string;
}

// Lowest CPU priority. On Linux the nice value belongs to a thread, so this lowers this worker
// only: Astro's rendering, which every later step waits for, keeps its core, and compression
// uses what is left idle. Elsewhere it may lower the whole process, which is harmless.
try {
  setPriority(19);
} catch {
  // not permitted here: compress at normal priority
}

serveJobs<PrecompressJob, boolean>(async ({ path, body, cacheDir }) => ({
  result: precompressToCache(path, Buffer.from(body.buffer, body.byteOffset, body.byteLength), cacheDir),
}));
