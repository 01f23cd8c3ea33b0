import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyKeepingFolders, pruneEmptyFolders } from './empty-output.ts';
import { tempDir, writeFileIn as write } from '../../../tests/support/temp-files.ts';

/** The last build's site: pages in folders, a page linked to the build cache, a symlink to a folder outside, Pagefind's folder. */
function lastSite() {
  const root = tempDir('folders');
  const site = join(root, 'dist.partial');
  write(join(site, 'index.html'), 'home');
  write(join(site, 'skills/redis/index.html'), 'redis');
  write(join(site, 'skills/redis/index.html.br'), 'compressed');
  write(join(site, 'guides/old-guide/index.html'), 'a page this build no longer has');
  write(join(root, 'cache/dist/skills/kafka/index.html'), 'cached kafka page');
  mkdirSync(join(site, 'skills/kafka'), { recursive: true });
  linkSync(join(root, 'cache/dist/skills/kafka/index.html'), join(site, 'skills/kafka/index.html'));
  write(join(root, 'outside/photo.txt'), 'not part of any build');
  symlinkSync(join(root, 'outside'), join(site, 'photos'));
  write(join(site, 'pagefind/fragment/en_1234567.pf_fragment'), 'index file');
  return { root, site };
}

const filesBelow = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => entry.name);

describe('emptyKeepingFolders', () => {
  it('deletes every file and link and keeps every folder, each listed after the folders in it', () => {
    const { site } = lastSite();
    const folders = emptyKeepingFolders(site);
    expect(filesBelow(site)).toEqual([]);
    expect(folders.map((folder) => folder.slice(site.length + 1)).sort()).toEqual(
      ['guides', 'guides/old-guide', 'pagefind', 'pagefind/fragment', 'skills', 'skills/kafka', 'skills/redis'].sort(),
    );
    for (const folder of folders) expect(statSync(folder).isDirectory()).toBe(true);
    folders.forEach((folder, i) => expect(folders.slice(i + 1).some((later) => later.startsWith(`${folder}/`))).toBe(false));
  });

  it('leaves the file a deleted link pointed to, and what a symlink pointed to, untouched', () => {
    const { root, site } = lastSite();
    emptyKeepingFolders(site);
    expect(readFileSync(join(root, 'cache/dist/skills/kafka/index.html'), 'utf8')).toBe('cached kafka page');
    expect(existsSync(join(site, 'photos'))).toBe(false);
    expect(readFileSync(join(root, 'outside/photo.txt'), 'utf8')).toBe('not part of any build');
  });

  it('deletes the folders a later step replaces whole, with everything in them', () => {
    const { site } = lastSite();
    const folders = emptyKeepingFolders(site, ['pagefind']);
    expect(existsSync(join(site, 'pagefind'))).toBe(false);
    expect(folders.some((folder) => folder.includes('pagefind'))).toBe(false);
  });

  it('does nothing for a folder that does not exist (a first build)', () => {
    const { root } = lastSite();
    expect(emptyKeepingFolders(join(root, 'dist.missing'))).toEqual([]);
  });
});

describe('pruneEmptyFolders', () => {
  it('removes the folders the build left empty, nested ones too, and keeps those it wrote into', () => {
    const { site } = lastSite();
    const folders = emptyKeepingFolders(site, ['pagefind']);
    // The new build writes the home page and redis again; the old guide is gone from the site.
    write(join(site, 'index.html'), 'home');
    write(join(site, 'skills/redis/index.html'), 'redis');
    expect(pruneEmptyFolders(folders)).toBe(3);
    expect(existsSync(join(site, 'guides'))).toBe(false);
    expect(existsSync(join(site, 'skills/kafka'))).toBe(false);
    expect(readFileSync(join(site, 'skills/redis/index.html'), 'utf8')).toBe('redis');
  });

  it('passes over a folder that is gone already', () => {
    const { site } = lastSite();
    const folders = emptyKeepingFolders(site);
    rmSync(join(site, 'guides'), { recursive: true });
    expect(() => pruneEmptyFolders(folders)).not.toThrow();
  });
});
