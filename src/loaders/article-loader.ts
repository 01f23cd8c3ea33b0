/**
 * The content loader: one folder of MDX articles → entries in Astro's content store, on the
 * documented Content Loader API (`store`, `meta`, `parseData`, `generateDigest`, `watcher`).
 *
 * It makes the checks a writer relies on before anything is stored: every file name is a valid
 * URL slug, no two files claim the same slug, a Markdown file is not skipped in silence, the
 * frontmatter is YAML, dates are real calendar dates as typed (YAML would turn 2026-13-45 into a
 * later date), and a field that fails its schema is reported at its own line.
 *
 * Articles are rendered here, once per change of their file (src/lib/article/render.ts), into
 * files beside the store (src/lib/article/files.ts); an unchanged file (same digest) keeps its
 * entry without being parsed or rendered again.
 *
 * In `astro dev` a broken file does not stop the server or leave the old page showing: its error
 * is logged and recorded (src/lib/content/content-errors.ts), and every page shows it in the
 * error overlay until the file is fixed.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { load as parseYaml } from 'js-yaml';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFacts } from '../lib/article/facts.ts';
import { ARTICLE_FACTS_FIELD, ARTICLE_FILE_FIELD, articleFileOf, pruneArticles } from '../lib/article/files.ts';
import { articleRendererFingerprint } from '../lib/article/fingerprint.ts';
import { articleSaver, type ArticleSaver } from '../lib/article/render-pool.ts';
import { ArticleError } from '../lib/article/render.ts';
import { BROKEN_ENTRY_FIELD, clearContentError, recordContentError } from '../lib/content/content-errors.ts';
import { findDateProblems } from '../lib/content/frontmatter-dates.ts';
import { FrontmatterLines, splitFrontmatter } from '../lib/content/frontmatter-lines.ts';
import { toSlug } from '../lib/content/slug.ts';
import { SLUG_PATTERN } from '../schemas/values.ts';

export interface ArticleLoaderOptions {
  /** The collection's folder, e.g. `./content/skills`. */
  folder: string;
  /** The collection's schema: used to find the line of a field that fails it. */
  schema: z.ZodType;
}

/** An error with the place Astro shows as "Location:" (and the dev overlay opens). */
type LocatedError = Error & { loc?: { file: string; line: number; column: number } };

/** The id (and URL slug) of the entry in a content file: its name without .mdx, lower-cased. */
export const idOf = (name: string) => name.replace(/\.mdx$/, '').toLowerCase();

/** Path of a content file relative to the project, as writers see it. */
const shown = (file: string) => relative(process.cwd(), file);

function located(message: string, file: string, line: number, column = 1): LocatedError {
  return Object.assign(new Error(message), { loc: { file, line, column } });
}

/** The frontmatter and body of an MDX file, as Astro's MDX integration reads them. */
export function readFrontmatter(source: string, file: string): { data: Record<string, unknown>; body: string } {
  const parts = splitFrontmatter(source);
  if (parts === undefined) return { data: {}, body: source.trim() };
  let data: unknown;
  try {
    data = parseYaml(parts.yaml);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number }; reason?: string }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    // The YAML starts on line 2, after the opening ---.
    const line = (mark?.line ?? 0) + 2;
    throw located(`${shown(file)}:${line}: the frontmatter is not valid YAML: ${reason}`, file, line, (mark?.column ?? 0) + 1);
  }
  const fields = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { data: fields, body: parts.body.trim() };
}

/**
 * The problems with the names of the files in a collection folder: names that are not slugs,
 * two names that differ only in case (one URL), and Markdown files, which would not be published.
 */
export function fileNameProblems(folder: string, names: readonly string[]): { file: string; error: LocatedError }[] {
  const problems: { file: string; error: LocatedError }[] = [];
  const byId = new Map<string, string>();
  for (const name of [...names].sort()) {
    const file = resolve(folder, name);
    const problem = (message: string) => problems.push({ file, error: located(message, file, 1) });
    if (/\.(md|markdown)$/i.test(name)) {
      problem(
        `${shown(file)}: articles are MDX files, so this file would not be published. Rename it to ${name.replace(/\.(md|markdown)$/i, '.mdx')} (Markdown is valid MDX; a bare < or { in the text needs escaping as \\< or \\{).`,
      );
      continue;
    }
    if (!name.endsWith('.mdx')) continue;
    const id = idOf(name);
    const owner = byId.get(id);
    if (owner) {
      problem(
        `Two files claim the URL slug "${id}": ${shown(resolve(folder, owner))} and ${shown(file)}. Each page needs its own file name; rename or merge one of them.`,
      );
    } else byId.set(id, name);
    if (!SLUG_PATTERN.test(name.replace(/\.mdx$/, ''))) {
      problem(
        `${shown(file)}: the file name becomes the page URL, so it must be lower-case words joined by hyphens. Rename it to ${toSlug(id)}.mdx.`,
      );
    }
  }
  return problems;
}

/** Files read, checked and rendered at once by one load. */
const FILES_IN_FLIGHT = 16;

/** The renderer's source files: articles render with them once per change, so an edit needs a dev server restart. */
const RENDERER_SOURCE = /[\\/]src[\\/](components[\\/]mdx|lib[\\/]article)[\\/][^\\/]+\.ts$/;

export function articleLoader({ folder, schema }: ArticleLoaderOptions): Loader {
  const root = resolve(folder);
  return {
    name: 'backend-atlas-articles',
    load: async (context) => {
      const dev = context.watcher !== undefined;
      const articleDir = join(fileURLToPath(context.config.cacheDir), 'articles', context.collection);
      let syncing = sync(context, { root, schema, dev, articleDir });
      await syncing;
      if (!context.watcher) return;
      context.watcher.add(root);
      // Any change in the folder syncs it again: unchanged files are skipped by their digest, and
      // a full pass is what finds a new duplicate slug or a renamed file.
      const resync = (path: string, what: string) => {
        const file = resolve(path);
        if (dirname(file) !== root) return;
        if (what === 'unlink') clearContentError(file);
        syncing = syncing
          .then(() => sync(context, { root, schema, dev, articleDir }))
          .then(() => {
            if (file.endsWith('.mdx')) context.logger.info(`Reloaded ${context.collection}/${basename(file)}`);
          })
          .catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      };
      context.watcher.on('add', (path) => resync(path, 'add'));
      context.watcher.on('change', (path) => {
        if (RENDERER_SOURCE.test(path) && !path.endsWith('.test.ts')) {
          context.logger.warn(`${shown(path)} changed: restart \`npm run dev\` to render the articles with it.`);
        }
        resync(path, 'change');
      });
      context.watcher.on('unlink', (path) => resync(path, 'unlink'));
    },
  };
}

interface SyncOptions {
  root: string;
  schema: z.ZodType;
  dev: boolean;
  articleDir: string;
}

/** Brings the store in line with the folder: new and changed files are read, checked and rendered; removed ones go. */
async function sync(context: LoaderContext, { root, schema, dev, articleDir }: SyncOptions): Promise<void> {
  const { store, meta, config } = context;
  const problems: LocatedError[] = [];
  /** In dev, records the error and carries on; in a build, collects it: the build stops after the pass. */
  const fail = (file: string, error: LocatedError): void => {
    if (!dev) {
      problems.push(error);
      return;
    }
    recordContentError(file, error);
    const message = error.message.replaceAll('**', '');
    context.logger.error(message.startsWith(shown(file)) ? message : `${shown(file)}: ${message}`);
  };

  // Everything renders again when the renderer changed, or when an article's file has gone.
  const fingerprint = articleRendererFingerprint();
  if (meta.get('article-renderer') !== fingerprint || store.values().some((entry) => !existsSync(articleFileOf(entry) ?? ''))) {
    store.clear();
    meta.set('article-renderer', fingerprint);
  }
  const projectRoot = fileURLToPath(config.root);
  // An article whose image has gone since it was rendered renders again, so the missing file is
  // reported at its line instead of as a failed import deep in the build.
  for (const entry of store.values()) {
    const images = (entry.rendered?.metadata?.imagePaths ?? []) as string[];
    const article = entry.filePath ? resolve(projectRoot, entry.filePath) : undefined;
    if (article && images.some((image) => !existsSync(resolve(dirname(article), decodeURI(image))))) store.delete(entry.id);
  }

  const names = existsSync(root) ? readdirSync(root) : [];
  const badNames = fileNameProblems(root, names);
  for (const { file, error } of badNames) fail(file, error);
  const skipped = new Set(badNames.map(({ file }) => file));

  // In a build, an empty store (cold, or the renderer changed) means every article renders: on workers.
  const renderAll = !dev && store.keys().length === 0;
  let saver: Promise<{ save: ArticleSaver; done: () => void }> | undefined;
  const seen = new Set<string>();
  try {
    const articles = names.filter((name) => name.endsWith('.mdx') && !skipped.has(resolve(root, name)));
    const loadOne = async (name: string) => {
      const file = resolve(root, name);
      const id = idOf(name);
      seen.add(id);
      const filePath = relative(projectRoot, file).split(sep).join(posix.sep);
      const source = await readFile(file, 'utf8');
      const digest = context.generateDigest(source);
      const stored = store.get(id);
      if (stored?.digest === digest && stored.filePath === filePath) return;
      try {
        const { data, body } = readFrontmatter(source, file);
        const dates = findDateProblems(source);
        if (dates.length > 0) {
          const first = dates[0]!;
          throw located(dates.map((date) => `${shown(file)}:${date.line}: field "${date.field}": ${date.message}`).join('\n'), file, first.line);
        }
        const parsed = await parseLocated(context, schema, { id, data, filePath: file }, source);
        saver ??= articleSaver(config, renderAll);
        const {
          articleFile: saved,
          headings,
          imagePaths,
        } = await (await saver).save(body, file, articleDir).catch((error: unknown) => {
          throw articleProblem(file, source, body, error);
        });
        store.set({
          id,
          data: parsed,
          filePath,
          digest,
          rendered: {
            html: '',
            // Astro imports these images for the page's render() (src/lib/content/content.ts).
            metadata: { headings, imagePaths, frontmatter: { [ARTICLE_FILE_FIELD]: saved, [ARTICLE_FACTS_FIELD]: articleFacts(body) } },
          },
          assetImports: imagePaths,
        });
        if (dev) clearContentError(file);
      } catch (error) {
        fail(file, error as LocatedError);
        // In dev the entry stays, marked broken: pages show its error instead of building from it.
        if (dev) store.set({ id, data: { [BROKEN_ENTRY_FIELD]: (error as Error).message }, filePath });
      }
    };
    // A few files at once: enough to keep the render workers busy, few enough that a large
    // collection's texts are not all held in memory while they wait.
    let next = 0;
    await Promise.all(
      Array.from({ length: FILES_IN_FLIGHT }, async () => {
        while (next < articles.length) await loadOne(articles[next++]!);
      }),
    );
  } finally {
    if (saver) (await saver).done();
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) {
    const error: LocatedError = new Error(problems.map((problem) => problem.message).join('\n\n'));
    if (problems[0]!.loc) error.loc = problems[0]!.loc;
    throw error;
  }
  pruneArticles(
    articleDir,
    new Set(
      store
        .values()
        .map(articleFileOf)
        .filter((file) => file !== undefined),
    ),
  );
}

/**
 * `parseData`, with its error located at the line of the field that failed. Astro reports a
 * schema error at line 0 of the file; the field's path comes from the same schema, parsed here
 * only when Astro's parse has failed.
 */
async function parseLocated(
  context: LoaderContext,
  schema: z.ZodType,
  props: { id: string; data: Record<string, unknown>; filePath: string },
  source: string,
): Promise<Record<string, unknown>> {
  try {
    return await context.parseData(props);
  } catch (error) {
    const result = await schema.safeParseAsync(props.data);
    const path = result.success ? undefined : result.error.issues[0]?.path;
    if (path && error instanceof Error) {
      (error as LocatedError).loc = { file: props.filePath, line: new FrontmatterLines(source).lineOf(path), column: 1 };
    }
    throw error;
  }
}

/** An article that would not render, as `file:line: message`, the line counted in the whole file. */
function articleProblem(file: string, source: string, body: string, error: unknown): LocatedError {
  const message = error instanceof Error ? error.message : String(error);
  let line = error instanceof ArticleError ? error.line : undefined;
  if (line !== undefined) {
    const start = body ? source.lastIndexOf(body) : -1;
    if (start > 0) line += source.slice(0, start).split('\n').length - 1;
    return located(`${shown(file)}:${line}: ${message}`, file, line);
  }
  return new Error(`${shown(file)}: ${message}`);
}
