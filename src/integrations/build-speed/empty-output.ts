/**
 * The output folder of a build, emptied of files but not of folders.
 *
 * The site has a folder per page, and a rebuild would make them all again. On a file system that
 * checks recently deleted inodes before reusing them (ext4 without a journal, as on the project's
 * machine; see restore-by-link.ts), making them within seconds of deleting the last site's is slow
 * (measured: docs/performance.md). So a build starts from the last site's folders, emptied of files
 * (almost all of them links to the build cache, whose removal frees no inode), and removes the
 * folders left empty at the end.
 */
import { existsSync, readdirSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Deletes every file and link below `dir` (nothing if it does not exist) and keeps its folders,
 * except the folders `replaced` (relative to `dir`), which are deleted with everything in them:
 * a later step of the build deletes and writes them whole, and a folder deleted while another step
 * walks the output would fail that walk. Returns the folders kept, each after the folders in it.
 */
export function emptyKeepingFolders(dir: string, replaced: readonly string[] = []): string[] {
  for (const folder of replaced) rmSync(join(dir, folder), { recursive: true, force: true });
  const folders: string[] = [];
  // Folder by folder rather than readdir's `recursive`, which follows symbolic links to folders:
  // a link is deleted, never what it points to.
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        folders.push(path);
      } else unlinkSync(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return folders;
}

/** Removes the folders of `folders` (each after the folders in it) that are empty now; returns how many. */
export function pruneEmptyFolders(folders: readonly string[]): number {
  let removed = 0;
  for (const folder of folders) {
    try {
      rmdirSync(folder);
      removed++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Not empty: the build wrote into it. Gone: nothing to do.
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
    }
  }
  return removed;
}
