/**
 * The header popup's search: pages from the title index (src/lib/search/title-index.ts) ranked by
 * how well their names match what the reader typed. Runs in the browser, on every keystroke.
 *
 * Order: the page named exactly what was typed first (nameMatch, the rule the search page uses
 * too: title before alias), then pages matching more of the typed words, then by where each word
 * matched (earlier words a little more; title, then the names the page is searched by, then its description; a whole word
 * before the start of one or another form of it), then the index's order.
 */
import { nameMatch, QUERY_SYNONYMS } from './search-terms.ts';
import type { TitleIndex, TitleIndexPage } from './title-index.ts';

export interface TitleHit {
  url: string;
  title: string;
  /** The search filter value of the page's collection ("skill"). */
  type: string;
  description: string;
}

/** Words too common to rank by on their own ("junior to senior", "day in the life"). */
const STOP_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'for', 'how', 'in', 'is', 'of', 'on', 'or', 'the', 'to', 'vs', 'what', 'with']);

/** Weights of a whole-word match in each field; the start of a word counts three quarters. */
const TITLE = 8;
const NAMES = 5;
const DESCRIPTION = 2;
const PREFIX = 0.75;
/** The words typed, in that order, inside a title, name or description. */
const PHRASE_IN_TITLE = 10;
const PHRASE_IN_NAMES = 6;
const PHRASE_IN_DESCRIPTION = 2;
/** Each typed word weighs this much of the word before it. */
const WORD_ORDER = 0.9;

/** Words as readers type them: lower case, split at anything but letters, digits, + and # ("n+1", "c#"). */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter(Boolean);

interface Prepared {
  page: TitleIndexPage;
  title: string[];
  names: string[];
  description: string[];
  /** Each field's words joined by single spaces, for phrase matches. */
  phrases: [title: string, names: string[], description: string];
}

const prepared = new WeakMap<TitleIndex, Prepared[]>();

function prepare(index: TitleIndex): Prepared[] {
  let pages = prepared.get(index);
  if (!pages) {
    pages = index.pages.map((page) => {
      const [, title, names, , description] = page;
      const [titleWords, descriptionWords] = [wordsOf(title), wordsOf(description)];
      return {
        page,
        title: titleWords,
        names: wordsOf(names),
        description: descriptionWords,
        phrases: [titleWords.join(' '), names.split(',').map((name) => wordsOf(name).join(' ')), descriptionWords.join(' ')],
      };
    });
    prepared.set(index, pages);
  }
  return pages;
}

/** A word without the endings that vary most ("limiting", "limits" → "limit"; "caching", "cache" → "cach"). */
const stem = (word: string) => (word.length > 4 ? word.replace(/(ing|ed|es|s|e)$/, '') : word);

/**
 * How `word` matches a field: 1 for the word itself, PREFIX for a word it starts or one with the
 * same stem, 0 for neither; each further matching word adds a fifth, so the page that says it
 * more often ("rest api, restful api") goes before one that says it once.
 */
function fieldMatch(words: string[], word: string): number {
  const root = stem(word);
  let best = 0;
  let count = 0;
  for (const candidate of words) {
    const match = candidate === word ? 1 : candidate.startsWith(word) || stem(candidate) === root ? PREFIX : 0;
    if (match === 0) continue;
    best = Math.max(best, match);
    count++;
  }
  return best === 0 ? 0 : best + 0.2 * (count - 1);
}

/** How well one typed word (or the word a synonym of it stands for) matches the page. */
function wordScore(page: Prepared, alternatives: string[]): number {
  let best = 0;
  for (const word of alternatives) {
    const score = TITLE * fieldMatch(page.title, word) + NAMES * fieldMatch(page.names, word) + DESCRIPTION * fieldMatch(page.description, word);
    best = Math.max(best, score);
  }
  return best;
}

function phraseScore(page: Prepared, phrase: string): number {
  const [title, names, description] = page.phrases;
  const within = (text: string) => ` ${text} `.includes(` ${phrase} `);
  return (within(title) ? PHRASE_IN_TITLE : 0) + (names.some(within) ? PHRASE_IN_NAMES : 0) + (within(description) ? PHRASE_IN_DESCRIPTION : 0);
}

/** The typed words to rank by, each with the words a synonym of it stands for ("k8s" → "kubernetes"). */
function queryWords(query: string): string[][] {
  const typed = wordsOf(query);
  const meaningful = typed.filter((word) => !STOP_WORDS.has(word));
  return (meaningful.length > 0 ? meaningful : typed).map((word) => [word, ...wordsOf(QUERY_SYNONYMS[word] ?? '')]);
}

/** Every page matching `query`, best first. */
export function matchTitles(index: TitleIndex, query: string): TitleHit[] {
  const groups = queryWords(query);
  if (groups.length === 0) return [];
  const phrase = wordsOf(query).join(' ');
  const ranked: { page: TitleIndexPage; named: number; matched: number; score: number; order: number }[] = [];
  prepare(index).forEach((page, order) => {
    // Earlier words weigh a little more: readers type the subject first ("junior to senior").
    const scores = groups.map((alternatives, i) => wordScore(page, alternatives) * WORD_ORDER ** i);
    const matched = scores.filter((score) => score > 0).length;
    if (matched === 0) return;
    const score = scores.reduce((sum, value) => sum + value, 0) + (groups.length > 1 ? phraseScore(page, phrase) : 0);
    ranked.push({ page: page.page, named: nameMatch(page.page[1], page.page[2], query), matched, score, order });
  });
  ranked.sort((a, b) => b.named - a.named || b.matched - a.matched || b.score - a.score || a.order - b.order);
  return ranked.map(({ page: [url, title, , type, description] }) => ({ url, title, type, description }));
}

/**
 * `text`, HTML-escaped, with the words that match the query marked as Pagefind marks them in its
 * excerpts: every word that is, or starts with, one of the typed words.
 */
export function markMatches(text: string, query: string): string {
  const wanted = queryWords(query).flat();
  return text.replace(/[\p{L}\p{N}+#]+|[^\p{L}\p{N}+#]+/gu, (part) => {
    const escaped = part.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const word = part.toLowerCase();
    return /[\p{L}\p{N}]/u.test(part) && wanted.some((w) => word.startsWith(w)) ? `<mark>${escaped}</mark>` : escaped;
  });
}
