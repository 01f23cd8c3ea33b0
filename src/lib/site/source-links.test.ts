import { describe, expect, it } from 'vitest';
import { sourceLinks } from './source-links.ts';

describe('sourceLinks', () => {
  it('points "edit" and "history" at the file on the main branch', () => {
    expect(sourceLinks('https://github.com/backend-atlas/backend-atlas', 'content/skills/redis.mdx')).toEqual({
      edit: 'https://github.com/backend-atlas/backend-atlas/edit/main/content/skills/redis.mdx',
      history: 'https://github.com/backend-atlas/backend-atlas/commits/main/content/skills/redis.mdx',
    });
  });

  it('copes with a trailing slash, ./ prefixes and Windows separators', () => {
    expect(sourceLinks('https://example.org/repo/', '.\\content\\guides\\a.mdx')?.edit).toBe(
      'https://example.org/repo/edit/main/content/guides/a.mdx',
    );
  });

  it('gives no links for files outside the project, such as test fixtures', () => {
    expect(sourceLinks('https://example.org/repo', '../../tmp/fixture/content/skills/x.mdx')).toBeUndefined();
    expect(sourceLinks('https://example.org/repo', '/tmp/fixture/content/skills/x.mdx')).toBeUndefined();
  });
});
