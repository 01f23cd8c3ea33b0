import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { ROOT } from './fixture-build';

export const DIST = resolve(ROOT, process.env['ATLAS_DIST'] ?? 'dist');

/** Fails loudly when the tests run before a build. */
export function requireDist(): string {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`No built site in ${DIST}: run \`npm run build\` first (npm test does this for you).`);
  }
  return DIST;
}

/** Every file below dist/, as paths relative to it with forward slashes. */
export function distFiles(dir = requireDist()): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every HTML page in dist/ (search index fragments excluded). */
export function htmlPages(): string[] {
  return distFiles().filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
}

const cache = new Map<string, HTMLElement>();

/** Parsed HTML of a page in dist/, e.g. "skills/redis/index.html". */
export function page(file: string): HTMLElement {
  let root = cache.get(file);
  if (!root) {
    root = parse(readFileSync(join(requireDist(), file), 'utf8'));
    cache.set(file, root);
  }
  return root;
}

/** URL path of a page file: "skills/redis/index.html" → "/skills/redis/". */
export function urlPathOf(file: string): string {
  return `/${file.replace(/index\.html$/, '').replace(/\.html$/, '')}`;
}
