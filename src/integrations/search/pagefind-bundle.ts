/**
 * Builds the search index with the last build's index files reused.
 *
 * Pagefind names its index files (`pagefind.*.pf_meta`, `fragment/`, `index/`, `filter/`) by a hash
 * of their content, and does not write a hashed file that is already in its output folder
 * (`WriteBehavior::Immutable`, pagefind/src/output/mod.rs). Writing is a large part of its time:
 * each file is compressed at gzip's highest level and created on disk (measured:
 * docs/performance.md). So the last build's hashed files are kept in the build cache,
 * linked into the new output before Pagefind runs, and Pagefind writes only what an edit changed.
 *
 * A reused file is safe only if the name Pagefind gives a file now meant the same content last
 * time. Names are 7 hex digits of a hash (lengthened on a clash within one build), so two different
 * contents can share one; this module then refuses the reuse and lets Pagefind write everything
 * afresh. It refuses when, for any reused file that the new index points to:
 *  - the last index did not list it (a leftover of unknown origin);
 *  - it described something else there: another word count (fragments), another word range
 *    (index chunks) or another filter;
 *  - its name is one that two files of this build share the start of (Pagefind lengthens the
 *    later one's name, and which comes first can change between builds).
 * Files whose names clashed in the last build are not reused at all, so a lasting clash costs a few
 * files' writing, not the whole reuse.
 * What remains is two different contents with the same name *and* the same word count or word range:
 * the same assumption the year-long immutable caching of these files (response-headers.ts) makes
 * of every browser that fetched them before.
 *
 * Afterwards, hashed files the new index does not point to are removed from the output, and the
 * kept set in the cache becomes this build's.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { runPagefind, type PagefindRun } from './pagefind-cli.ts';
import { place, placeSync } from '../../lib/build/place-file.ts';

/** Where Pagefind writes inside the site (its default `--output-subdir`). */
export const BUNDLE = 'pagefind';
const HASHED_FOLDERS = ['fragment', 'index', 'filter'] as const;
const ENTRY = 'pagefind-entry.json';
/** Pagefind's compressed files start with this marker before the CBOR data (pagefind/src/output/mod.rs). */
const MARKER = 'pagefind_dcd';

/** What one language's index (its `pf_meta` file) points to. */
export interface IndexFiles {
  /** The Pagefind version that wrote it. */
  version: string;
  language: string;
  /** The meta file, relative to the bundle: `pagefind.en_1a2b3c4.pf_meta`. */
  meta: string;
  /** Fragment name (one per page) → the page's word count. */
  fragments: Map<string, number>;
  /** Index chunk name → the word range it covers, "from…to". */
  chunks: Map<string, string>;
  /** Filter file name → the filter's name. */
  filters: Map<string, string>;
  /** Fragments bundled into groups (`--max-fragments`): their files are not listed one by one. */
  grouped: boolean;
}

/** Reads the index a bundle folder holds: its entry file and each language's meta file. */
export function readIndex(bundle: string): IndexFiles[] {
  const entry = JSON.parse(readFileSync(join(bundle, ENTRY), 'utf8')) as { languages: Record<string, { hash: string }> };
  return Object.entries(entry.languages).map(([language, { hash }]) => {
    const meta = `pagefind.${hash}.pf_meta`;
    const data = gunzipSync(readFileSync(join(bundle, meta)));
    if (data.subarray(0, MARKER.length).toString() !== MARKER) throw new Error(`${join(bundle, meta)} is not a Pagefind index file.`);
    // MetaIndex (pagefind/src/index/index_metadata.rs): [version, pages, index_chunks, filters, sorts, meta_fields].
    const [version, pages, chunks, filters] = decode(data.subarray(MARKER.length), { useMaps: false }) as [
      string,
      [hash: string, words: number, group: string][],
      [from: string, to: string, hash: string][],
      [filter: string, hash: string][],
    ];
    return {
      version,
      language,
      meta,
      fragments: new Map(pages.map(([name, words]) => [name, words])),
      chunks: new Map(chunks.map(([from, to, name]) => [name, `${from}…${to}`])),
      filters: new Map(filters.map(([filter, name]) => [name, filter])),
      grouped: pages.some(([, , group]) => group !== ''),
    };
  });
}

/** Every hashed file an index points to, relative to the bundle folder. */
export function liveFiles(indexes: readonly IndexFiles[]): Set<string> {
  const live = new Set<string>();
  for (const index of indexes) {
    live.add(index.meta);
    for (const name of index.fragments.keys()) live.add(`fragment/${name}.pf_fragment`);
    for (const name of index.chunks.keys()) live.add(`index/${name}.pf_index`);
    for (const name of index.filters.keys()) live.add(`filter/${name}.pf_filter`);
  }
  return live;
}

/** A hashed file's name without folder and extension: `fragment/en_1a2b3c4.pf_fragment` → `en_1a2b3c4`. */
const nameOf = (file: string) => file.slice(file.lastIndexOf('/') + 1, file.lastIndexOf('.'));
/** The name Pagefind gives first (`${language}_` and 7 hex digits); a clash within one build lengthens the others. */
const shortName = (name: string) => name.slice(0, name.indexOf('_') + 8);

/**
 * Short names with a lengthened sibling in an index: files whose hashes start alike. Pagefind gives
 * the short name to whichever comes first, and that order can change between builds.
 */
export function clashes(indexes: readonly IndexFiles[]): Set<string> {
  const names = indexes.flatMap((index) => [...index.fragments.keys(), ...index.chunks.keys(), ...index.filters.keys()]);
  return new Set(names.filter((name) => name !== shortName(name)).map(shortName));
}

/** The hashed files in a bundle folder, relative to it. */
function hashedFiles(bundle: string): string[] {
  const top = existsSync(bundle) ? readdirSync(bundle).filter((name) => name.endsWith('.pf_meta')) : [];
  const below = HASHED_FOLDERS.flatMap((folder) => {
    const dir = join(bundle, folder);
    return existsSync(dir) ? readdirSync(dir).map((name) => `${folder}/${name}`) : [];
  });
  return [...top, ...below];
}

/**
 * Why the reused files cannot be trusted for the index Pagefind just built, or undefined if they can.
 * `previous`: the index the reused files came from; `current`: the new one; `reused`: the files
 * placed in the output before Pagefind ran (relative to the bundle).
 */
export function reuseProblem(previous: readonly IndexFiles[], current: readonly IndexFiles[], reused: ReadonlySet<string>): string | undefined {
  const before = { fragment: new Map<string, number>(), index: new Map<string, string>(), filter: new Map<string, string>() };
  for (const index of previous) {
    for (const [name, words] of index.fragments) before.fragment.set(name, words);
    for (const [name, range] of index.chunks) before.index.set(name, range);
    for (const [name, filter] of index.filters) before.filter.set(name, filter);
  }
  for (const index of current) {
    const last = previous.find((other) => other.language === index.language);
    if (last && last.version !== index.version) return `Pagefind ${index.version} replaced ${last.version}`;
    if (index.grouped) return 'fragments are grouped (--max-fragments), so their files cannot be checked one by one';
    // Names that clash in this build go to whichever file comes first: a kept file under one of them may be the other's.
    const clashing = clashes([index]);
    const risky = [...reused].find((file) => clashing.has(shortName(nameOf(file))));
    if (risky) return `${risky} was kept, and its name is one two files of this build share the start of (Pagefind names those by their order)`;
    const checks: [folder: keyof typeof before, extension: string, now: Map<string, number | string>][] = [
      ['fragment', 'pf_fragment', index.fragments],
      ['index', 'pf_index', index.chunks],
      ['filter', 'pf_filter', index.filters],
    ];
    for (const [folder, extension, now] of checks) {
      for (const [name, value] of now) {
        const file = `${folder}/${name}.${extension}`;
        if (!reused.has(file)) continue;
        const then = before[folder].get(name);
        if (then === undefined) return `${file} was kept but the last index did not list it`;
        if (then !== value) return `${file} held ${JSON.stringify(then)} in the last index and is meant to hold ${JSON.stringify(value)} now`;
      }
    }
  }
  return undefined;
}

export interface IndexRun extends PagefindRun {
  /** Hashed files placed from the last build and used as they were. */
  reused: number;
  /** Hashed files Pagefind wrote. */
  written: number;
  /** Why the last build's files were not used, if they were there but not used. */
  refused?: string;
}

/**
 * Indexes `site` (see runPagefind) with the hashed files of the last build
 * kept in `kept`, then leaves in `kept` this build's.
 */
export async function indexReusing(site: string, options: readonly string[], kept: string): Promise<IndexRun> {
  const bundle = join(site, BUNDLE);
  // Pagefind's output folder is its own; one left from an earlier run would be reused unchecked.
  rmSync(bundle, { recursive: true, force: true });
  // The kept entry file is written last: without it the kept files are not a complete set, so none are used.
  const previous = existsSync(join(kept, ENTRY)) ? readIndex(kept) : undefined;
  // Not the meta file: Pagefind writes it every time, so what the index says now is always read from its own output.
  // Nor files whose names clashed last time: which of them gets the short name may change.
  const clashed = previous ? clashes(previous) : new Set<string>();
  const reused = new Set(previous ? hashedFiles(kept).filter((file) => !file.endsWith('.pf_meta') && !clashed.has(shortName(nameOf(file)))) : []);
  if (reused.size > 0) {
    // Synchronously: Pagefind starts once they are in place, and linking one file after another
    // in the main thread is quicker than a link per file through libuv's pool (docs/performance.md).
    for (const folder of HASHED_FOLDERS) mkdirSync(join(bundle, folder), { recursive: true });
    for (const file of reused) placeSync(join(kept, file), join(bundle, file));
  }
  let run = await runPagefind(site, options);
  let current = readIndex(bundle);
  const refused = previous && reuseProblem(previous, current, reused);
  if (refused) {
    rmSync(bundle, { recursive: true, force: true });
    reused.clear();
    run = await runPagefind(site, options);
    current = readIndex(bundle);
  }
  const live = liveFiles(current);
  // Last build's files the new index does not point to.
  await Promise.all([...reused].filter((file) => !live.has(file)).map((file) => unlink(join(bundle, file))));
  await keep(bundle, kept, live, reused);
  const used = [...live].filter((file) => reused.has(file)).length;
  return { ...run, reused: used, written: live.size - used, ...(refused && { refused }) };
}

/**
 * Makes `kept` hold exactly the bundle's live hashed files and its entry file. `reused`: the files
 * that came from `kept` and were used as they were; every other live file is Pagefind's new one and
 * replaces any kept file of that name (after a refused reuse, that may hold something else).
 */
async function keep(bundle: string, kept: string, live: ReadonlySet<string>, reused: ReadonlySet<string>): Promise<void> {
  rmSync(join(kept, ENTRY), { force: true });
  for (const folder of ['', ...HASHED_FOLDERS]) mkdirSync(join(kept, folder), { recursive: true });
  const there = hashedFiles(kept);
  await Promise.all(there.filter((file) => !live.has(file) || !reused.has(file)).map((file) => unlink(join(kept, file))));
  await Promise.all([...live].filter((file) => !reused.has(file)).map((file) => place(join(bundle, file), join(kept, file))));
  const scratch = join(kept, `${ENTRY}.partial`);
  mkdirSync(dirname(scratch), { recursive: true });
  writeFileSync(scratch, readFileSync(join(bundle, ENTRY)));
  renameSync(scratch, join(kept, ENTRY));
}
