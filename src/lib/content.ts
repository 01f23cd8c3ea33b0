/**
 * The only module that reads content collections. Everything else receives
 * entries from here, already validated by the schemas and linked into a graph.
 */
import type { MarkdownHeading } from 'astro';
import { type CollectionEntry, getCollection } from 'astro:content';
import { type ArticleFacts, NO_ARTICLE_FACTS } from './article/facts';
import { ARTICLE_FACTS_FIELD, ARTICLE_FILE_FIELD, readArticle } from './article/files';
import { COLLECTION_NAMES, type CollectionName } from './collections';
import { throwContentErrors, throwIfBrokenEntry } from './content-errors';
import { type AtlasEntry, ContentGraph } from './graph';

type AnyCollectionEntry = CollectionEntry<CollectionName>;

const originals = new Map<string, AnyCollectionEntry>();
let graph: Promise<ContentGraph> | undefined;

/** Drafts are shown while writing (`astro dev`) and never published. */
export const SHOW_DRAFTS = import.meta.env.DEV;

/** Frontmatter fields the content loader adds to an entry's rendered metadata (src/loaders/content-glob.ts). */
const loaderFields = (entry: AnyCollectionEntry) =>
  (entry.rendered?.metadata as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter ?? {};

/** An entry whose article did not render (a broken file, shown as an error in dev) has no facts: none are made up. */
const articleFactsOf = (entry: AnyCollectionEntry) => (loaderFields(entry)[ARTICLE_FACTS_FIELD] as ArticleFacts | undefined) ?? NO_ARTICLE_FACTS;

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
          digest: entry.digest ?? '',
          facts: articleFactsOf(entry),
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

/**
 * An entry's article as HTML, with its headings. The content loader rendered it when the
 * file last changed (src/lib/article/render.ts) and keeps it in a file of its own.
 */
export function renderEntry(entry: AtlasEntry): { html: string; headings: MarkdownHeading[] } {
  const name = `${entry.collection}/${entry.id}`;
  const rendered = originals.get(name)?.rendered;
  if (!rendered) throw new Error(`renderEntry: ${name} was not loaded through getGraph()`);
  const file = loaderFields(originals.get(name)!)[ARTICLE_FILE_FIELD] as string | undefined;
  const headings = (rendered.metadata as { headings?: MarkdownHeading[] } | undefined)?.headings ?? [];
  return { html: file ? readArticle(file, entry.filePath) : rendered.html, headings };
}
