/**
 * Editorial quality of every published entry page, read from the built HTML:
 * enough real prose, a source for every statistic, a real description.
 */
import { describe, expect, it } from 'vitest';
import { findStatistics, MIN_BODY_WORDS } from '../../scripts/content-rules';
import { publishedContent } from '../support/content-files';
import { page } from '../support/dist';

const entries = publishedContent();

/** The article prose of a built entry page: no code, no sources list, no navigation. */
function proseOf(collection: string, id: string): { text: string; sources: number } {
  const html = page(`${collection}/${id}/index.html`);
  const prose = html.querySelector('.prose')!.clone() as ReturnType<typeof page>;
  const sources = prose.querySelectorAll('.sources li').length;
  for (const element of prose.querySelectorAll('pre, code, .sources')) element.remove();
  return { text: prose.text.replace(/\s+/g, ' ').trim(), sources };
}

describe('published pages meet the editorial bar', () => {
  it('there are at least 45 published entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(45);
  });

  it.each(entries.map((e) => [`${e.collection}/${e.id}`, e] as const))('%s', (_, entry) => {
    const { text, sources } = proseOf(entry.collection, entry.id);
    const words = text.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    expect(words, `${entry.file} has ${words} words of prose; published pages need at least ${MIN_BODY_WORDS}`).toBeGreaterThanOrEqual(
      MIN_BODY_WORDS,
    );

    const statistics = findStatistics(text);
    if (statistics.length > 0) {
      expect(
        sources,
        `${entry.file} states ${statistics.map((s) => `"${s.text}"`).join(', ')} but lists no source: add a sources entry in the frontmatter`,
      ).toBeGreaterThan(0);
    }

    const description = String(entry.data['description'] ?? '').trim();
    expect(description, `${entry.file} has an empty description`).not.toBe('');
  });

  it('no two entries share a description', () => {
    const byDescription = Map.groupBy(entries, (e) => String(e.data['description']).trim().toLowerCase());
    const duplicates = [...byDescription.values()].filter((group) => group.length > 1).map((group) => group.map((e) => e.file).join(' and '));
    expect(duplicates).toEqual([]);
  });
});
