import { withBase } from '../../lib/site/site-links.ts';
import type { Child, Html } from '../../lib/article/html.ts';

/** What an article component knows besides its props: where the site is served. */
export interface ArticleContext {
  /** The site's base path, e.g. "/" or "/atlas/". */
  base: string;
}

/** An article component: its props (with the MDX children) and the article context in, HTML out. */
export type ArticleComponent<P> = (props: P & { children?: Child }, context: ArticleContext) => Html;

/**
 * A link a writer typed in a component prop: root-relative site paths ("/skills/redis/")
 * get the base path, like links in the Markdown itself; anything else is left alone.
 */
export function writerLink(href: string, context: ArticleContext): string {
  return withBase(href, context.base);
}
