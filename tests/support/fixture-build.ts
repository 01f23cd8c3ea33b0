import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BASIC_FIXTURE = join(ROOT, 'tests/fixtures/basic');

export interface FixtureBuild {
  status: number | null;
  /** stdout and stderr together, without colour codes. */
  output: string;
  contentDir: string;
  distDir: string;
  distExists: boolean;
}

/** A writable copy of a fixture's content folder, for a test to break. */
export function copyFixture(fixture = BASIC_FIXTURE): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-fixture-'));
  cpSync(fixture, join(dir, 'content'), { recursive: true });
  return join(dir, 'content');
}

/**
 * Rewrites one file of a copied fixture, whole: written under another name and renamed, so a dev
 * server watching the folder never reads it half-written (writing in place truncates the file first,
 * and a loaded machine once let the server read it empty and miss the write that followed).
 */
export function editFile(contentDir: string, file: string, edit: (text: string) => string): void {
  const path = join(contentDir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`editFile: the edit changed nothing in ${file}`);
  writeFileSync(`${path}.partial`, after);
  renameSync(`${path}.partial`, path);
}

/** Runs the production build (`npm run build`'s script) on a content folder. */
export function buildContent(contentDir: string, env: Record<string, string> = {}): FixtureBuild {
  const distDir = join(contentDir, '..', 'dist');
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    // The build cache sits beside the content and the output, in the fixture's own temporary folder,
    // instead of piling up in node_modules/.astro, one folder per fixture ever built.
    env: {
      ...process.env,
      ATLAS_CONTENT_DIR: contentDir,
      ATLAS_DIST: distDir,
      ATLAS_CACHE_DIR: join(contentDir, '..', 'cache/'),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...env,
    },
  });
  return {
    status: result.status,
    // eslint-disable-next-line no-control-regex
    output: `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, ''),
    contentDir,
    distDir,
    distExists: existsSync(distDir),
  };
}
