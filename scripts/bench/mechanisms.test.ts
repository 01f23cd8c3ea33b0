import { describe, expect, it } from 'vitest';
import { mechanismTable, verdicts } from './mechanisms.ts';

describe('verdicts', () => {
  it('keeps a mechanism only when it saved time in every round, at least 2% of the build', () => {
    const results = verdicts([
      { mechanism: 'link', scenario: 'warm', on: [5.0, 5.2, 5.1], without: [6.4, 6.6, 6.5] },
      { mechanism: 'index-reuse', scenario: 'warm', on: [5.3, 5.0, 5.2], without: [5.4, 5.2, 5.1] },
      { mechanism: 'render-workers', scenario: 'cold', on: [20, 21], without: [24, 25] },
      { mechanism: 'keep-folders', scenario: 'warm', on: [5.0, 5.0, 5.0], without: [5.05, 5.05, 5.05] },
    ]);
    expect(results.map((r) => [r.mechanism, r.pays])).toEqual([
      ['link', true],
      ['index-reuse', false],
      ['render-workers', true],
      ['keep-folders', false],
    ]);
    expect(results[0]!.range).toEqual([expect.closeTo(1.4), expect.closeTo(1.4)]);
    expect(results[0]!.saves).toBeCloseTo(1.4);
    expect(mechanismTable(results)).toContain('| `index-reuse`: ');
    expect(mechanismTable(results)).toContain('inside the noise');
  });
});
