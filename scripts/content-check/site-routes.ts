/**
 * Which site paths a writer's link can point to, read from src/pages/ and
 * public/ rather than listed by hand: entry pages come from the content itself,
 * collection indexes from the collection names, every other route from its file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SiteRoutes {
  /** True when a root-relative path (no query or fragment) is served by the site. */
  exists(path: string): boolean;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * @param entryPaths the entry pages that exist ("/skills/redis/"), drafts included.
 * @param collections the collection names, which are the values of a [collection] segment.
 */
export function siteRoutes(root: string, collections: readonly string[], entryPaths: ReadonlySet<string>): SiteRoutes {
  const patterns: RegExp[] = [];
  const pagesDir = join(root, 'src/pages');
  for (const file of walk(pagesDir)) {
    const route = relative(pagesDir, file).split('\\').join('/');
    if (route.split('/').some((part) => part.startsWith('_')) || /\.test\.[jt]s$/.test(route)) continue;
    const page = /\.(astro|md|mdx)$/.test(route);
    if (!page && !/\.[jt]s$/.test(route)) continue;
    let path = `/${route.replace(/\.(astro|md|mdx|[jt]s)$/, '')}`;
    if (path === '/404') continue;
    // Entry pages exist only for real entries; that is checked against the content, not here.
    if (path === '/[collection]/[slug]') continue;
    if (page) path = `${path.replace(/\/index$/, '')}/`.replace(/^\/\/$/, '/');
    const source = path
      .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
      .map((part) => {
        if (part === '[collection]') return `(?:${collections.map(escape).join('|')})`;
        if (part.startsWith('[...')) return '.*';
        if (part.startsWith('[')) return '[^/]+';
        return escape(part);
      })
      .join('');
    patterns.push(new RegExp(`^${source}$`));
  }
  const publicDir = join(root, 'public');
  const publicFiles = new Set(walk(publicDir).map((file) => `/${relative(publicDir, file).split('\\').join('/')}`));
  return {
    exists: (path) => entryPaths.has(path) || publicFiles.has(path) || patterns.some((pattern) => pattern.test(path)),
  };
}
