import { describe, expect, it } from 'vitest';
import { fixtureRole, fixtureSkill } from '../content/entry-fixtures.ts';
import type { AtlasEntry } from '../views/graph.ts';
import { buildTitleIndex, titleIndexFile } from './title-index.ts';

const pathOf = (entry: AtlasEntry) => `/${entry.collection}/${entry.id}/`;

describe('buildTitleIndex', () => {
  it('lists every entry’s address, title, search names, type and description, collection by collection and by id', () => {
    const redis = fixtureSkill('redis', { title: 'Redis' });
    const withAliases = { ...redis, data: { ...redis.data, aliases: ['valkey', 'redis cache'] } };
    const index = buildTitleIndex([fixtureSkill('caching'), withAliases, fixtureRole('backend-developer')], pathOf);
    expect(index.pages.map(([url]) => url)).toEqual(['/roles/backend-developer/', '/skills/caching/', '/skills/redis/']);
    expect(index.pages[2]).toEqual(['/skills/redis/', 'Redis', 'valkey, redis cache, redis', 'skill', redis.data.description]);
  });
});

describe('titleIndexFile', () => {
  it('names the file by a hash of its content: the same index, the same name; another index, another name', () => {
    const one = buildTitleIndex([fixtureSkill('redis')], pathOf);
    const file = titleIndexFile(one);
    expect(file.name).toMatch(/^titles-[\w-]{10}\.json$/);
    expect(file.name).toBe(`titles-${file.hash}.json`);
    expect(JSON.parse(file.json)).toEqual(one);
    expect(titleIndexFile(buildTitleIndex([fixtureSkill('redis')], pathOf)).name).toBe(file.name);
    expect(titleIndexFile(buildTitleIndex([fixtureSkill('redis', { title: 'Redis and Valkey' })], pathOf)).name).not.toBe(file.name);
  });
});
