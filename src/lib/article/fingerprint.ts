import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { siteConfig } from '../../../site.config.mjs';

/**
 * Everything besides an article's own text that decides its HTML and how it is stored:
 * the renderer and the components (src/lib, src/components/mdx, the vocabulary), the
 * content loader (src/loaders) and the installed versions of Sätteri and Shiki
 * (package-lock.json), and the facts articles show (content/facts.yaml). Rendered articles are cached in
 * Astro's content store by file digest; when this changes they are all rendered
 * again, and the build cache re-renders their pages (src/integrations/build-speed/build-cache-keys.ts).
 */
const SOURCES = [
  'src/lib',
  'src/components/mdx',
  'src/loaders',
  'src/schemas/vocabulary.ts',
  'package-lock.json',
  join(siteConfig.contentDir, 'facts.yaml'),
];

/** Computed once per project root, list of sources and process: the sources do not change during a build. */
const memo = new Map<string, string>();

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mjs|js|json)$/.test(name) && !/\.test\.ts$/.test(name))
    .sort()
    .map((name) => join(path, name));
}

/**
 * A short hash of the files and folders `sources` (paths from `root`, the project:
 * builds run from it), test files left out.
 */
export function sourcesFingerprint(sources: readonly string[], root = process.cwd()): string {
  const memoKey = JSON.stringify([root, sources]);
  const known = memo.get(memoKey);
  if (known) return known;
  const hash = createHash('sha256');
  for (const source of sources) {
    for (const file of files(resolve(root, source))) hash.update(`\n${file.slice(root.length)}\n`).update(readFileSync(file));
  }
  const fingerprint = hash.digest('base64url').slice(0, 24);
  memo.set(memoKey, fingerprint);
  return fingerprint;
}

/** A short hash of SOURCES under `root`. */
export const articleRendererFingerprint = (root = process.cwd()): string => sourcesFingerprint(SOURCES, root);
