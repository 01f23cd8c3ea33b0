/**
 * What a page costs a reader, in bytes as sent, computed from the built files alone
 * (deterministic, so budgets can be asserted in tests and reported by the benchmark):
 *
 * - first render: the page's HTML plus every stylesheet it links, each as its brotli file
 *   from the build (or the file itself when it is too small to be precompressed);
 * - JavaScript before interaction: every script the page runs on load — inline module and
 *   classic scripts, external scripts and the modules they import statically — compressed
 *   together with brotli 11. JSON-LD and other data blocks are not scripts and don't count.
 *   Code loaded on first use (search) is not part of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { type HTMLElement, parse } from 'node-html-parser';

export interface PageWeight {
  /** Page file relative to dist, e.g. "skills/redis/index.html". */
  file: string;
  htmlBytes: number;
  /** HTML + render-blocking CSS as sent with brotli. */
  firstRenderBytes: number;
  /** Stylesheets linked from the page, dist-relative. */
  stylesheets: string[];
  /** Brotli size of all JavaScript the page runs before the reader does anything. */
  scriptBytes: number;
  /** Where that JavaScript comes from: "inline" or dist-relative file names. */
  scripts: string[];
}

const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** Bytes a file is sent as: its .br sibling when the build wrote one. */
export function sentBytes(dist: string, file: string): number {
  const path = join(dist, file);
  return existsSync(`${path}.br`) ? readFileSync(`${path}.br`).length : readFileSync(path).length;
}

export function brotliSize(text: string | Buffer): number {
  return brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;
}

/** dist-relative file of a same-site URL found in `page`, or undefined for another origin. */
function localFile(url: string, page: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return undefined;
  const path = url.startsWith('/') ? url : posix.join('/', posix.dirname(page), url);
  const clean = path.split(/[?#]/)[0]!;
  return clean.startsWith(base) ? clean.slice(base.length) : undefined;
}

/** A module's static imports (`import "./x.js"`, `from "./x.js"`), resolved beside it; dynamic import() is on use. */
function staticImports(code: string, file: string): string[] {
  const found = [...code.matchAll(/(?:\bimport\s*|\bfrom\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => m[1]!);
  return found.map((specifier) => posix.join(posix.dirname(file), specifier));
}

export function pageWeight(dist: string, file: string, base = '/'): PageWeight {
  const root: HTMLElement = parse(readFileSync(join(dist, file), 'utf8'));
  const stylesheets = root
    .querySelectorAll('link[rel~="stylesheet"]')
    .map((link) => localFile(link.getAttribute('href') ?? '', file, base))
    .filter((css): css is string => css !== undefined);
  const firstRenderBytes = sentBytes(dist, file) + stylesheets.reduce((sum, css) => sum + sentBytes(dist, css), 0);

  const code: string[] = [];
  const scripts: string[] = [];
  const seen = new Set<string>();
  const addModule = (module: string) => {
    if (seen.has(module) || !existsSync(join(dist, module))) return;
    seen.add(module);
    const text = readFileSync(join(dist, module), 'utf8');
    scripts.push(module);
    code.push(text);
    for (const imported of staticImports(text, module)) addModule(imported);
  };
  for (const script of root.querySelectorAll('script')) {
    if (!EXECUTABLE.has((script.getAttribute('type') ?? '').toLowerCase())) continue;
    const src = script.getAttribute('src');
    if (src === undefined) {
      scripts.push('inline');
      code.push(script.rawText);
      for (const imported of staticImports(script.rawText, file)) addModule(imported);
    } else {
      const local = localFile(src, file, base);
      if (local) addModule(local);
      else scripts.push(src);
    }
  }
  return {
    file,
    htmlBytes: readFileSync(join(dist, file)).length,
    firstRenderBytes,
    stylesheets,
    scriptBytes: code.length === 0 ? 0 : brotliSize(code.join('\n')),
    scripts,
  };
}
