import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPagefind } from './pagefind-cli.ts';
import { tempDir, writeFileIn } from '../../../tests/support/temp-files.ts';

const site = (pages: Record<string, string>) => {
  const dir = tempDir('pagefind');
  for (const [path, html] of Object.entries(pages)) writeFileIn(join(dir, path), html);
  return dir;
};
const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav><main data-pagefind-body><h1>${title}</h1><p>${text}</p><pre>redis.Redis(host)</pre></main></body></html>`;

describe('the Pagefind command-line indexer', () => {
  it('indexes the pages that carry data-pagefind-body and writes the index into the site', async () => {
    const dir = site({
      'skills/redis/index.html': page('Redis', 'An in-memory data store used for caching and queues.'),
      'skills/postgres/index.html': page('PostgreSQL', 'A relational database with transactions.'),
      'about/index.html': '<!doctype html><html lang="en"><body><p>No search body here.</p></body></html>',
    });
    const run = await runPagefind(dir, ['--exclude-selectors', 'pre']);
    expect(run.pages).toBe(2);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['en']?.page_count).toBe(2);
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('fails with Pagefind’s own explanation and the folder when there is nothing to index', async () => {
    const dir = site({});
    await expect(runPagefind(dir)).rejects.toThrow(new RegExp(`could not index ${dir}[\\s\\S]*not able to build an index`));
  });
});
