import { element } from '../../lib/article/html.ts';
import { toSlug } from '../../lib/content/slug.ts';
import type { ArticleComponent } from './context.ts';

interface Row {
  /** The aspect compared, e.g. "Where the code runs". */
  label: string;
  /** One value per column, in the order of `columns`. */
  values: string[];
}

interface Props {
  /** What the table compares, shown above it, e.g. "Backend, frontend and full-stack work side by side". */
  caption: string;
  /** The things compared, e.g. ["Backend", "Frontend", "Full-stack"]. */
  columns: string[];
  rows: Row[];
  /** Heading over the row labels, e.g. "Aspect"; left blank when not given. */
  rowHeader?: string;
}

/**
 * Two or more things compared aspect by aspect: one column per thing, one row per
 * aspect. Row and column headers are real <th> cells with scope, so a screen reader
 * announces "Frontend, Where the code runs" for each cell; wide tables scroll
 * sideways in a keyboard-focusable region named after the caption.
 */
export const ComparisonTable: ArticleComponent<Props> = ({ caption, columns, rows, rowHeader }) => {
  const where = `<ComparisonTable caption="${caption}">`;
  if (!Array.isArray(columns) || columns.length < 2) {
    throw new Error(`${where} compares ${Array.isArray(columns) ? columns.length : 0} column: give at least two in columns={[…]}.`);
  }
  for (const row of rows) {
    if (row.values.length !== columns.length) {
      throw new Error(
        `${where}: the row "${row.label}" has ${row.values.length} value${row.values.length === 1 ? '' : 's'} but there are ${columns.length} columns (${columns.join(', ')}). Give one value per column, in the same order.`,
      );
    }
  }
  const id = `comparison-${toSlug(caption)}`;
  return element(
    'figure',
    { class: 'table-scroll comparison', tabindex: '0', 'aria-labelledby': id },
    element('table', {}, [
      element('caption', { id }, caption),
      element(
        'thead',
        {},
        element('tr', {}, [
          rowHeader ? element('th', { scope: 'col' }, rowHeader) : element('td'),
          columns.map((column) => element('th', { scope: 'col' }, column)),
        ]),
      ),
      element(
        'tbody',
        {},
        rows.map((row) => element('tr', {}, [element('th', { scope: 'row' }, row.label), row.values.map((value) => element('td', {}, value))])),
      ),
    ]),
  );
};
