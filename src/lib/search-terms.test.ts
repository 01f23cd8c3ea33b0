import { describe, expect, it } from 'vitest';
import { expandQuery, hasMeaningfulMatch, isNamed } from './search-terms.ts';

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

describe('isNamed', () => {
  it('is true when the reader typed the page’s title or one of its keywords, whatever the case and punctuation', () => {
    expect(isNamed('SQL', 'structured query language, sql queries, sql', 'SQL')).toBe(true);
    expect(isNamed('Database systems', 'db, databases, dbms, database systems', 'db')).toBe(true);
    expect(isNamed('Twelve-Factor App', 'twelve factor, 12 factor', 'twelve factor app')).toBe(true);
    expect(isNamed('C# and .NET', 'csharp, dotnet', 'c#')).toBe(false);
    expect(isNamed('C#', undefined, 'c#')).toBe(true);
  });

  it('is false for a word that only starts a name, and for an empty query', () => {
    expect(isNamed('SQLite', 'sqlite3, embedded database', 'sql')).toBe(false);
    expect(isNamed('SQL Server and Azure SQL', 'sql server, mssql', 'sql')).toBe(false);
    expect(isNamed('SQL', 'sql', '  ')).toBe(false);
  });
});
