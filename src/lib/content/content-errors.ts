/**
 * Content errors met by the loader while `astro dev` runs. Astro's glob loader
 * only logs an entry that fails to reload (the page keeps showing the old
 * version) and stops the dev server when one fails at start-up. The loader
 * records them here instead, and getGraph() throws the first one, so the writer
 * sees it in the browser's error overlay, worded exactly as the build words it.
 *
 * The loader runs in Astro's content layer and the pages in Vite's module
 * runner: two module instances, one process. The registry lives on globalThis.
 */
const REGISTRY = Symbol.for('backend-atlas.content-errors');

/**
 * In dev, an entry that failed to load is stored with its raw data and this field
 * holding the error message. The pages see the data store a moment after the
 * loader does, so the mark travels with the entry: a page never builds the graph
 * from a broken entry, even while the registry below already says it is fixed.
 */
export const BROKEN_ENTRY_FIELD = '__backendAtlasContentError';

type Registry = Map<string, Error>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** Remembers the error a content file caused, replacing any earlier one for that file. */
export function recordContentError(file: string, error: Error): void {
  registry().set(file, error);
}

/** Forgets a file's error once the file loads cleanly or is deleted. */
export function clearContentError(file: string): void {
  registry().delete(file);
}

/** The errors still standing, oldest first. */
export function contentErrors(): Error[] {
  return [...registry().values()];
}

/** Throws the first standing content error, if there is one; the terminal has logged them all. */
export function throwContentErrors(): void {
  const [first] = contentErrors();
  if (first) throw first;
}

/** Throws for an entry the loader stored as broken (see BROKEN_ENTRY_FIELD). */
export function throwIfBrokenEntry(entry: { filePath?: string | undefined; data: unknown }): void {
  const message = (entry.data as Record<string, unknown> | undefined)?.[BROKEN_ENTRY_FIELD];
  if (typeof message !== 'string') return;
  throw new Error(
    `${message}\n\n(If you have just fixed ${entry.filePath ?? 'this file'}, reload the page: the dev server is still picking up the change.)`,
  );
}
