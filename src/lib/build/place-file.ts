import { copyFile, link } from 'node:fs/promises';
import { copyFileSync, linkSync } from 'node:fs';

/** After a failed link: a missing source is an error, a file already there is done, anything else (another file system) copies. */
function copyInstead(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw error;
  return code !== 'EEXIST';
}

/**
 * Puts `from` at `to` as a hard link where both are on one file system (no bytes copied), else as a
 * copy. Only for files named by their content and never changed in place (the compression cache,
 * Pagefind's hashed index files). A file already at `to` is left alone: it has the same content.
 */
export async function place(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (copyInstead(error)) await copyFile(from, to);
  }
}

/** place(), synchronously: for a worker thread whose file operations must run at its own priority. */
export function placeSync(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (copyInstead(error)) copyFileSync(from, to);
  }
}
