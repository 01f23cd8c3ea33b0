/**
 * "Written once": a code example of five lines or more, or a paragraph, that stands (nearly) the
 * same on two pages is written twice, and the copies drift apart. This finds such pairs and names
 * the page that should own the passage, so the other can link there.
 */
import { COLLECTION_NAMES } from '../../src/lib/content/collections.ts';

/** A passage of one page: a fenced code block or a block of prose. */
export interface Passage {
  /** The page, as `collection/id`. */
  page: string;
  line: number;
  kind: 'code' | 'prose';
  text: string;
}

/** A passage that repeats one on another page, with the page that should keep it. */
export interface Repetition {
  copy: Passage;
  original: Passage;
  /** How many lines (code) or words (prose) the two share. */
  shared: number;
}

/** Code shorter than this many lines is too small to be worth a link elsewhere. */
export const MIN_CODE_LINES = 5;
/** Share of its lines a code block has in common with another to count as nearly the same. */
export const CODE_SIMILARITY = 0.6;
/** Prose blocks shorter than this are stock phrases, not passages. */
export const MIN_PROSE_WORDS = 15;
/** Share of four-word sequences two prose blocks have in common to count as nearly the same. */
export const PROSE_SIMILARITY = 0.35;

const FENCE = /^(```+|~~~+)([^\n]*)\n([\s\S]*?)\n\1[ \t]*$/gm;

/** Fenced code blocks of an MDX body (diagrams left out), with the line of their fence in the file. */
export function codeBlocks(page: string, source: string): Passage[] {
  const blocks: Passage[] = [];
  for (const match of source.matchAll(FENCE)) {
    if (/^\s*mermaid\b/.test(match[2]!)) continue;
    blocks.push({ page, line: source.slice(0, match.index).split('\n').length, kind: 'code', text: match[3]! });
  }
  return blocks;
}

const codeLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line && !/^[{}()[\];,]*$/.test(line));

/** How many lines two code blocks have in common, each line counted as often as both have it. */
function sharedLines(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let shared = 0;
  for (const line of b) {
    const left = counts.get(line) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(line, left - 1);
    }
  }
  return shared;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

function shingles(list: string[], size = 4): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + size <= list.length; i++) out.add(list.slice(i, i + size).join(' '));
  return out;
}

const STOP_WORDS = new Set(['and', 'the', 'of', 'to', 'a', 'in', 'on', 'for', 'vs', 'how', 'what', 'does', 'do', 'is']);
const RANK = new Map<string, number>([
  ['skills', 0],
  ['responsibilities', 1],
  ['guides', 2],
  ['roles', 3],
  ['paths', 4],
]);

/**
 * Which page of a group should own a passage they all (nearly) share: the one whose subject (the
 * words of its slug) the passages are most about; on a tie, skills own technique, then
 * responsibilities, guides, roles and paths; then the page first in alphabetical order.
 */
export function owner(group: readonly Passage[]): Passage {
  const text = ` ${group.flatMap((passage) => words(passage.text)).join(' ')} `;
  const score = (passage: Passage) =>
    passage.page
      .split('/')[1]!
      .split('-')
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
      .reduce((sum, word) => sum + (text.split(` ${word.replace(/s$/, '')}`).length - 1), 0);
  const rank = (passage: Passage) => RANK.get(passage.page.split('/')[0]!) ?? COLLECTION_NAMES.length;
  return [...group].sort((a, b) => score(b) - score(a) || rank(a) - rank(b) || a.page.localeCompare(b.page))[0]!;
}

/** Every passage that (nearly) repeats one on another page: code sharing most of its lines, prose most of its word sequences. */
export function findRepetitions(passages: readonly Passage[]): Repetition[] {
  const pairs: [Passage, Passage, number][] = [];
  const code = passages.filter((p) => p.kind === 'code').map((p) => ({ passage: p, lines: codeLines(p.text) }));
  const usable = code.filter(({ lines }) => lines.length >= MIN_CODE_LINES);
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const [a, b] = [usable[i]!, usable[j]!];
      if (a.passage.page === b.passage.page) continue;
      const shared = sharedLines(a.lines, b.lines);
      if (shared >= MIN_CODE_LINES && shared / Math.min(a.lines.length, b.lines.length) >= CODE_SIMILARITY) {
        pairs.push([a.passage, b.passage, shared]);
      }
    }
  }
  const prose = passages
    .filter((p) => p.kind === 'prose')
    .map((p) => ({ passage: p, list: words(p.text) }))
    .filter(({ list }) => list.length >= MIN_PROSE_WORDS)
    .map((p) => ({ ...p, grams: shingles(p.list) }));
  // Only blocks that share a word sequence can be alike: an index from each sequence to the blocks
  // that have it counts what each pair shares, without comparing every block with every other.
  const having = new Map<string, number[]>();
  prose.forEach(({ grams }, index) => {
    for (const gram of grams) {
      const list = having.get(gram);
      if (list) list.push(index);
      else having.set(gram, [index]);
    }
  });
  prose.forEach((a, i) => {
    const common = new Map<number, number>();
    for (const gram of a.grams) for (const j of having.get(gram)!) if (j > i) common.set(j, (common.get(j) ?? 0) + 1);
    for (const [j, shared] of common) {
      const b = prose[j]!;
      if (a.passage.page === b.passage.page) continue;
      if (shared / Math.min(a.grams.size, b.grams.size) >= PROSE_SIMILARITY) {
        pairs.push([a.passage, b.passage, Math.min(a.list.length, b.list.length)]);
      }
    }
  });
  // Passages linked by repetition form groups; each group gets one owner, and every other member
  // of it is a copy (of the owner, when they repeat it, else of the member they repeat).
  const parent = new Map<Passage, Passage>();
  const root = (passage: Passage): Passage => {
    const up = parent.get(passage) ?? passage;
    return up === passage ? passage : root(up);
  };
  for (const [a, b] of pairs) parent.set(root(a), root(b));
  const groups = new Map<Passage, Passage[]>();
  for (const passage of new Set(pairs.flatMap(([a, b]) => [a, b]))) groups.set(root(passage), [...(groups.get(root(passage)) ?? []), passage]);
  const found: Repetition[] = [];
  for (const group of groups.values()) {
    const kept = owner(group);
    for (const copy of group) {
      if (copy.page === kept.page) continue;
      const direct = pairs.find(([a, b]) => (a === copy && b === kept) || (b === copy && a === kept));
      const nearest = direct ?? pairs.find(([a, b]) => a === copy || b === copy)!;
      found.push({ copy, original: direct ? kept : nearest[0] === copy ? nearest[1] : nearest[0], shared: nearest[2] });
    }
  }
  return found.sort((x, y) => x.copy.page.localeCompare(y.copy.page) || x.copy.line - y.copy.line);
}
