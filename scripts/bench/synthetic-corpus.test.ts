import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from './synthetic-corpus.ts';
import { tempDir } from '../../tests/support/temp-files.ts';

const contentDir = resolve(import.meta.dirname, '../../content');
const scratch = () => join(tempDir('corpus'), 'content');

describe('the benchmark corpus', () => {
  it('refuses a size smaller than the real site it starts from, saying the smallest it can make', () => {
    const outDir = scratch();
    expect(() => generateCorpus({ pages: 5, outDir, contentDir })).toThrow(/needs at least \d+ pages: its first set is the \d+ published entries/);
  });

  it('writes exactly the pages asked for, the copies pointing at copies of the same set', () => {
    const outDir = scratch();
    const summary = generateCorpus({ pages: 200, outDir, contentDir });
    const written = readdirSync(outDir)
      .filter((name) => !name.endsWith('.yaml'))
      .flatMap((collection) => readdirSync(join(outDir, collection)));
    // The sources and facts the pages cite come along.
    expect(
      readdirSync(outDir)
        .filter((name) => name.endsWith('.yaml'))
        .sort(),
    ).toEqual(['facts.yaml', 'sources.yaml'].filter((name) => existsSync(join(contentDir, name))));
    expect(summary.entries).toBe(200);
    expect(written).toHaveLength(200);
    expect(summary.sets).toBeGreaterThan(1);
    // A copied role lists its skills by their set-1 slugs where that set has them.
    const role = readdirSync(join(outDir, 'roles')).find((name) => name.endsWith('-s1.mdx'))!;
    expect(readFileSync(join(outDir, 'roles', role), 'utf8')).toMatch(/skill: [a-z0-9-]+-s1\b/);
  });
});
