import { describe, expect, it } from 'vitest';
import { fixtureGuide, fixtureSkill } from '../content/entry-fixtures.ts';
import { feedItems } from './feed.ts';
import { type AtlasEntry, ContentGraph } from './graph.ts';

const updatedOn = <E extends AtlasEntry>(entry: E, date: string): E => ({ ...entry, data: { ...entry.data, updated: new Date(date) } });

describe('feedItems', () => {
  it('lists every entry, most recently updated first, with its collection and group as categories', () => {
    const graph = new ContentGraph([
      updatedOn(fixtureSkill('old-skill'), '2025-01-01'),
      updatedOn(fixtureGuide('fresh-guide'), '2026-11-20'),
      updatedOn(fixtureSkill('new-skill'), '2026-11-26'),
    ]);
    const items = feedItems(graph);
    expect(items.map((item) => item.entry.id)).toEqual(['new-skill', 'fresh-guide', 'old-skill']);
    expect(items[0]!.categories).toEqual(['Skill', 'Database systems']);
    expect(items[1]!.categories).toEqual(['Guide', 'The work']);
  });
});
