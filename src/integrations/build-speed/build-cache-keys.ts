/**
 * Keys for Astro's incremental static builds (experimental.incrementalBuild): a page whose
 * key and code are unchanged since the last build is copied from the build cache instead
 * of being rendered again. An entry page shows its own article and, through the graph,
 * the titles, descriptions and references of other entries (related lists, pager,
 * navigation) and the entries whose text links to it ("Mentioned in") — so its key
 * covers the entry's text, the graph's data and its own backlinks, but not the text of
 * other articles: editing one article re-renders that page, and the pages whose
 * backlinks the edit adds or removes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { siteConfig } from '../../../site.config.mjs';
import { articleRendererFingerprint, sourcesFingerprint } from '../../lib/article/fingerprint.ts';
import { loadRegistry } from '../../lib/content/registry.ts';
import type { AtlasEntry, ContentGraph } from '../../lib/views/graph.ts';

const graphKeys = new WeakMap<ContentGraph, string>();

/**
 * The middleware and every module it imports. Astro's incremental build hashes each page's own
 * code but not the middleware, which rewrites every page (src/middleware.ts): every page key covers
 * it, or a changed middleware would leave pages as the last one made them. A test checks the list
 * against the middleware's imports.
 */
export const MIDDLEWARE_SOURCES = ['src/middleware.ts', 'src/integrations/hosting/csp-prune.ts', 'src/integrations/hosting/csp-hash.ts'];

/** A digest of every published entry's frontmatter (not bodies), of the deploy settings and of the middleware. */
export function graphKey(graph: ContentGraph): string {
  let key = graphKeys.get(graph);
  if (!key) {
    // Pages show their sources from content/sources.yaml, and facts' sources with them.
    const { sources, facts } = loadRegistry();
    const hash = createHash('sha256')
      .update(JSON.stringify(siteConfig))
      .update(sourcesFingerprint(MIDDLEWARE_SOURCES))
      .update(JSON.stringify([[...sources], [...facts]]));
    for (const entry of graph.all()) hash.update(`\n${entry.collection}/${entry.id}\n${JSON.stringify(entry.data)}`);
    key = hash.digest('base64url');
    graphKeys.set(graph, key);
  }
  return key;
}

/**
 * Cache key of an entry's page: the graph's data, the entry's own file (its digest) and backlinks,
 * what turns the text into HTML (the article renderer and components, which pages
 * do not import), and the images the article shows, which can change while its text does not.
 */
export function entryPageKey(graph: ContentGraph, entry: AtlasEntry): string {
  const backlinks = graph.mentionedBy(entry).map((other) => `${other.collection}/${other.id}`);
  const hash = createHash('sha256').update(
    `${graphKey(graph)}\n${articleRendererFingerprint()}\n${entry.collection}/${entry.id}\n${backlinks.join(' ')}\n${entry.digest}`,
  );
  for (const image of entry.images ?? []) hash.update(`\n${image}\n`).update(existsSync(image) ? readFileSync(image) : 'missing');
  return hash.digest('base64url');
}

/**
 * Cache key of a page that shows only the entries' frontmatter, never their text: a collection's
 * list, a role comparison, the JSON of one entry or one collection. `page` is its address.
 * Editing an article's text leaves these pages cached; any frontmatter change renders them again.
 */
export function frontmatterPageKey(graph: ContentGraph, page: string): string {
  return createHash('sha256')
    .update(`${graphKey(graph)}\n${page}`)
    .digest('base64url');
}

/** Cache key of a social card image: what it draws, and where the site lives. */
export function cardKey(card: unknown): string {
  return createHash('sha256')
    .update(`${JSON.stringify(siteConfig)}\n${JSON.stringify(card)}`)
    .digest('base64url');
}
