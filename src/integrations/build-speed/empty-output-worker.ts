/**
 * Worker thread that empties the output folder (src/integrations/build-speed/empty-output.ts) while Astro loads the
 * config and the content on the main thread. Its file operations are synchronous, so they run on
 * this thread and not on libuv's pool, which Astro's own file reads share.
 */
import { emptyKeepingFolders } from './empty-output.ts';
import { serveJobs } from '../../lib/build/worker-pool.ts';

/** Empty `dir` (emptyKeepingFolders). */
export interface EmptyJob {
  dir: string;
  replaced: string[];
}

serveJobs<EmptyJob, string[]>(async ({ dir, replaced }) => ({ result: emptyKeepingFolders(dir, replaced) }));
