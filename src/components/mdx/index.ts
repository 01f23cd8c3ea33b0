import { Callout } from './Callout.ts';
import { ComparisonTable } from './ComparisonTable.ts';
import { Fact } from './Fact.ts';
import { KeyTakeaways } from './KeyTakeaways.ts';
import { RoleCard } from './RoleCard.ts';
import { ScrollableTable } from './ScrollableTable.ts';
import { SkillsTable } from './SkillsTable.ts';

/**
 * Components writers can use in any MDX article without importing them, and the
 * components that render Markdown's own elements (`table`: a keyboard-scrollable region).
 * They render to HTML when the article is loaded (src/lib/article/render.ts); their
 * styles are in src/styles/article-components.css.
 */
export const mdxComponents = { Callout, ComparisonTable, Fact, KeyTakeaways, RoleCard, SkillsTable, table: ScrollableTable };
