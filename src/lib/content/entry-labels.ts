import {
  GUIDE_SECTION_LABELS,
  GUIDE_SECTIONS,
  PATH_KIND_LABELS,
  PATH_KINDS,
  SKILL_CATEGORIES,
  SKILL_CATEGORY_LABELS,
} from '../../schemas/vocabulary.ts';
import { COLLECTIONS } from './collections.ts';
import type { AtlasEntry } from '../views/graph.ts';
import { toSlug } from './slug.ts';

/** The group an entry is listed under on its collection's index page, and the group's position. */
export function entryGroupInfo(entry: AtlasEntry): { label: string; rank: number } | undefined {
  switch (entry.collection) {
    case 'skills':
      return { label: SKILL_CATEGORY_LABELS[entry.data.category], rank: SKILL_CATEGORIES.indexOf(entry.data.category) };
    case 'paths':
      return { label: PATH_KIND_LABELS[entry.data.kind], rank: PATH_KINDS.indexOf(entry.data.kind) };
    case 'guides':
      return { label: GUIDE_SECTION_LABELS[entry.data.section], rank: GUIDE_SECTIONS.indexOf(entry.data.section) };
    default:
      return undefined;
  }
}

/** The label of the group an entry is listed under, if its collection is grouped. */
export function entryGroup(entry: AtlasEntry): string | undefined {
  return entryGroupInfo(entry)?.label;
}

/** Short label above an entry's title, e.g. "Skill · Database systems". */
export function entryKicker(entry: AtlasEntry): string {
  const group = entryGroup(entry);
  const singular = COLLECTIONS[entry.collection].singular;
  return group ? `${singular} · ${group}` : singular;
}

export interface EntryGroup {
  /** Heading of the group; undefined for collections that are not grouped. */
  label: string | undefined;
  /** Anchor id for the group heading. */
  id: string;
  entries: AtlasEntry[];
}

/** Groups entries for an index page, keeping the order in which groups first appear. */
export function groupEntries(entries: readonly AtlasEntry[]): EntryGroup[] {
  const groups = new Map<string, EntryGroup & { rank: number }>();
  for (const entry of entries) {
    const info = entryGroupInfo(entry);
    const label = info?.label;
    const key = label ?? '';
    const group = groups.get(key) ?? {
      label,
      id: toSlug(key) || 'all',
      rank: info?.rank ?? 0,
      entries: [],
    };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...group }) => group);
}
