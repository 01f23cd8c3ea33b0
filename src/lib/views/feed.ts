import { COLLECTIONS } from '../content/collections.ts';
import { entryGroup } from '../content/entry-labels.ts';
import type { AtlasEntry, ContentGraph } from './graph.ts';

export interface FeedItem {
  entry: AtlasEntry;
  updated: Date;
  /** The collection, then the group within it: ["Skill", "Database systems"]. */
  categories: string[];
}

/** Every published entry, most recently updated first (ties: collection order, then display order). */
export function feedItems(graph: ContentGraph): FeedItem[] {
  const all = graph.all();
  return all
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.data.updated.getTime() - a.entry.data.updated.getTime() || a.index - b.index)
    .map(({ entry }) => {
      const group = entryGroup(entry);
      return { entry, updated: entry.data.updated, categories: [COLLECTIONS[entry.collection].singular, ...(group ? [group] : [])] };
    });
}
