import { describe, expect, it } from 'vitest';
import { findDateProblems } from './frontmatter-dates.ts';

const doc = (updated: string) => `---\ntitle: X\nupdated: ${updated}\n---\nBody\n`;

describe('findDateProblems', () => {
  it('accepts real dates, quoted or not', () => {
    expect(findDateProblems(doc('2026-11-26'))).toEqual([]);
    expect(findDateProblems(doc('"2024-02-29"'))).toEqual([]);
  });

  it('rejects month 13 and day 45 that YAML would silently roll over, with the line', () => {
    expect(findDateProblems(doc('2026-13-45'))).toEqual([
      expect.objectContaining({ line: 3, field: 'updated', message: expect.stringContaining('"2026-13-45" is not a real date') }),
    ]);
  });

  it('rejects 30 February and other formats', () => {
    expect(findDateProblems(doc('2026-02-30'))).toHaveLength(1);
    expect(findDateProblems(doc('26/11/2026'))).toHaveLength(1);
  });

  it('ignores date-like text in the body', () => {
    expect(findDateProblems('---\ntitle: X\n---\nupdated: 2026-99-99\n')).toEqual([]);
  });
});
