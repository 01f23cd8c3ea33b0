/**
 * What pages need from an article's text besides its HTML: the entries it links to (for
 * "Mentioned in" backlinks) and its length. Worked out by the content loader when it renders
 * the article, and kept with the rendered HTML; the raw text is not kept in the content store
 * (`retainBody: false`), which keeps the store, and the module Astro bundles it into, small
 * (measured: docs/performance.md).
 */
import { countWords, minutesToRead } from '../site/reading-time.ts';

export interface ArticleFacts {
  /** Entry keys ("skills/redis") the text links to, first link first, each once. */
  links: string[];
  /** Words of prose (code and markup excluded). */
  words: number;
  /** Whole minutes to read, at least one. */
  minutes: number;
  /** Ids of the facts (content/facts.yaml) the text shows, each once. */
  factIds: string[];
}

const FACT = /<Fact\s+id=["']([a-z0-9-]+)["']/g;
/** MDX comments, {/* … *\/}: a writer's notes (and the scaffolder's hints) are not text the page shows. */
const COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;

/** MDX with its comments blanked out, line breaks kept, so what remains is still found at its line. */
export const withoutComments = (mdx: string): string => mdx.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));

/** The facts (content/facts.yaml) a text shows with <Fact id="…" />, each once, in order. */
export function factIdsIn(body: string): string[] {
  return [...new Set(Array.from(withoutComments(body).matchAll(FACT), (match) => match[1]!))];
}

/** Markdown links and href attributes to /<collection>/<id>/, with or without a leading slash or a #fragment. */
const ENTRY_LINK = /(?:\]\(|href=["'{`]*)\/?(guides|roles|responsibilities|skills|paths)\/([a-z0-9-]+)\/?[#?)"'`\s}]/g;

export function articleFacts(body: string): ArticleFacts {
  const words = countWords(body);
  return {
    links: [...new Set(Array.from(body.matchAll(ENTRY_LINK), (match) => `${match[1]}/${match[2]}`))],
    words,
    minutes: minutesToRead(words),
    factIds: factIdsIn(body),
  };
}

/** The facts of an article with no text: no links, no words, the one-minute floor. */
export const NO_ARTICLE_FACTS: ArticleFacts = articleFacts('');
