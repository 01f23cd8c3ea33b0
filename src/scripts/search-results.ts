/** What the header popup (search-popup.ts) and the search page (search-page.ts) share: a result, its type's label, escaping. */
import { COLLECTION_NAMES, COLLECTIONS } from '../lib/content/collections.ts';
import { SEARCH_TYPES } from '../lib/search/search-terms.ts';

/** Labels for the type filter values: "skill" → Skill / Skills. */
export const TYPE_LABELS = new Map(
  COLLECTION_NAMES.map((name) => [SEARCH_TYPES[name], { one: COLLECTIONS[name].singular, many: COLLECTIONS[name].plural }]),
);

/** A result as either box shows it; `excerpt` is HTML with the matched words marked. */
export interface Hit {
  url: string;
  title: string;
  type: string;
  excerpt: string;
  section?: { title: string; url: string } | undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const plural = (count: number) => `${count} result${count === 1 ? '' : 's'}`;
