import { copyFile, link } from 'node:fs/promises';

/**
 * Puts `from` at `to` as a hard link where both are on one file system (no bytes copied), else as a
 * copy. Only for files named by their content and never changed in place (the compression cache,
 * Pagefind's hashed index files). A file already at `to` is left alone: it has the same content.
 */
export async function place(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw error;
    if (code !== 'EEXIST') await copyFile(from, to);
  }
}
