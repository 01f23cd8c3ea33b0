/**
 * The only module that reads content collections. Everything else receives
 * entries from here, already validated by the schemas and linked into a graph.
 */
import type { MarkdownHeading } from 'astro';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { posix } from 'node:path';
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { type ArticleFacts, NO_ARTICLE_FACTS } from '../article/facts';
import { ARTICLE_FACTS_FIELD, articleFileOf, readArticle } from '../article/files';
import { COLLECTION_NAMES, type CollectionName } from './collections';
import { throwContentErrors, throwIfBrokenEntry } from './content-errors';
import { type AtlasEntry, ContentGraph } from '../views/graph';
import { loadRegistry } from './registry';
import type { CitedSource } from '@/schemas/common';

type AnyCollectionEntry = CollectionEntry<CollectionName>;

const originals = new Map<string, AnyCollectionEntry>();
let graph: Promise<ContentGraph> | undefined;

/** Drafts are shown while writing (`astro dev`) and never published. */
export const SHOW_DRAFTS = import.meta.env.DEV;

/** Frontmatter fields the content loader adds to an entry's rendered metadata (src/loaders/article-loader.ts). */
const loaderFields = (entry: AnyCollectionEntry) =>
  (entry.rendered?.metadata as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter ?? {};

/** An entry whose article did not render (a broken file, shown as an error in dev) has no facts: none are made up. */
const articleFactsOf = (entry: AnyCollectionEntry) => (loaderFields(entry)[ARTICLE_FACTS_FIELD] as ArticleFacts | undefined) ?? NO_ARTICLE_FACTS;

/** A page's sources, then the sources of the facts its text shows (content/facts.yaml), each once. */
export function withFactSources(sources: readonly CitedSource[], factIds: readonly string[]): CitedSource[] {
  const { facts, sources: registered } = loadRegistry();
  const cited = [...sources];
  for (const id of factIds) {
    const sourceId = facts.get(id)?.source;
    const source = sourceId === undefined ? undefined : registered.get(sourceId);
    if (sourceId && source && !cited.some((known) => known.url === source.url)) cited.push({ id: sourceId, ...source });
  }
  return cited;
}

async function loadGraph(): Promise<ContentGraph> {
  const loaded = await Promise.all(
    COLLECTION_NAMES.map(async (collection) =>
      (await getCollection(collection)).map((entry) => {
        if (import.meta.env.DEV) throwIfBrokenEntry(entry);
        const facts = articleFactsOf(entry);
        originals.set(`${collection}/${entry.id}`, entry);
        return {
          collection,
          id: entry.id,
          filePath: entry.filePath ?? `content/${collection}/${entry.id}.mdx`,
          digest: entry.digest ?? '',
          facts,
          images: entryImages(entry),
          data: { ...entry.data, sources: withFactSources(entry.data.sources, facts.factIds) },
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
 * An entry's article, ready to place in a page, with its headings. The content loader rendered
 * it to HTML when the file last changed (src/lib/article/render.ts) and keeps it in a file of
 * its own; Astro's render() turns the images it marked into optimised ones (getImage()).
 */
export async function renderEntry(entry: AtlasEntry): Promise<{ Content: AstroComponentFactory; headings: MarkdownHeading[] }> {
  const name = `${entry.collection}/${entry.id}`;
  const original = originals.get(name);
  if (!original?.rendered) throw new Error(`renderEntry: ${name} was not loaded through getGraph()`);
  const file = articleFileOf(original);
  const html = file ? readArticle(file, entry.filePath) : original.rendered.html;
  const { Content, headings } = await render({ ...original, rendered: { ...original.rendered, html } } as AnyCollectionEntry);
  return { Content, headings };
}

/** The images beside an entry's article that it shows, as paths from the project folder. */
export function entryImages(entry: AnyCollectionEntry): string[] {
  const images = (entry.rendered?.metadata?.imagePaths ?? []) as string[];
  return entry.filePath ? images.map((image) => posix.join(posix.dirname(entry.filePath!), decodeURI(image))) : [];
}
