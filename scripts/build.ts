/**
 * Production build: `astro build` (pages, sitemap, search index, _headers, .br/.gz
 * beside each text file) into a scratch folder, then swapped into dist/ only if every
 * step succeeded.
 * A failed build leaves no dist/ behind, so nothing half-built is ever served.
 * The site a build replaces stays in dist.previous/ until the next build starts (a rollback
 * is two renames); that build then empties it and builds in it.
 * A lock beside the output (src/lib/build/build-lock.ts) keeps a second build of the same folder out.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { buildSpeedOn, mechanismsOff } from '../src/integrations/build-speed/switch.ts';
import { acquireBuildLock } from '../src/lib/build/build-lock.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env['ATLAS_DIST'] ?? 'dist');
const scratch = `${outDir}.partial`;
const previous = `${outDir}.previous`;

let release: () => void;
try {
  mechanismsOff(); // an unknown ATLAS_BUILD_SPEED stops the build here, with the valid values
  // The lock sits beside the output, whose parent folder may not exist yet (Astro used to be the first to make it).
  mkdirSync(dirname(outDir), { recursive: true });
  release = acquireBuildLock(`${outDir}.lock`, outDir);
} catch (error) {
  console.error(`\nBuild not started: ${(error as Error).message}`);
  process.exit(1);
}
process.on('exit', () => release());

// The site the last build replaced becomes this build's scratch folder: Astro's build empties it of
// files and keeps its folders, which then need not be made again (src/integrations/build-speed/empty-output.ts).
// A scratch folder left by a build that was killed part-way is used the same way, and the old site
// is then deleted while Astro builds, off the build's critical path.
// Without the build-speed switch's keep-folders, Astro builds into a folder of its own, as by default.
let clearing: Promise<Error | undefined> = Promise.resolve(undefined);
if (!buildSpeedOn('keep-folders')) {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
} else if (existsSync(previous)) {
  if (!existsSync(scratch)) renameSync(previous, scratch);
  else
    clearing = rm(previous, { recursive: true, force: true }).then(
      () => undefined,
      (error: Error) => error,
    );
}
// A build started from a test runner must not inherit its mode (vitest sets DEV, MODE…),
// or drafts, which show only in development, would be published.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST.*)$/.test(key)));
const astro = spawn(resolve(root, 'node_modules/.bin/astro'), ['build'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    // glibc gives each busy native thread (Rolldown's, libvips's) its own malloc arena and rarely
    // hands the memory back; two arenas lower the build's peak memory at no measurable cost in
    // time (measured: docs/performance.md). Ignored by other C libraries; an operator's value wins.
    MALLOC_ARENA_MAX: '2',
    ...env,
    NODE_ENV: 'production',
    ATLAS_OUT_DIR: scratch,
    ASTRO_TELEMETRY_DISABLED: '1',
  },
});
const status = await new Promise<number>((done) => {
  astro.on('error', (error) => {
    console.error(`\nCould not start Astro: ${error.message}`);
    done(1);
  });
  astro.on('close', (code) => done(code ?? 1));
});
const notCleared = await clearing;

if (status !== 0) {
  rmSync(scratch, { recursive: true, force: true });
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  console.error(`\nBuild failed: nothing was published. ${outDir} was removed so no stale or partial site is served.`);
  process.exit(status);
}

if (notCleared) {
  rmSync(scratch, { recursive: true, force: true });
  console.error(
    `\nBuilt, but not published: ${previous} (the site the last build replaced) could not be deleted: ${notCleared.message}\n` +
      `${outDir} still holds the last published site. Delete ${previous} and build again.`,
  );
  process.exit(1);
}

// Two renames swap the new site in, so a server reading dist/ never sees it half-written or
// half-deleted, as it could while the old site was removed first.
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(scratch, outDir);
console.log(`\nBuilt site in ${outDir}${existsSync(previous) ? ` (the site it replaced is in ${previous} until the next build)` : ''}`);
