import Callout from './Callout.astro';
import ComparisonTable from './ComparisonTable.astro';
import KeyTakeaways from './KeyTakeaways.astro';
import RoleCard from './RoleCard.astro';
import ScrollableTable from './ScrollableTable.astro';
import SkillsTable from './SkillsTable.astro';

/**
 * Components writers can use in any MDX article without importing them, and the
 * components that render Markdown's own elements (`table`: a keyboard-scrollable region).
 */
export const mdxComponents = { Callout, ComparisonTable, KeyTakeaways, RoleCard, SkillsTable, table: ScrollableTable };
