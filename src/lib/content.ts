/**
 * The only module that reads content collections. Everything else receives
 * entries from here, already validated by the schemas and linked into a graph.
 */
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName } from './collections';
import { throwContentErrors, throwIfBrokenEntry } from './content-errors';
import { type AtlasEntry, ContentGraph } from './graph';

type AnyCollectionEntry = CollectionEntry<CollectionName>;

const originals = new Map<string, AnyCollectionEntry>();
let graph: Promise<ContentGraph> | undefined;

/** Drafts are shown while writing (`astro dev`) and never published. */
export const SHOW_DRAFTS = import.meta.env.DEV;

async function loadGraph(): Promise<ContentGraph> {
  const loaded = await Promise.all(
    COLLECTION_NAMES.map(async (collection) =>
      (await getCollection(collection)).map((entry) => {
        if (import.meta.env.DEV) throwIfBrokenEntry(entry);
        originals.set(`${collection}/${entry.id}`, entry);
        return {
          collection,
          id: entry.id,
          filePath: entry.filePath ?? `content/${collection}/${entry.id}.mdx`,
          body: entry.body ?? '',
          data: entry.data,
        } as AtlasEntry;
      }),
    ),
  );
  const entries = loaded.flat();
  const published = entries.filter((entry) => SHOW_DRAFTS || !entry.data.draft);
  const unpublished = entries.filter((entry) => !published.includes(entry));
  return new ContentGraph(published, unpublished);
}

/** The content graph of every published entry, built once per build. */
export function getGraph(): Promise<ContentGraph> {
  // In `astro dev`, a content file that failed to load shows as this page's error (the overlay).
  if (import.meta.env.DEV) throwContentErrors();
  if (!graph) {
    graph = loadGraph();
    // A graph that failed (a content error in dev) is not kept: the next page load tries again.
    graph.catch(() => (graph = undefined));
  }
  return graph;
}

/** Compiles an entry's MDX body; returns the component and its headings. */
export async function renderEntry(entry: AtlasEntry) {
  const original = originals.get(`${entry.collection}/${entry.id}`);
  if (!original) throw new Error(`renderEntry: ${entry.collection}/${entry.id} was not loaded through getGraph()`);
  return render(original);
}
