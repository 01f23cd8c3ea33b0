/**
 * Rendered articles live beside Astro's content store, one file each, named by a hash
 * of their HTML; the store keeps only the file's path (`rendered.metadata.frontmatter.articleFile`).
 * Astro bundles the whole content store into the build as a single JavaScript module, so
 * keeping the HTML out of it halves what Vite parses and holds on every build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The field of `rendered.metadata.frontmatter` that holds the article's file. */
export const ARTICLE_FILE_FIELD = 'articleFile';

/** The file of an entry's rendered article, as the loader recorded it; undefined for an entry that did not render. */
export const articleFileOf = (entry: { rendered?: { metadata?: object | undefined } | undefined }): string | undefined =>
  (entry.rendered?.metadata as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter?.[ARTICLE_FILE_FIELD] as string | undefined;

/** The field of `rendered.metadata.frontmatter` that holds what pages need from the text (src/lib/article/facts.ts). */
export const ARTICLE_FACTS_FIELD = 'articleFacts';

/** Writes an article's HTML (unless that exact HTML is there already) and returns its path. */
export function saveArticle(dir: string, html: string): string {
  const file = join(dir, `${createHash('sha256').update(html).digest('base64url').slice(0, 32)}.html`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, html);
  }
  return file;
}

/** An article's HTML, with an error that says how to recover if the file is gone. */
export function readArticle(file: string, entry: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`The rendered article for ${entry} is missing (${file}). Delete the build cache folder and build again.`);
  }
}

/** Deletes the article files in `dir` that no entry points to any more. */
export function pruneArticles(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!keep.has(file)) rmSync(file, { force: true });
  }
}
