import type { HastPluginDefinition } from 'satteri';

const ATTRIBUTE: Record<string, string> = { a: 'href', img: 'src' };

/** A root-relative path ("/skills/redis/") under the base path ("/atlas/skills/redis/"); anything else unchanged. */
export function withBase(url: string, base: string): string {
  if (base === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
  return `${base.replace(/\/$/, '')}${url}`;
}

/**
 * Markdown (Sätteri hast) plugin: writers link between pages with root-relative paths
 * (`[Redis](/skills/redis/)`), and images from public/ the same way; when the site is
 * served under a base path, those links and images get it in front, at build time.
 * Returns no plugin at the root base.
 */
export function siteLinks(base: string): HastPluginDefinition | undefined {
  if (base === '/') return undefined;
  return {
    name: 'backend-atlas:site-links',
    element: {
      filter: Object.keys(ATTRIBUTE),
      visit(node, ctx) {
        const attribute = ATTRIBUTE[node.tagName]!;
        const value = node.properties[attribute];
        if (typeof value === 'string' && withBase(value, base) !== value) ctx.setProperty(node, attribute, withBase(value, base));
      },
    },
  };
}
