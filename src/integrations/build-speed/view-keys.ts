/**
 * Build cache keys for the site-wide views: the home page, search, the skills matrix, the career
 * map, the comparison index, the API page and files, the feed, robots.txt and the 404 page.
 *
 * Astro's incremental build reuses a page only when `getStaticPaths()` returned a cache key for it,
 * and these are plain routes without one, so every rebuild rendered all of them again (measured:
 * docs/performance.md). Instead of turning each into a one-path dynamic route, the prerenderer
 * wrapper below gives them a key.
 *
 * They show the entries' frontmatter and the site's settings, never an article's text, its length
 * or the links in it (the same rule as `frontmatterPageKey` in src/integrations/build-speed/build-cache-keys.ts). So
 * their key is a digest of every content file's frontmatter, as written, and of the site settings:
 * an edit to an article's text leaves them cached, any frontmatter change (a title, a draft flag, a
 * new or deleted file) renders them again, and a change to their code does too (Astro hashes each
 * route's code). A page added to VIEW_PAGES must keep to that rule.
 */
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { frontmatterText } from '../../lib/content/frontmatter-lines.ts';
import { wrapPrerenderer } from './observe-prerender.ts';

/** The views, by source file: plain routes that show only frontmatter and settings. */
export const VIEW_PAGES = new Set([
  'src/pages/404.astro',
  'src/pages/index.astro',
  'src/pages/search.astro',
  'src/pages/skills/matrix.astro',
  'src/pages/paths/map.astro',
  'src/pages/compare/index.astro',
  'src/pages/api/index.astro',
  'src/pages/api/index.json.ts',
  'src/pages/api/schema.json.ts',
  'src/pages/rss.xml.ts',
  'src/pages/robots.txt.ts',
]);

/**
 * A digest of the frontmatter of every `.mdx` file in the collection folders under `contentDir`
 * (with each file's path, so an added, deleted or renamed file counts) and of `settings`.
 */
export async function frontmatterDigest(contentDir: string, settings: unknown): Promise<string> {
  const files = (await readdir(contentDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => relative(contentDir, join(entry.parentPath, entry.name)))
    .sort();
  const blocks = await Promise.all(files.map(async (file) => frontmatterText(await readFile(join(contentDir, file), 'utf8')) ?? ''));
  const hash = createHash('sha256').update(JSON.stringify(settings));
  files.forEach((file, i) => hash.update(`\n${file}\n${blocks[i]}`));
  return hash.digest('base64url');
}

/**
 * Wraps Astro's prerenderer so that the paths of VIEW_PAGES get a cache key: `digest` (from
 * frontmatterDigest) with the path. Paths that already have a key keep it.
 */
export function keyViews(prerenderer: AstroPrerenderer, digest: () => Promise<string>): AstroPrerenderer {
  return wrapPrerenderer(prerenderer, 'views keyed', {
    async getStaticPaths(): Promise<PathWithRoute[]> {
      const [paths, key] = await Promise.all([prerenderer.getStaticPaths(), digest()]);
      return paths.map((path) =>
        path.cacheKey === undefined && VIEW_PAGES.has(path.route.component)
          ? { ...path, cacheKey: createHash('sha256').update(`${key}\n${path.pathname}`).digest('base64url') }
          : path,
      );
    },
  });
}
