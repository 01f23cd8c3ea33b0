import { describe, expect, it } from 'vitest';
import { fixtureGuide, fixtureSkill } from '../content/entry-fixtures.ts';
import { categoryKind, expandQuery, hasMeaningfulMatch, kindCategory, nameMatch, searchKinds } from './search-terms.ts';

describe('expandQuery', () => {
  it('adds the canonical word after a synonym readers type', () => {
    expect(expandQuery('postgres indexes')).toBe('postgres postgresql indexes');
    expect(expandQuery('K8S')).toBe('K8S kubernetes');
    expect(expandQuery('c#')).toBe('c# csharp');
  });

  it('leaves other words, and queries that already contain the canonical word, alone', () => {
    expect(expandQuery('redis caching')).toBe('redis caching');
    expect(expandQuery('node nodejs')).toBe('node nodejs');
  });
});

describe('hasMeaningfulMatch', () => {
  it('rejects single-letter fallback matches for a long unknown word', () => {
    expect(hasMeaningfulMatch('that costs <mark>X;</mark> here', 'xylophonequartz')).toBe(false);
  });

  it('keeps real matches, typo matches and short queries', () => {
    expect(hasMeaningfulMatch('run <mark>Kubernetes</mark> clusters', 'kubernetez')).toBe(true);
    expect(hasMeaningfulMatch('the <mark>db</mark> layer', 'db database')).toBe(true);
    expect(hasMeaningfulMatch('<mark>C#</mark> code', 'c# csharp')).toBe(true);
  });
});

describe('nameMatch', () => {
  it('is 2 for the title, 1 for a keyword, whatever the case and punctuation', () => {
    expect(nameMatch('SQL', 'structured query language, sql queries', 'SQL')).toBe(2);
    expect(nameMatch('Microservices architecture', 'microservices, soa', 'microservices')).toBe(1);
    expect(nameMatch('Database systems', 'db, databases, dbms', 'db')).toBe(1);
    expect(nameMatch('Twelve-Factor App', 'twelve factor, 12 factor', 'twelve factor app')).toBe(2);
    expect(nameMatch('C#', undefined, 'c#')).toBe(2);
  });

  it('is 0 for a word that only starts a name, and for an empty query', () => {
    expect(nameMatch('SQLite', 'sqlite3, embedded database', 'sql')).toBe(0);
    expect(nameMatch('SQL Server and Azure SQL', 'sql server, mssql', 'sql')).toBe(0);
    expect(nameMatch('SQL', 'sql', '  ')).toBe(0);
  });
});

describe('hasMeaningfulMatch with punctuation in the query', () => {
  it('counts the words Pagefind marks for "n+1", one character each', () => {
    expect(hasMeaningfulMatch('the <mark>N</mark>+<mark>1</mark> query problem', 'n+1')).toBe(true);
  });
});

describe('searchKinds', () => {
  it('indexes a page under its type, and a skill under its category too, as values of one filter', () => {
    expect(searchKinds(fixtureGuide('how-to'))).toEqual(['guide']);
    expect(searchKinds(fixtureSkill('postgresql', { category: 'databases' }))).toEqual(['skill', 'skill: Database systems']);
  });

  it('tells a category from a type', () => {
    expect(kindCategory(categoryKind('Database systems'))).toBe('Database systems');
    expect(kindCategory('skill')).toBeUndefined();
    expect(kindCategory('guide')).toBeUndefined();
  });
});
