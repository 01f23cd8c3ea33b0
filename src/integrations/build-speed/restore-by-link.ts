/**
 * Unchanged pages of a rebuild as hard links to Astro's build cache instead of copies.
 *
 * With `experimental.incrementalBuild`, Astro copies every unchanged page, card and JSON file from
 * its cache into the new output (three files a page), and the old output is deleted after the swap.
 * On a file system that checks recently deleted inodes before reusing them (ext4 without a journal,
 * as on the project's machine), creating thousands of files shortly after deleting thousands is
 * slow (measured: docs/performance.md). A hard link creates a name, not an inode, and deleting the
 * old output then frees almost none.
 *
 * Astro keeps a page that is already in the output folder when its cache entry is valid ("cached"
 * instead of "restored"). So before generation starts, every path that has a cache key and a
 * cached file is linked to it in the output. A path Astro renders instead (its key or code
 * changed) is unlinked first — from the output and from the cache — so Astro writes both as new
 * files: Astro writes its cache file in place, and that file may be the very inode the published
 * site is serving.
 *
 * A cached file and the pages linked to it are the same file; nothing here or in Astro writes
 * into one in place. Where the cache is on another file system, nothing is linked and Astro copies.
 */
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { existsSync, linkSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { outputFileOf, outputPathOf, wrapPrerenderer } from './observe-prerender.ts';

/** Astro's folder for cached outputs inside its cache folder (IncrementalBuildCache, astro/dist/core/build/incremental.js). */
export const ASTRO_CACHED_OUTPUT = 'dist';

export interface LinkedOutput {
  /** Output files linked to the cache before generation (below the output folder). */
  readonly linked: Set<string>;
  /** Of those, the ones Astro rendered again, so they were unlinked first. */
  readonly unlinked: Set<string>;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** A file that could not be linked: Astro copies or renders it as usual if it is on another file system, or gone since. */
function tolerate(error: unknown): void {
  const code = codeOf(error);
  if (code !== 'ENOENT' && code !== 'EXDEV' && code !== 'EPERM') throw error;
}

/**
 * Wraps Astro's prerenderer (see above). `outDir` is the build's output folder, `cachedOutput`
 * Astro's cached outputs (`<cacheDir>/dist`), `base` the site's base path.
 */
export function restoreByLink(
  prerenderer: AstroPrerenderer,
  { outDir, cachedOutput, base }: { outDir: string; cachedOutput: string; base: string },
): AstroPrerenderer & LinkedOutput {
  const linked = new Set<string>();
  const unlinked = new Set<string>();
  /** Outputs that had a cached file when generation started: only those can have one Astro rewrites in place. */
  const cached = new Set<string>();
  /** Folders known to exist in the output: each is made once, not once per file in it. */
  const made = new Set<string>();
  const linkOne = (file: string) => {
    const source = join(cachedOutput, file);
    const target = join(outDir, file);
    try {
      // In a rebuild the folder is usually there already (src/integrations/build-speed/empty-output.ts keeps them), so
      // the link is tried first: one system call for each unchanged file.
      linkSync(source, target);
    } catch (error) {
      // Nothing cached (a new path, a cold build): nothing to do, not even a folder to make. Folders
      // made ahead of Astro would all be made before the first page renders, instead of alongside it.
      if (codeOf(error) === 'ENOENT' && !existsSync(source)) return;
      cached.add(file);
      if (codeOf(error) !== 'ENOENT') return tolerate(error);
      const folder = dirname(target);
      try {
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        linkSync(source, target);
      } catch (again) {
        return tolerate(again);
      }
    }
    cached.add(file);
    linked.add(file);
  };
  return wrapPrerenderer(prerenderer, 'restores by link', {
    linked,
    unlinked,
    async getStaticPaths(): Promise<PathWithRoute[]> {
      const paths = await prerenderer.getStaticPaths();
      const files = [
        ...new Set(paths.filter((path) => path.cacheKey !== undefined).map((path) => outputFileOf(path.pathname, path.route.type === 'page'))),
      ];
      // Synchronously, each folder made once: each step is a short system call, no page renders
      // before this is done anyway, and libuv's pool only added queueing (docs/performance.md).
      // empty-output.ts keeps the folders from one build to the next.
      for (const file of files) linkOne(file);
      return paths;
    },
    async render(request: Request, options: Parameters<AstroPrerenderer['render']>[1]) {
      const file = outputPathOf(request.url, base);
      if (linked.has(file)) {
        linked.delete(file);
        unlinked.add(file);
        await rm(join(outDir, file), { force: true });
      }
      // Astro writes the cache file in place; the published site may be serving that inode.
      if (cached.has(file)) await rm(join(cachedOutput, file), { force: true });
      return prerenderer.render(request, options);
    },
  });
}
