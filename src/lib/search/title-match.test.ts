import { describe, expect, it } from 'vitest';
import { FIRST, TOP_THREE } from '../../../tests/support/search-ranking.ts';
import { publishedContent } from '../../../tests/support/content-files.ts';
import type { AtlasEntry } from '../views/graph.ts';
import { fixtureSkill } from '../content/entry-fixtures.ts';
import { buildTitleIndex, type TitleIndex } from './title-index.ts';
import { markMatches, matchTitles } from './title-match.ts';

const pathOf = (entry: AtlasEntry) => `/${entry.collection}/${entry.id}/`;

function skill(id: string, title: string, aliases: string[], description = 'A description long enough to pass the schema minimum of fifty.') {
  const entry = fixtureSkill(id, { title });
  return { ...entry, data: { ...entry.data, aliases, description } };
}

const urls = (index: TitleIndex, query: string) => matchTitles(index, query).map((hit) => hit.url);

describe('matchTitles', () => {
  const index = buildTitleIndex(
    [
      skill('sqlite', 'SQLite', ['sqlite3', 'embedded database'], 'An embedded SQL database in one file, for tests and small apps.'),
      skill('sql-server', 'SQL Server', ['mssql', 'sql server', 't-sql'], 'Microsoft SQL Server for backend developers, and T-SQL.'),
      skill('sql', 'SQL', ['structured query language'], 'The SQL backend developers write every day, with joins.'),
      skill('kubernetes', 'Kubernetes', ['k8s', 'kubectl'], 'What Kubernetes does for backend services and pods.'),
      skill('orms', 'ORMs and the N+1 query problem', ['orm', 'n+1'], 'How ORMs map rows <to> objects & where queries multiply.'),
    ],
    pathOf,
  );

  it('puts the page titled what the reader typed first, then the page with it as an alias, then other matches', () => {
    expect(urls(index, 'sql')).toEqual(['/skills/sql/', '/skills/sql-server/', '/skills/sqlite/']);
    expect(urls(index, 'mssql')[0]).toBe('/skills/sql-server/');
  });

  it('finds a page by a synonym readers type, and by the start of a word as they type it', () => {
    expect(urls(index, 'k8s')).toEqual(['/skills/kubernetes/']);
    expect(urls(index, 'kube')).toEqual(['/skills/kubernetes/']);
    expect(urls(index, 'n+1')[0]).toBe('/skills/orms/');
  });

  it('ranks pages matching more of the words first, ignoring words too common to rank by', () => {
    expect(urls(index, 'sql microsoft').slice(0, 2)).toEqual(['/skills/sql-server/', '/skills/sql/']);
    expect(urls(index, 'the kubernetes')).toEqual(['/skills/kubernetes/']);
  });

  it('finds nothing for words no page has', () => {
    expect(matchTitles(index, 'xylophonequartz')).toEqual([]);
    expect(matchTitles(index, '  ')).toEqual([]);
  });

  it('returns each page’s address, title, type and description', () => {
    expect(matchTitles(index, 'kubernetes')[0]).toEqual({
      url: '/skills/kubernetes/',
      title: 'Kubernetes',
      type: 'skill',
      description: 'What Kubernetes does for backend services and pods.',
    });
  });
});

describe('markMatches', () => {
  it('marks whole words that start with a typed word and escapes the rest', () => {
    expect(markMatches('How ORMs map rows <to> objects & queries.', 'orm quer')).toBe(
      'How <mark>ORMs</mark> map rows &#60;to&#62; objects &#38; <mark>queries</mark>.',
    );
  });
});

describe('the real site’s pages, ranked from the title index alone', () => {
  const entries = publishedContent().map((file) => ({ collection: file.collection, id: file.id, data: file.data }) as unknown as AtlasEntry);
  const index = buildTitleIndex(entries, pathOf);

  it.each(FIRST)('"%s" → %s', (query, expected) => {
    const found = urls(index, query);
    expect(found[0], `top results: ${found.slice(0, 3).join(', ')}`).toBe(expected);
  });

  it.each(TOP_THREE)('"%s" has %s in the top three', (query, expected) => {
    expect(urls(index, query).slice(0, 3)).toContain(expected);
  });
});
