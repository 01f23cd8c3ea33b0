import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { EmptyJob } from './empty-output-worker.ts';
import { pruneEmptyFolders } from './empty-output.ts';
import { BUNDLE } from '../search/pagefind-bundle.ts';
import { WorkerPool } from '../../lib/build/worker-pool.ts';

/**
 * Empties the output folder at the start of `astro build` the way src/integrations/build-speed/empty-output.ts
 * explains (files go, folders stay), in place of Astro's own emptying, which deletes the folders
 * too. The emptying runs on a worker while Astro loads the config and the content, and is
 * finished before Astro writes anything. At the end, folders left empty are removed, so no
 * folder of a page that is gone is published. Listed last in astro.config.mjs, so its end comes
 * after every other integration has written its files.
 */
export function outputFolders(): AstroIntegration {
  let building = false;
  let emptied: Promise<string[]> | undefined;
  return {
    name: 'backend-atlas:output-folders',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Astro empties the output folder itself unless Vite's emptyOutDir is off (core/build/static-build.js).
        building = command === 'build';
        if (building) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        if (!building) return;
        // Pagefind's folder is deleted and written whole by src/lib/pagefind-bundle.ts.
        emptied = emptyOnWorker({ dir: fileURLToPath(config.outDir), replaced: [BUNDLE] });
        // Awaited at build:start; until then a failure must not count as unhandled.
        emptied.catch(() => {});
      },
      'astro:build:start': async () => {
        if (!emptied) throw new Error('The output folder was not emptied: astro:config:done did not run before astro:build:start.');
        await emptied;
      },
      'astro:build:done': async ({ logger }) => {
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
