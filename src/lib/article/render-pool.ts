/**
 * Renders articles for the content loader and saves their HTML (files.ts), on this
 * thread or on a worker per core. Rendering is CPU work (Sätteri, then Shiki, which
 * takes most of it), and a cold build renders every article: on two cores the workers
 * halve that part of the content sync (docs/performance.md).
 */
import type { MarkdownHeading } from 'astro';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildSpeedOn } from '../../integrations/build-speed/switch.ts';
import { WorkerPool } from '../build/worker-pool.ts';
import { saveArticle } from './files.ts';
import { type MarkdownSettings, portableMarkdown } from './markdown.ts';
import { ArticleError, type ArticleRenderer, createArticleRenderer } from './render.ts';
import type { RenderJob } from './render-worker.ts';

/** A rendered article as the loader stores it: the file with its HTML, and its headings. */
export interface SavedArticle {
  articleFile: string;
  headings: MarkdownHeading[];
  /** Images beside the article it shows, as written (`./name.png`). */
  imagePaths: string[];
}

/** Renders an article body (`file` is its path, for messages) and saves its HTML in `dir`. */
export type ArticleSaver = (body: string, file: string, dir: string) => Promise<SavedArticle>;

export async function renderAndSave(render: ArticleRenderer, body: string, file: string, dir: string): Promise<SavedArticle> {
  const { html, metadata } = await render(body, file);
  return { articleFile: saveArticle(dir, html), headings: metadata.headings, imagePaths: metadata.imagePaths };
}

/** Errors come back from a worker as plain errors; an article's problem becomes an ArticleError again, line and all. */
function fromWorker(error: unknown): unknown {
  const sent = error as Error & { line?: number };
  return sent?.name === 'ArticleError' ? new ArticleError(sent.message, sent.line) : error;
}

/** Pools in use, by the settings their workers render with: collections loading together share one. */
const pools = new Map<string, { pool: WorkerPool<RenderJob, SavedArticle>; users: number }>();

/**
 * An article saver for one load of one collection, and `done()` to call when the load
 * ends. With `many` (the collection's store is empty: a cold build, or the renderer
 * changed), articles render on a worker per core, shared by the collections loading at
 * the same time. Otherwise, and when a worker could not rebuild the Markdown settings
 * exactly (markdown.ts), they render on this thread, which is also quicker for the few
 * articles a rebuild renders: each worker first has to load Shiki.
 */
export async function articleSaver(
  config: { markdown: MarkdownSettings; base: string; cacheDir: URL },
  many: boolean,
): Promise<{ save: ArticleSaver; done: () => void }> {
  const diagramCache = fileURLToPath(new URL('diagrams/', config.cacheDir));
  const portable = many && buildSpeedOn('render-workers') && availableParallelism() > 1 ? portableMarkdown(config.markdown, config.base) : undefined;
  if (!portable) {
    const render = await createArticleRenderer({ markdown: config.markdown, base: config.base, diagramCache });
    return { save: (body, file, dir) => renderAndSave(render, body, file, dir), done: () => {} };
  }
  const key = JSON.stringify([config.base, diagramCache, portable]);
  const own = pools.get(key) ?? {
    pool: new WorkerPool<RenderJob, SavedArticle>('src/lib/article/render-worker.ts', availableParallelism(), {
      markdown: portable,
      base: config.base,
      diagramCache,
    }),
    users: 0,
  };
  pools.set(key, own);
  own.users++;
  let released = false;
  return {
    save: (body, file, dir) =>
      own.pool.run({ body, file, dir }).catch((error: unknown) => {
        throw fromWorker(error);
      }),
    done: () => {
      if (released) return;
      released = true;
      if (--own.users > 0) return;
      pools.delete(key);
      void own.pool.close();
    },
  };
}
