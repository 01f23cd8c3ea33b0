import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { apiCollection, apiEntry, apiFilePath, apiIndex, type ApiUrls } from './content-api.ts';
import { contentApiSchema } from './content-api-schema.ts';
import { fixtureGuide, fixturePath, fixtureResponsibility, fixtureRole, fixtureSkill } from '../content/entry-fixtures.ts';
import { ContentGraph } from './graph.ts';

const site = 'https://atlas.example.org/';
const urls: ApiUrls = {
  site,
  page: (entry) => `${site}${entry.collection}/${entry.id}/`,
  file: (path) => `${site}${path}`,
};
const graph = new ContentGraph([
  fixtureResponsibility('apis', { skills: ['http'] }),
  fixtureSkill('languages', { category: 'languages' }),
  fixtureSkill('http', { category: 'apis', previousIds: ['http-basics'] }),
  fixtureSkill('go', { category: 'languages', parent: 'languages', prerequisites: ['languages'] }),
  fixturePath('junior', { next: ['senior'], order: 1 }),
  fixturePath('senior', { order: 2 }),
  fixturePath('startups', { kind: 'workplace', next: ['senior'] }),
  fixtureRole('backend', {
    order: 1,
    onetSoc: '15-1252.00',
    responsibilities: ['apis'],
    skills: [
      ['http', 'core'],
      ['go', 'useful'],
    ],
    relatedRoles: ['platform'],
    paths: ['junior'],
  }),
  fixtureRole('platform', { order: 2, responsibilities: ['apis'], skills: [['go', 'core']] }),
  fixtureGuide('what-is-backend'),
]);

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(contentApiSchema(`${site}api/schema.json`));
const problems = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('the JSON API', () => {
  it('validates every kind of file against the published schema', () => {
    expect(problems(apiIndex(graph, urls, 'Atlas', 'About backend work.'))).toEqual([]);
    for (const collection of ['roles', 'skills', 'responsibilities', 'paths', 'guides'] as const) {
      expect(problems(apiCollection(graph, collection, urls)), collection).toEqual([]);
    }
    for (const entry of graph.all()) expect(problems(apiEntry(graph, entry, urls)), `${entry.collection}/${entry.id}`).toEqual([]);
  });

  it('rejects a file with a field the schema does not know, so code and schema cannot drift apart', () => {
    const role = { ...apiEntry(graph, graph.get('roles', 'backend'), urls), salary: 1 };
    expect(problems(role).join('\n')).toContain('must NOT have additional properties');
  });

  it('resolves references into links with page and API addresses', () => {
    const role = apiEntry(graph, graph.get('roles', 'backend'), urls);
    if (role.collection !== 'roles') throw new Error('expected a role');
    expect(role.skills).toEqual([
      { skill: { collection: 'skills', id: 'http', title: 'Http', url: `${site}skills/http/`, api: `${site}api/skills/http.json` }, level: 'core' },
      { skill: { collection: 'skills', id: 'go', title: 'Go', url: `${site}skills/go/`, api: `${site}api/skills/go.json` }, level: 'useful' },
    ]);
    expect(role.onetSoc).toBe('15-1252.00');
  });

  it('includes the links the site derives: reverse links, learning path and comparisons', () => {
    const go = apiEntry(graph, graph.get('skills', 'go'), urls);
    if (go.collection !== 'skills') throw new Error('expected a skill');
    expect(go.neededBy.map((n) => [n.role.id, n.level])).toEqual([
      ['backend', 'useful'],
      ['platform', 'core'],
    ]);
    const platform = apiEntry(graph, graph.get('roles', 'platform'), urls);
    if (platform.collection !== 'roles') throw new Error('expected a role');
    expect(platform.learningPath.map((s) => [s.skill.id, s.reason])).toEqual([
      ['languages', 'prerequisite'],
      ['go', 'core'],
    ]);
    expect(platform.comparisons.map((c) => c.url)).toEqual([`${site}compare/backend-vs-platform/`]);
    const senior = apiEntry(graph, graph.get('paths', 'senior'), urls);
    if (senior.collection !== 'paths') throw new Error('expected a path');
    expect(senior.after.map((p) => p.id)).toEqual(['junior', 'startups']);
  });

  it('lists the ids an entry had before it was renamed, in its file and its collection’s, and only when it has any', () => {
    const http = apiEntry(graph, graph.get('skills', 'http'), urls);
    expect(http.previousIds).toEqual(['http-basics']);
    const items = apiCollection(graph, 'skills', urls).items;
    expect(items.find((item) => item.id === 'http')?.previousIds).toEqual(['http-basics']);
    expect('previousIds' in items.find((item) => item.id === 'go')!).toBe(false);
  });

  it('lists a collection with counts that match the graph', () => {
    const skills = apiCollection(graph, 'skills', urls);
    expect(skills.count).toBe(3);
    expect(skills.items.map((i) => i.id)).toEqual(graph.list('skills').map((s) => s.id));
    expect(apiFilePath.entry(graph.get('skills', 'go'))).toBe('api/skills/go.json');
  });
});
