import { element, renderChildren } from '../../lib/article/html.ts';
import { tableLabel } from '../../lib/site/table-label.ts';
import type { ArticleComponent } from './context.ts';

/**
 * Every Markdown table in an article. Wide tables scroll sideways on a phone; the
 * scrolled area must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable),
 * so it is a focusable figure, named after the table's header cells.
 */
export const ScrollableTable: ArticleComponent<Record<string, unknown>> = ({ children, ...attributes }) => {
  const rows = renderChildren(children);
  return element('figure', { class: 'table-scroll', tabindex: '0', 'aria-label': tableLabel(rows) }, element('table', attributes, children));
};
