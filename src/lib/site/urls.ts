import type { CollectionName } from '../content/collections';

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A site-internal path with the configured base path in front, e.g. "/atlas/skills/". */
export function sitePath(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

/** URL path of a collection's index page. */
export function collectionPath(collection: CollectionName): string {
  return sitePath(`${collection}/`);
}

/** URL path of one entry's page. */
export function entryPath(entry: { collection: CollectionName; id: string }): string {
  return sitePath(`${entry.collection}/${entry.id}/`);
}
