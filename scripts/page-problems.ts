/**
 * What every site-wide check (HTML validity, metadata, accessibility) reports: one
 * problem per offending element, with the page and where on it, so a run lists
 * every problem at once instead of stopping at the first.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface PageProblem {
  /** Page file relative to dist/, e.g. "skills/redis/index.html". */
  file: string;
  /** 1-based position of the element in the file, when the check knows it. */
  line?: number | undefined;
  column?: number | undefined;
  /** The check or rule that failed, e.g. "no-dup-id", "color-contrast", "title-unique". */
  rule: string;
  /** The offending element: its selector and/or its opening tag. */
  element: string;
  message: string;
}

/** Every HTML page the build emits, relative to dist/ with forward slashes (Pagefind's fragments excluded). */
export function listPages(distDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(relative(distDir, path).split('\\').join('/'));
    }
  };
  walk(distDir);
  return out.filter((file) => !file.startsWith('pagefind/')).sort();
}

/** The address of a page file (relative to dist/) on the served site: "skills/redis/index.html" → ".../skills/redis/". */
export function pageUrl(siteUrl: string, file: string): string {
  return new URL(file.replace(/index\.html$/, ''), siteUrl).href;
}

/** One line per problem: "dist/skills/redis/index.html:12:5: [no-dup-id] <h2 id="x"> message". */
export function formatPageProblems(problems: PageProblem[]): string {
  return problems
    .map((p) => {
      const where = p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : '';
      return `dist/${p.file}${where}: [${p.rule}] ${p.element} — ${p.message}`;
    })
    .join('\n');
}

/** The opening tag around a character offset of an HTML source, shortened for a report. */
export function openingTagAt(source: string, offset: number, max = 120): string {
  const start = source.lastIndexOf('<', offset);
  const end = source.indexOf('>', offset);
  if (start < 0 || end < 0) return '';
  const tag = source.slice(start, end + 1).replace(/\s+/g, ' ');
  return tag.length > max ? `${tag.slice(0, max - 1)}…` : tag;
}

/** 1-based line of a character offset. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
