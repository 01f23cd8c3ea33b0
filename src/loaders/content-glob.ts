import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArticleError } from '../lib/article/render.ts';
import { articleSaver } from '../lib/article/render-pool.ts';
import { articleFacts } from '../lib/article/facts.ts';
import { ARTICLE_FACTS_FIELD, ARTICLE_FILE_FIELD, pruneArticles } from '../lib/article/files.ts';
import { articleRendererFingerprint } from '../lib/article/fingerprint.ts';
import { BROKEN_ENTRY_FIELD, clearContentError, recordContentError } from '../lib/content/content-errors.ts';
import { findDateProblems } from '../lib/content/frontmatter-dates.ts';
import { FrontmatterLines } from '../lib/content/frontmatter-lines.ts';
import { toSlug } from '../lib/content/slug.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';

/** The id (and URL slug) of the entry in a content file: its name without .mdx, lower-cased. */
const idOf = (entry: string) => entry.replace(/\.mdx$/, '').toLowerCase();

/** What the loader gets for a file whose frontmatter was not read: unreadable, or unchanged. */
const unread = () => ({ data: {}, body: '', slug: '', rawData: '' });

/** Path of a content file relative to the project, as writers see it. */
const shown = (path: string) => relative(process.cwd(), isAbsolute(path) ? path : resolve(path));

/** How Astro reads a content file of one type; the glob loader receives these in an undocumented `entryTypes` field. */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body: string; slug: string; rawData: string }>;
  getRenderFunction?(config: LoaderContext['config']): Promise<RenderFunction>;
}
type RenderFunction = (entry: { id: string; body?: string; filePath?: string }) => Promise<unknown>;
type GlobLoaderContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/**
 * Astro reports a schema error at line 0 of the file. The message names the field
 * ("**skills.0.skill**: …"), so point at that field's line instead: the dev overlay
 * and the build's "Location:" then open the file where the mistake is.
 */
function locateSchemaError(error: unknown, source: string): void {
  const located = error as { loc?: { file?: string; line?: number; column?: number }; message?: string };
  if (!located?.loc || (located.loc.line ?? 0) > 0 || typeof located.message !== 'string') return;
  const field = /\n\s*\*\*([^*\n]+)\*\*:/.exec(located.message)?.[1];
  if (!field) return;
  const path = field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  located.loc = { ...located.loc, line: new FrontmatterLines(source).lineOf(path), column: 1 };
}

/**
 * Astro's glob loader for one collection folder of MDX files, plus the checks
 * it does not make: every file name is a valid URL slug, no two files claim
 * the same slug, and dates are real calendar dates as typed (a YAML parser
 * silently turns 2026-13-45 into 2027-02-14).
 *
 * In `astro dev` a broken file does not stop the server or leave the old page
 * showing: its error is logged and recorded (src/lib/content/content-errors.ts), and
 * every page shows it in the error overlay until the file is fixed.
 */
export function contentGlob(folder: string): Loader {
  const claimed = new Map<string, string>();
  let dev = false;
  let logError: (message: string) => void = () => {};

  /** In dev, records the error and carries on; in a build, stops it. */
  const fail = (file: string, error: Error): void => {
    if (!dev) throw error;
    recordContentError(file, error);
    const message = error.message.replaceAll('**', '');
    logError(message.startsWith(shown(file)) ? message : `${shown(file)}: ${message}`);
  };

  // The folder's file names by lower-case name, read once per load (not once per file: at
  // 10,000 pages that was 10,000 directory listings) and again after a file is added or removed.
  let listing: Map<string, string[]> | undefined;
  const namesLike = (entry: string): string[] => {
    if (!listing) {
      listing = new Map();
      for (const name of readdirSync(folder)) listing.set(name.toLowerCase(), [...(listing.get(name.toLowerCase()) ?? []), name]);
    }
    return listing.get(entry.toLowerCase()) ?? [];
  };

  const inner = glob({
    pattern: '*.mdx',
    // Pages need only what src/lib/article/facts.ts keeps of the text: the store stays ~8× smaller.
    retainBody: false,
    base: folder,
    generateId: ({ entry }) => {
      const id = idOf(entry);
      const file = `${folder}/${entry}`;
      const owner =
        claimed.get(id) ??
        namesLike(entry)
          .filter((name) => name !== entry)
          .map((name) => `${folder}/${name}`)[0];
      if (owner && owner !== file) {
        fail(
          resolve(file),
          new Error(
            `Two files claim the URL slug "${id}": ${shown(owner)} and ${shown(file)}. Each page needs its own file name; rename or merge one of them.`,
          ),
        );
      }
      claimed.set(id, file);
      if (!SLUG_PATTERN.test(entry.replace(/\.mdx$/, ''))) {
        const suggestion = toSlug(id);
        fail(
          resolve(file),
          new Error(
            `${shown(file)}: the file name becomes the page URL, so it must be lower-case words joined by hyphens. Rename it to ${suggestion}.mdx.`,
          ),
        );
        return suggestion || id;
      }
      return id;
    },
  });

  return {
    ...inner,
    name: 'backend-atlas-content',
    load: async (loaderContext) => {
      const context = loaderContext as GlobLoaderContext;
      dev = context.watcher !== undefined;
      logError = (message) => context.logger.error(message);
      // Files whose frontmatter could not be read in this pass, with the message: their YAML error stands.
      const unreadable = new Map<string, string>();
      listing = undefined;
      context.watcher?.on('add', () => (listing = undefined));
      context.watcher?.on('unlink', (path) => {
        listing = undefined;
        clearContentError(resolve(path));
      });
      // Articles are rendered when their own file changes; a change to how they are rendered
      // takes a restart (the renderer's fingerprint is checked when the server starts).
      context.watcher?.on('change', (path) => {
        if (/[\\/]src[\\/](components[\\/]mdx|lib[\\/]article)[\\/][^\\/]+\.ts$/.test(path) && !path.endsWith('.test.ts')) {
          context.logger.warn(`${shown(path)} changed: restart \`npm run dev\` to render the articles with it.`);
        }
      });

      // Articles are rendered to HTML here, once per change (src/lib/article/render.ts), into files
      // beside the content store (src/lib/article/files.ts). Everything is rendered again when the
      // renderer itself changes, or when an article's file has gone missing.
      const articleDir = join(fileURLToPath(context.config.cacheDir), 'articles', context.collection);
      const articleFile = (entry: { rendered?: { metadata?: { frontmatter?: Record<string, unknown> } } }) =>
        entry.rendered?.metadata?.frontmatter?.[ARTICLE_FILE_FIELD] as string | undefined;
      const fingerprint = articleRendererFingerprint();
      const stale =
        context.meta.get('article-renderer') !== fingerprint || context.store.values().some((entry) => !existsSync(articleFile(entry) ?? ''));
      if (stale) {
        context.store.clear();
        context.meta.set('article-renderer', fingerprint);
      }
      // An article whose image has gone since it was rendered renders again, so the missing file is
      // reported at its line instead of as a failed import deep in the build.
      for (const entry of context.store.values()) {
        const images = (entry.rendered?.metadata?.imagePaths ?? []) as string[];
        const article = entry.filePath ? resolve(fileURLToPath(context.config.root), entry.filePath) : undefined;
        if (article && images.some((image) => !existsSync(resolve(dirname(article), decodeURI(image))))) context.store.delete(entry.id);
      }
      // Markdown files would be skipped without a word: they are errors that say to rename them.
      for (const name of readdirSync(folder)) {
        if (/\.(md|markdown)$/i.test(name)) {
          const file = resolve(folder, name);
          fail(
            file,
            new Error(
              `${shown(file)}: articles are MDX files, so this file would not be published. Rename it to ${name.replace(/\.(md|markdown)$/i, '.mdx')} (Markdown is valid MDX; a bare < or { in the text needs escaping as \\< or \\{).`,
            ),
          );
        }
      }
      const renderErrors: Error[] = [];
      // In a build, an empty store (cold, or the renderer changed) means every article renders: on workers.
      // Not in dev: the dev server renders each edit later with the same function, after this load is over.
      const renderAll = !dev && context.store.keys().length === 0;
      let saver: ReturnType<typeof articleSaver> | undefined;
      const getRenderFunction = async (config: LoaderContext['config']): Promise<RenderFunction> => {
        saver ??= articleSaver(config, renderAll);
        const { save } = await saver;
        return async ({ body = '', filePath }) => {
          const file = resolve(filePath ?? '');
          try {
            const { articleFile, headings, imagePaths } = await save(body, file, articleDir);
            return {
              html: '',
              // imagePaths: Astro imports these images for the page's render() (src/lib/content/content.ts).
              metadata: { headings, imagePaths, frontmatter: { [ARTICLE_FILE_FIELD]: articleFile, [ARTICLE_FACTS_FIELD]: articleFacts(body) } },
            };
          } catch (error) {
            const problem = await articleProblem(file, body, error);
            if (dev) fail(file, problem);
            else renderErrors.push(problem);
            return undefined;
          }
        };
      };

      const unchanged = (fileUrl: URL, contents: string): boolean => {
        const stored = context.store.get(idOf(basename(fileURLToPath(fileUrl))));
        return (
          stored?.filePath !== undefined &&
          fileURLToPath(new URL(stored.filePath, context.config.root)) === fileURLToPath(fileUrl) &&
          stored.digest === context.generateDigest(contents)
        );
      };
      const entryTypes = new Map<string, EntryType>(
        [...(context.entryTypes ?? [])].map(([extension, entryType]) => [
          extension,
          {
            ...entryType,
            ...(extension === '.mdx' && { getRenderFunction }),
            getEntryInfo: async (params) => {
              // A file unchanged since the last sync keeps its stored entry: Astro's loader compares digests
              // after this call and uses nothing it returns (ids come from file names), so the frontmatter
              // is not parsed again. That was ~0.1 s of every rebuild at 1,000 pages (docs/performance.md).
              if (unchanged(params.fileUrl, params.contents)) return unread();
              try {
                return await entryType.getEntryInfo(params);
              } catch (error) {
                const file = fileURLToPath(params.fileUrl);
                fail(file, error as Error);
                unreadable.set(file, (error as Error).message);
                return unread();
              }
            },
          } as EntryType,
        ]),
      );

      try {
        await inner.load({
          ...context,
          ...(context.entryTypes && { entryTypes }),
          parseData: async (props) => {
            const file = props.filePath ? resolve(props.filePath) : undefined;
            const yamlError = file ? unreadable.get(file) : undefined;
            if (file && yamlError !== undefined) {
              unreadable.delete(file);
              return { ...props.data, [BROKEN_ENTRY_FIELD]: yamlError } as typeof props.data;
            }
            try {
              const source = file ? await readFile(file, 'utf8') : '';
              const problems = findDateProblems(source);
              if (problems.length > 0) {
                throw new Error(problems.map((p) => `${shown(file!)}:${p.line}: field "${p.field}": ${p.message}`).join('\n'));
              }
              try {
                const data = await context.parseData(props);
                if (file) clearContentError(file);
                return data;
              } catch (error) {
                locateSchemaError(error, source);
                throw error;
              }
            } catch (error) {
              if (!file) throw error;
              fail(file, error as Error);
              // Keep the dev server running; pages show the error instead of this entry.
              return { ...props.data, [BROKEN_ENTRY_FIELD]: (error as Error).message } as typeof props.data;
            }
          },
        });
      } finally {
        if (saver) (await saver).done();
      }
      if (renderErrors.length > 0) throw new Error(renderErrors.map((error) => error.message).join('\n\n'));
      pruneArticles(
        articleDir,
        new Set(
          context.store
            .values()
            .map(articleFile)
            .filter((file) => file !== undefined),
        ),
      );
    },
  };
}

/** An article that would not render, as `file:line: message`, the line counted in the whole file. */
async function articleProblem(file: string, body: string, error: unknown): Promise<Error> {
  const message = error instanceof Error ? error.message : String(error);
  let line = error instanceof ArticleError ? error.line : undefined;
  if (line !== undefined) {
    const source = await readFile(file, 'utf8').catch(() => '');
    const start = body ? source.lastIndexOf(body) : -1;
    if (start > 0) line += source.slice(0, start).split('\n').length - 1;
  }
  return new Error(`${shown(file)}${line === undefined ? '' : `:${line}`}: ${message}`);
}
