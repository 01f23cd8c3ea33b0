/**
 * Runs Pagefind's command-line indexer over a built site: the post-build step Pagefind documents
 * (`pagefind --site dist`), started with this Node through the package's own `bin` entry, so it
 * needs nothing on PATH.
 *
 * Why not the Node API (`pagefind.createIndex()`): it drives the same binary in `--service` mode,
 * and the command line writes a byte-identical index sooner, alone and inside a rebuild
 * (measured: docs/performance.md). The site's build and the benchmark's bare baseline both
 * index through here, so the comparison between them stays like for like.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface PagefindRun {
  /** Pages that went into the index (Pagefind skips pages without `data-pagefind-body` once any page has it). */
  pages: number;
  /** Everything Pagefind printed. */
  output: string;
}

/** Pagefind's command-line entry: the `bin` of the installed `pagefind` package. */
export function pagefindBin(): string {
  const require = createRequire(import.meta.url);
  for (const modules of require.resolve.paths('pagefind') ?? []) {
    const manifest = join(modules, 'pagefind', 'package.json');
    if (!existsSync(manifest)) continue;
    const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
    const entry = typeof bin === 'string' ? bin : bin?.['pagefind'];
    if (entry) return join(modules, 'pagefind', entry);
  }
  throw new Error('Pagefind is not installed: run `npm install` (the `pagefind` package builds the search index).');
}

/**
 * Indexes every HTML file under `site` into `site/pagefind/`.
 * @param options extra command-line options, e.g. `['--exclude-selectors', 'pre']`
 * Rejects with Pagefind's own words when it exits with an error or indexes nothing.
 */
export async function runPagefind(site: string, options: readonly string[] = []): Promise<PagefindRun> {
  const chunks: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [pagefindBin(), '--site', site, ...options], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const output = Buffer.concat(chunks).toString('utf8');
  const pages = Number(/Indexed (\d+) pages?\b/.exec(output)?.[1] ?? 0);
  if (code !== 0 || pages === 0) {
    const said = output.trim().split('\n').slice(-12).join('\n');
    throw new Error(`Pagefind could not index ${site} (exit code ${code}, ${pages} pages indexed). It said:\n${said}`);
  }
  return { pages, output };
}
