/**
 * A reader's progress: the skills they mark "learning" or "done". It lives only in their
 * browser (localStorage) and in the files they export; nothing is sent anywhere. This module
 * is the format, shared by the page code (src/scripts/progress.ts) and its tests, and
 * docs/progress.md describes it for people.
 *
 * Marks are keyed by "<collection>/<id>", the entry's file name, which stays the same when
 * content is edited or reordered. A renamed entry lists its old ids in `previousIds`, and
 * marks saved under one of them are carried to the new id (carryOver). A key that names no
 * entry is kept: the entry may come back, and the reader never loses what they recorded.
 */

/** The localStorage key of the reader's marks; the boot script reads it too (progress-boot-script.ts). */
export const PROGRESS_STORAGE_KEY = 'atlas-progress';
/** A stored value that could not be read is moved under this prefix and a timestamp, never deleted unasked. */
export const SET_ASIDE_PREFIX = 'atlas-progress-unreadable-';
/** Names the format, so a file from anywhere else is refused with a clear message. */
export const PROGRESS_FORMAT = 'backend-atlas-progress';
export const PROGRESS_VERSION = 1;
/** An exported file of every skill the site has, marked, is a few kilobytes: anything far larger is not one. */
export const MAX_FILE_BYTES = 100 * 1024;
export const MAX_MARKS = 2000;

export const MARK_STATES = ['learning', 'done'] as const;
export type MarkState = (typeof MARK_STATES)[number];
export const MARK_LABELS: Record<MarkState, string> = { learning: 'learning', done: 'done' };

/** Marks by key, e.g. "skills/redis" → "done". A Map, so no key can reach an object's prototype. */
export type Marks = Map<string, MarkState>;

/** The key an entry's marks are saved under, e.g. "skills/redis". */
export const markKey = (entry: { collection: string; id: string }) => `${entry.collection}/${entry.id}`;

/** The keys an entry's marks may be saved under from before it was renamed, for a data-was attribute (none: undefined). */
export const previousKeys = (entry: { collection: string; data: { previousIds: readonly string[] } }) =>
  entry.data.previousIds.map((id) => `${entry.collection}/${id}`).join(' ') || undefined;

const KEY_PATTERN = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isState = (value: unknown): value is MarkState => MARK_STATES.includes(value as MarkState);
/** A value from a file, shortened and quoted for a message (which the page shows as text, never as HTML). */
const quote = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
};

/** Why a file or stored value of this size cannot be progress, or undefined when its size is fine. */
export const sizeProblem = (size: number) =>
  size > MAX_FILE_BYTES ? `it is ${Math.ceil(size / 1024)} KB, far more than progress takes (at most ${MAX_FILE_BYTES / 1024} KB)` : undefined;

export type ProgressRead = { ok: true; marks: Marks } | { ok: false; problem: string };

/**
 * Reads stored progress or an exported file. Everything is checked before anything is used:
 * a wrong, oversized or hostile input gives a sentence saying what is wrong, never an exception.
 */
export function readProgress(text: string): ProgressRead {
  const fail = (problem: string): ProgressRead => ({ ok: false, problem });
  const large = sizeProblem(text.length);
  if (large) return fail(large);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('it is not a progress file: its text is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== PROGRESS_FORMAT) {
    return fail(`it is not a progress file from this site (those say "format": "${PROGRESS_FORMAT}")`);
  }
  const { version, marks } = data as { version?: unknown; marks?: unknown };
  if (!Number.isInteger(version) || (version as number) < 1) return fail(`its version is ${quote(version)}, not a whole number from 1 up`);
  if ((version as number) > PROGRESS_VERSION) {
    return fail(`it was saved by a newer version of the site (format version ${version as number}); reload the page to get that version`);
  }
  if (typeof marks !== 'object' || marks === null || Array.isArray(marks)) return fail('it has no "marks"');
  const entries = Object.entries(marks);
  if (entries.length > MAX_MARKS) return fail(`it has ${entries.length} marks, more than the site could ever have (${MAX_MARKS})`);
  const read: Marks = new Map();
  for (const [key, state] of entries) {
    if (key.length > 200 || !KEY_PATTERN.test(key)) return fail(`it has a mark for ${quote(key)}, which is not the id of a page`);
    if (!isState(state)) return fail(`the mark for ${quote(key)} is ${quote(state)}, where a mark is "learning" or "done"`);
    read.set(key, state);
  }
  return { ok: true, marks: read };
}

/** The stored value and the exported file: the same JSON, keys sorted so that equal marks give equal text. */
export function progressText(marks: Marks, exported?: Date): string {
  const sorted = Object.fromEntries([...marks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify(
    { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, ...(exported && { exported: exported.toISOString() }), marks: sorted },
    null,
    exported ? 2 : undefined,
  );
}

/** The further of two marks: done beats learning. */
const further = (a: MarkState | undefined, b: MarkState | undefined) => (a === 'done' || b === 'done' ? 'done' : (a ?? b));

/**
 * Moves marks saved under an entry's old ids (old key → key now) to its id now. When both
 * carry a mark, the further one is kept, so a rename never undoes progress.
 */
export function carryOver(marks: Marks, aliases: ReadonlyMap<string, string>): { marks: Marks; moved: number } {
  const result: Marks = new Map(marks);
  let moved = 0;
  for (const [old, key] of aliases) {
    const state = result.get(old);
    if (!state || old === key) continue;
    result.set(key, further(result.get(key), state)!);
    result.delete(old);
    moved++;
  }
  return { marks: result, moved };
}

/** What importing `incoming` over `current` would do: marks it adds, and marks it changes (which need the reader's consent). */
export function importPlan(current: Marks, incoming: Marks): { merged: Marks; added: string[]; changed: string[] } {
  const merged: Marks = new Map(current);
  const added: string[] = [];
  const changed: string[] = [];
  for (const [key, state] of incoming) {
    const before = current.get(key);
    if (before === undefined) added.push(key);
    else if (before !== state) changed.push(key);
    merged.set(key, state);
  }
  return { merged, added, changed };
}

/** One step of a learning path: one skill, or the role's server language (any one of several). */
export interface PathStep {
  keys: string[];
  core: boolean;
  /** Keys of the skills on the path this step builds on. */
  after: string[];
}

/** A step is done when any of its skills is (a language step needs only one), else learning when any is. */
export function stepState(step: Pick<PathStep, 'keys'>, marks: Marks): MarkState | undefined {
  const states = step.keys.map((key) => marks.get(key));
  return states.includes('done') ? 'done' : states.includes('learning') ? 'learning' : undefined;
}

export interface Tally {
  done: number;
  learning: number;
  total: number;
}

export interface PathProgress {
  core: Tally;
  all: Tally;
  /** Indexes of the unmarked steps whose prerequisites on the path are all done, in path order. */
  ready: number[];
}

export function pathProgress(steps: readonly PathStep[], marks: Marks): PathProgress {
  const tally = (list: readonly PathStep[]): Tally => {
    const states = list.map((step) => stepState(step, marks));
    return { done: states.filter((s) => s === 'done').length, learning: states.filter((s) => s === 'learning').length, total: list.length };
  };
  const ready = steps.flatMap((step, index) =>
    stepState(step, marks) === undefined && step.after.every((key) => marks.get(key) === 'done') ? [index] : [],
  );
  return { core: tally(steps.filter((step) => step.core)), all: tally(steps), ready };
}

/** How many of the next skills a summary names before "and N more": few enough that its room can be kept. */
export const READY_NAMED = 2;

/** "7 of 12 core skills done, 2 learning". */
export function tallyText(tally: Tally, what: string): string {
  return `${tally.done} of ${tally.total} ${what} done${tally.learning > 0 ? `, ${tally.learning} learning` : ''}`;
}
