/**
 * Worker thread that renders articles for articleSaver() (render-pool.ts). Run by Node
 * directly from src/ (type stripping), so it imports with relative .ts paths.
 */
import { workerData } from 'node:worker_threads';
import { serveJobs } from '../build/worker-pool.ts';
import { type PortableMarkdown, rebuildMarkdown } from './markdown.ts';
import { renderAndSave, type SavedArticle } from './render-pool.ts';
import { createArticleRenderer } from './render.ts';

export interface RenderJob {
  body: string;
  /** The article's file, for error messages and plugins. */
  file: string;
  /** Where its HTML is saved (files.ts). */
  dir: string;
}

const { markdown, base, diagramCache } = workerData as { markdown: PortableMarkdown; base: string; diagramCache: string };
const renderer = createArticleRenderer({ markdown: rebuildMarkdown(markdown, base), base, diagramCache });

serveJobs<RenderJob, SavedArticle>(async ({ body, file, dir }) => ({ result: await renderAndSave(await renderer, body, file, dir) }));
