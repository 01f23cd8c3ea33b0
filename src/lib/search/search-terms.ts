import { SKILL_CATEGORY_LABELS } from '../../schemas/vocabulary.ts';
import type { CollectionName } from '../content/collections.ts';
import type { AtlasEntry } from '../views/graph.ts';

/** How long the search box waits after a keystroke before it searches: no result can show sooner. */
export const SEARCH_DEBOUNCE_MS = 120;

/** Search filter value of each collection, as it appears in URLs (/search/?type=skill). */
export const SEARCH_TYPES: Record<CollectionName, string> = {
  guides: 'guide',
  roles: 'role',
  responsibilities: 'responsibility',
  skills: 'skill',
  paths: 'path',
};

/**
 * Spellings readers use that the writers' aliases should not have to repeat
 * on every page: each key, typed as a whole word, also searches for its value.
 */
export const QUERY_SYNONYMS: Record<string, string> = {
  postgres: 'postgresql',
  pg: 'postgresql',
  node: 'nodejs',
  'node.js': 'nodejs',
  k8s: 'kubernetes',
  db: 'database',
  dbs: 'databases',
  dba: 'database administrator',
  golang: 'go',
  js: 'javascript',
  ts: 'typescript',
  sre: 'site reliability',
  'c#': 'csharp',
  dotnet: '.net',
  mongo: 'mongodb',
  ci: 'continuous integration',
  cd: 'continuous delivery',
  ops: 'operations',
  perf: 'performance',
  auth: 'authentication',
};

/** Adds the canonical word after any synonym in a query: "postgres index" → "postgres postgresql index". */
export function expandQuery(query: string): string {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const expanded: string[] = [];
  for (const word of words) {
    expanded.push(word);
    const synonym = QUERY_SYNONYMS[word.toLowerCase()];
    if (synonym && !words.some((w) => w.toLowerCase() === synonym)) expanded.push(synonym);
  }
  return expanded.join(' ');
}

/**
 * The one Pagefind filter every page is indexed under. Its values are the page's type ("skill") and,
 * for a skill, its category too ("skill: Database systems"): one filter, so the search page loads one
 * filter index for its counts, not one per filter.
 */
export const KIND_FILTER = 'kind';

/** The kind value of a skill category: "Database systems" → "skill: Database systems". */
export const categoryKind = (category: string) => `${SEARCH_TYPES.skills}: ${category}`;

/** The category a kind value names, or undefined for a type: "skill: Database systems" → "Database systems". */
export function kindCategory(kind: string): string | undefined {
  const prefix = categoryKind('');
  return kind.startsWith(prefix) ? kind.slice(prefix.length) : undefined;
}

/** The kind values an entry is indexed under: its type, and for skills its category. */
export function searchKinds(entry: AtlasEntry): string[] {
  const type = SEARCH_TYPES[entry.collection];
  return entry.collection === 'skills' ? [type, categoryKind(SKILL_CATEGORY_LABELS[entry.data.category])] : [type];
}

/**
 * Words that should find this entry as strongly as its title does: the
 * writer's aliases plus the id's words (so "nodejs" finds "Node.js").
 */
export function searchKeywords(entry: AtlasEntry): string[] {
  const aliases = 'aliases' in entry.data ? entry.data.aliases : [];
  return [...new Set([...aliases, entry.id.replace(/-/g, ' ')])];
}

/**
 * Pagefind tolerates typos ("kubernetez" finds Kubernetes), but for a word that
 * matches nothing it falls back to single letters: "xylophonequartz" then
 * "finds" every page with a stray "X". A result counts only if its excerpt
 * marks a word at least as long as the shorter of 3 letters and the query's
 * shortest word.
 */
export function hasMeaningfulMatch(excerptHtml: string, query: string): boolean {
  // Words as Pagefind splits them: "n+1" is "n" and "1", each marked on its own.
  const shortest = Math.min(
    ...query
      .split(/[^\p{L}\p{N}]+/u)
      .map((word) => word.length)
      .filter((length) => length > 0),
  );
  const needed = Math.min(3, Number.isFinite(shortest) ? shortest : 1);
  return [...excerptHtml.matchAll(/<mark>([^<]*)<\/mark>/g)].some((match) => match[1]!.replace(/[^\p{L}\p{N}]/gu, '').length >= needed);
}

/** A name compared as readers type it: lower case, punctuation other than + and # ignored, spaces folded. */
const asTyped = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();

/**
 * How exactly a result is named what the reader typed: 2 when it is its title, 1 when it is one
 * of the keywords (aliases and slug) the page lists for search, 0 otherwise. Pagefind scores a
 * page for every word that starts with the query, so for "sql" the SQLite page (with "sqlite"
 * forty times) outscores the SQL page; the search UI puts the page named what the reader typed
 * first, a title before an alias.
 */
export function nameMatch(title: string, keywords: string | undefined, query: string): number {
  const typed = asTyped(query);
  if (!typed) return 0;
  if (asTyped(title) === typed) return 2;
  return (keywords ?? '').split(',').some((name) => asTyped(name) === typed) ? 1 : 0;
}
