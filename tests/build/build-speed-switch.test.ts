/**
 * The build-speed switch (src/integrations/build-speed/) changes how fast the site builds and
 * nothing else: the real site built with every speed mechanism on — warm, from the build cache
 * `npm run build` left — and built cold with ATLAS_BUILD_SPEED=off (stock Astro behaviour) are
 * the same files, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixture-build';

const scratch = mkdtempSync(join(tmpdir(), 'atlas-speed-switch-'));

function build(name: string, env: Record<string, string>) {
  const dist = join(scratch, name, 'dist');
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, ATLAS_DIST: dist, NO_COLOR: '1' },
  });
  return { dist, status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

let on: ReturnType<typeof build>;
let off: ReturnType<typeof build>;

beforeAll(() => {
  on = build('on', {});
  off = build('off', { ATLAS_BUILD_SPEED: 'off', ATLAS_CACHE_DIR: join(scratch, 'off', 'cache/') });
}, 600_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the build-speed switch', () => {
  it('on, the speed mechanisms run; off, none of them does', () => {
    expect(on.status, on.output).toBe(0);
    expect(off.status, off.output).toBe(0);
    expect(on.output).toMatch(/Linked \d+ unchanged files from the build cache/);
    expect(on.output).toMatch(/unchanged ones reused\)/);
    expect(off.output).not.toMatch(/Linked \d+ unchanged files|unchanged ones reused/);
    expect(off.output).toMatch(/0 compressed as they rendered, 0 placed from the cache/);
  });

  it('writes the same dist/, byte for byte', () => {
    const names = files(on.dist);
    expect(names.length).toBeGreaterThan(500);
    expect(files(off.dist)).toEqual(names);
    const differing = names.filter((name) => !readFileSync(join(on.dist, name)).equals(readFileSync(join(off.dist, name))));
    expect(differing).toEqual([]);
  });
});
