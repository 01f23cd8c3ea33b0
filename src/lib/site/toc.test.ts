import { describe, expect, it } from 'vitest';
import { buildToc } from './toc.ts';

describe('buildToc', () => {
  it('nests h3 under the preceding h2 and drops deeper levels', () => {
    const toc = buildToc([
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'A1x' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc.map((item) => item.slug)).toEqual(['a', 'b']);
    expect(toc[0]!.children.map((item) => item.slug)).toEqual(['a1']);
  });

  it('keeps an h3 that has no h2 before it at the top level', () => {
    expect(buildToc([{ depth: 3, slug: 'x', text: 'X' }])).toHaveLength(1);
  });
});
