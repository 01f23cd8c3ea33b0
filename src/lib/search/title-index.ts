/**
 * The header popup's search index: every published page's address, title, the names it is
 * searched by (aliases and slug, as Pagefind gets them: searchKeywords), its type and its
 * description, one JSON file named by a hash of its content, a few KB brotli. The popup answers
 * from it alone (src/lib/search/title-match.ts); Pagefind's full-text search stays on /search/.
 *
 * It holds frontmatter only, so every page that links it is rendered again whenever it changes:
 * their build cache keys cover every entry's frontmatter (src/integrations/build-speed/build-cache-keys.ts).
 */
import { createHash } from 'node:crypto';
import { COLLECTION_NAMES } from '../content/collections.ts';
import type { AtlasEntry } from '../views/graph.ts';
import { SEARCH_TYPES, searchKeywords } from './search-terms.ts';

/** One page: [address, title, names (comma-separated), type (a search filter value), description]. */
export type TitleIndexPage = readonly [url: string, title: string, names: string, type: string, description: string];

export interface TitleIndex {
  pages: TitleIndexPage[];
}

/**
 * The index of `entries`, collection by collection (in the site's order) and by id within one: the
 * popup's last tie-break, so it must not depend on the order content happens to load in.
 * `pathOf` gives each entry's address.
 */
export function buildTitleIndex(entries: readonly AtlasEntry[], pathOf: (entry: AtlasEntry) => string): TitleIndex {
  const rank = (entry: AtlasEntry) => COLLECTION_NAMES.indexOf(entry.collection);
  const sorted = [...entries].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    pages: sorted.map((entry) => [
      pathOf(entry),
      entry.data.title,
      searchKeywords(entry).join(', '),
      SEARCH_TYPES[entry.collection],
      entry.data.description,
    ]),
  };
}

/** The file's text and its name, `titles-<hash>.json`: a new name whenever the text changes, so it can be cached for a year. */
export function titleIndexFile(index: TitleIndex): { name: string; hash: string; json: string } {
  const json = JSON.stringify(index);
  const hash = createHash('sha256').update(json).digest('base64url').slice(0, 10);
  return { name: `titles-${hash}.json`, hash, json };
}
