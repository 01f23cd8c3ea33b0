import { describe, expect, it } from 'vitest';
import { findStatistics } from './content-rules.ts';

describe('findStatistics', () => {
  it('finds percentages, money amounts and survey shares', () => {
    expect(findStatistics('Growth of 17% is expected.').map((s) => s.kind)).toEqual(['percentage']);
    expect(findStatistics('The median was $130,160 a year.').map((s) => s.kind)).toEqual(['money amount']);
    expect(findStatistics('Salaries near 90,000 EUR are common.').map((s) => s.kind)).toEqual(['money amount']);
    expect(findStatistics('Four in ten developers use it.').map((s) => s.kind)).toEqual(['survey share']);
    expect(findStatistics('It rose 12 per cent.').map((s) => s.kind)).toEqual(['percentage']);
  });

  it('does not treat ports, status codes or sizes as statistics', () => {
    expect(findStatistics('Postgres listens on 5432, returns HTTP 404 and caps rows at 16 MB.')).toEqual([]);
  });
});
