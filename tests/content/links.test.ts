/**
 * The content as writers wrote it: every page links into the rest of the
 * site, and no page is an orphan that only the indexes point to.
 */
import { describe, expect, it } from 'vitest';
import { publishedContent } from '../support/content-files';

const entries = publishedContent();
const INTERNAL_LINK = /\]\((\/(?:guides|roles|responsibilities|skills|paths)\/[a-z0-9-]+\/)(?:#[^)]*)?\)/g;

/** Every entry key ("skills/redis") that an entry points to, in frontmatter or body. */
function outgoing(entry: (typeof entries)[number]): Set<string> {
  const targets = new Set<string>();
  for (const match of entry.body.matchAll(INTERNAL_LINK)) targets.add(match[1]!.slice(1, -1));
  const add = (collection: string, value: unknown) => {
    if (typeof value === 'string') targets.add(`${collection}/${value}`);
  };
  const data = entry.data;
  for (const id of (data['responsibilities'] as string[] | undefined) ?? []) add('responsibilities', id);
  for (const item of (data['skills'] as (string | { skill: string })[] | undefined) ?? [])
    add('skills', typeof item === 'string' ? item : item.skill);
  for (const id of (data['relatedRoles'] as string[] | undefined) ?? []) add('roles', id);
  for (const id of (data['paths'] as string[] | undefined) ?? []) add('paths', id);
  for (const id of (data['next'] as string[] | undefined) ?? []) add('paths', id);
  for (const id of (data['prerequisites'] as string[] | undefined) ?? []) add('skills', id);
  add('skills', data['parent']);
  targets.delete(`${entry.collection}/${entry.id}`);
  return targets;
}

describe('links between pages', () => {
  it.each(entries.map((e) => [e.file, e] as const))('%s links to at least two other pages in its body', (_, entry) => {
    const bodyLinks = new Set([...entry.body.matchAll(INTERNAL_LINK)].map((m) => m[1]));
    expect(bodyLinks.size).toBeGreaterThanOrEqual(2);
  });

  it('has no orphan: every page is linked from at least one other page', () => {
    const linked = new Set(entries.flatMap((entry) => [...outgoing(entry)]));
    const orphans = entries.filter((e) => !linked.has(`${e.collection}/${e.id}`)).map((e) => e.file);
    expect(orphans).toEqual([]);
  });

  it('links only to pages that exist', () => {
    const keys = new Set(entries.map((e) => `${e.collection}/${e.id}`));
    const broken = entries.flatMap((e) =>
      [...e.body.matchAll(INTERNAL_LINK)].filter((m) => !keys.has(m[1]!.slice(1, -1))).map((m) => `${e.file}: ${m[1]}`),
    );
    expect(broken).toEqual([]);
  });
});
