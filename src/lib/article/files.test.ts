import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneArticles, readArticle, saveArticle } from './files.ts';
import { tempDir } from '../../../tests/support/temp-files.ts';

const folder = () => join(tempDir('articles'), 'guides');

describe('rendered article files', () => {
  it('names a file by its HTML, so the same HTML is written once and different HTML never overwrites it', () => {
    const dir = folder();
    const first = saveArticle(dir, '<p>One</p>');
    expect(saveArticle(dir, '<p>One</p>')).toBe(first);
    const second = saveArticle(dir, '<p>Two</p>');
    expect(second).not.toBe(first);
    expect([readFileSync(first, 'utf8'), readFileSync(second, 'utf8')]).toEqual(['<p>One</p>', '<p>Two</p>']);
    expect(readArticle(second, 'content/guides/two.mdx')).toBe('<p>Two</p>');
  });

  it('removes the files no entry points to any more, and keeps the rest', () => {
    const dir = folder();
    const kept = saveArticle(dir, '<p>Current</p>');
    const old = saveArticle(dir, '<p>Before the edit</p>');
    pruneArticles(dir, new Set([kept]));
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('says which article is missing and how to recover when its file is gone', () => {
    expect(() => readArticle('/nowhere/abc.html', 'content/guides/redis.mdx')).toThrow(
      'The rendered article for content/guides/redis.mdx is missing (/nowhere/abc.html). Delete the build cache folder and build again.',
    );
  });
});
