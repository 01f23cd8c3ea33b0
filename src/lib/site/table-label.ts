import { parse } from 'node-html-parser';

/**
 * A name for a table's scroll region, from its first row of header cells:
 * "Table: Level, Scope, Typical years", or "Table" when it has no headers.
 */
export function tableLabel(tableHtml: string): string {
  const firstRow = parse(tableHtml).querySelector('tr');
  const headers = (firstRow?.querySelectorAll('th') ?? []).map((cell) => cell.text.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return headers.length > 0 ? `Table: ${headers.join(', ')}` : 'Table';
}
