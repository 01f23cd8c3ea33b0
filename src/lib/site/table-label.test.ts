import { describe, expect, it } from 'vitest';
import { tableLabel } from './table-label.ts';

describe('tableLabel', () => {
  it('names a table after the header cells of its first row, with entities decoded', () => {
    const html = '<thead><tr><th>Level</th><th> Scope &amp; <code>owner</code> </th></tr></thead><tbody><tr><th>Junior</th></tr></tbody>';
    expect(tableLabel(html)).toBe('Table: Level, Scope & owner');
  });

  it('falls back to "Table" when there are no header cells', () => {
    expect(tableLabel('<tbody><tr><td>1</td></tr></tbody>')).toBe('Table');
  });
});
