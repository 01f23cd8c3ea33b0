import Callout from './Callout.astro';
import KeyTakeaways from './KeyTakeaways.astro';
import ScrollableTable from './ScrollableTable.astro';

/**
 * Components writers can use in any MDX article without importing them, and the
 * components that render Markdown's own elements (`table`: a keyboard-scrollable region).
 */
export const mdxComponents = { Callout, KeyTakeaways, table: ScrollableTable };
