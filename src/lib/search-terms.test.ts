import { describe, expect, it } from 'vitest';
import { expandQuery, hasMeaningfulMatch } from './search-terms.ts';

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
