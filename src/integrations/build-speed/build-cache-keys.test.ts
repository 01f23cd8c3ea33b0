import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { cardKey, entryPageKey, frontmatterPageKey, MIDDLEWARE_SOURCES } from './build-cache-keys.ts';
import { fixtureGuide } from '../../lib/content/entry-fixtures.ts';
import { ContentGraph } from '../../lib/views/graph.ts';

const guides = (edit: (id: string) => { title?: string; body?: string } = () => ({})) =>
  ['first', 'second'].map((id) => {
    const guide = fixtureGuide(id, { body: edit(id).body ?? `Text of ${id}.` });
    const title = edit(id).title;
    return title ? { ...guide, data: { ...guide.data, title } } : guide;
  });
const keyOf = (entries: ReturnType<typeof guides>, id: string) => {
  const graph = new ContentGraph(entries);
  return entryPageKey(graph, graph.get('guides', id));
};

describe('cache keys for incremental builds', () => {
  it('changes a page’s key when its own article text changes', () => {
    expect(
      keyOf(
        guides((id) => (id === 'first' ? { body: 'Edited.' } : {})),
        'first',
      ),
    ).not.toBe(keyOf(guides(), 'first'));
  });

  it('keeps a page’s key when only another article’s text changes, so that page is not rendered again', () => {
    expect(
      keyOf(
        guides((id) => (id === 'second' ? { body: 'Edited.' } : {})),
        'first',
      ),
    ).toBe(keyOf(guides(), 'first'));
  });

  it('changes a page’s key when another article starts linking to it, since its "Mentioned in" block changes', () => {
    const linked = guides((id) => (id === 'second' ? { body: 'See [the first guide](/guides/first/).' } : {}));
    expect(keyOf(linked, 'first')).not.toBe(keyOf(guides(), 'first'));
  });

  it('changes every page’s key when any title changes, since titles appear in related lists and the pager', () => {
    expect(
      keyOf(
        guides((id) => (id === 'second' ? { title: 'A new title' } : {})),
        'first',
      ),
    ).not.toBe(keyOf(guides(), 'first'));
  });

  it('keeps the key of a page that shows only frontmatter when an article’s text changes, and changes it with a title', () => {
    const listKey = (entries: ReturnType<typeof guides>) => frontmatterPageKey(new ContentGraph(entries), 'guides/');
    expect(listKey(guides((id) => (id === 'first' ? { body: 'Edited.' } : {})))).toBe(listKey(guides()));
    expect(listKey(guides((id) => (id === 'first' ? { title: 'A new title' } : {})))).not.toBe(listKey(guides()));
    expect(frontmatterPageKey(new ContentGraph(guides()), 'roles/')).not.toBe(listKey(guides()));
  });

  it('keys a social card by what it draws', () => {
    expect(cardKey({ title: 'Redis', kicker: 'Skill' })).toBe(cardKey({ title: 'Redis', kicker: 'Skill' }));
    expect(cardKey({ title: 'Redis', kicker: 'Skill' })).not.toBe(cardKey({ title: 'Redis!', kicker: 'Skill' }));
  });

  it('covers the middleware and every module it imports, which Astro does not hash for a page', () => {
    const imported = new Set<string>();
    const visit = (file: string) => {
      if (imported.has(file)) return;
      imported.add(file);
      for (const [, path] of readFileSync(file, 'utf8').matchAll(/^import [^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm)) visit(resolve(dirname(file), path!));
    };
    visit(join(process.cwd(), 'src/middleware.ts'));
    expect([...imported].map((file) => relative(process.cwd(), file)).sort()).toEqual([...MIDDLEWARE_SOURCES].sort());
  });
});
