/**
 * The JSON Schema (draft 2020-12) of every file of the static JSON API, published
 * at /api/schema.json. Strict (no unknown properties), so a build test that
 * validates every API file against it catches any drift between code and schema.
 */
import { COLLECTION_NAMES } from '../content/collections.ts';
import { GUIDE_SECTIONS, PATH_KINDS, PATH_TRACKS, SKILL_CATEGORIES, SKILL_LEVELS } from '../../schemas/vocabulary.ts';
import { API_VERSION } from './content-api.ts';

const string = { type: 'string' } as const;
const url = { type: 'string', format: 'uri' } as const;
const date = { type: 'string', format: 'date', description: 'YYYY-MM-DD' } as const;
const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } as const;
const strings = { type: 'array', items: string } as const;
const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
const links = { type: 'array', items: ref('link') } as const;
const object = (properties: Record<string, unknown>, required: string[]) => ({ type: 'object', additionalProperties: false, required, properties });

const PREVIOUS_IDS = {
  type: 'array',
  items: slug,
  description: 'Ids the entry had before it was renamed (listed only when there are any): anything saved under one of them belongs to this entry.',
} as const;

const entryCommon = {
  $schema: url,
  collection: { enum: COLLECTION_NAMES },
  id: slug,
  title: string,
  url: { ...url, description: 'The page on the site.' },
  api: { ...url, description: 'This file.' },
  description: string,
  updated: date,
  group: { ...string, description: 'The heading the entry is listed under on its index page (category, kind or section).' },
  license: url,
  sources: { type: 'array', items: ref('source') },
  aliases: { ...strings, description: 'Other names readers search for.' },
  previousIds: PREVIOUS_IDS,
};
const entryRequired = ['$schema', 'collection', 'id', 'title', 'url', 'api', 'description', 'updated', 'license', 'sources', 'aliases'];
const entry = (collection: string, properties: Record<string, unknown>, required: string[]) =>
  object({ ...entryCommon, collection: { const: collection }, ...properties }, [...entryRequired, ...required]);

export function contentApiSchema(schemaUrl: string) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl,
    title: `Backend Atlas content API, version ${API_VERSION}`,
    description:
      'Every file under /api/: index.json (the collections), <collection>.json (the entries of one collection) and <collection>/<id>.json (one entry, with its references resolved and its derived links). Content licensed CC BY 4.0.',
    oneOf: [ref('index'), ref('collection'), ref('role'), ref('skill'), ref('responsibility'), ref('path'), ref('guide')],
    $defs: {
      link: object({ collection: { enum: COLLECTION_NAMES }, id: slug, title: string, url, api: url }, ['collection', 'id', 'title', 'url', 'api']),
      source: object({ title: string, publisher: string, url, edition: string }, ['title', 'publisher', 'url', 'edition']),
      summary: object(
        {
          collection: { enum: COLLECTION_NAMES },
          id: slug,
          title: string,
          url,
          api: url,
          description: string,
          updated: date,
          group: string,
          previousIds: PREVIOUS_IDS,
        },
        ['collection', 'id', 'title', 'url', 'api', 'description', 'updated'],
      ),
      index: object(
        {
          $schema: url,
          name: string,
          description: string,
          version: { const: API_VERSION },
          site: url,
          license: url,
          collections: {
            type: 'array',
            items: object(
              { collection: { enum: COLLECTION_NAMES }, label: string, description: string, count: { type: 'integer', minimum: 0 }, api: url },
              ['collection', 'label', 'description', 'count', 'api'],
            ),
          },
        },
        ['$schema', 'name', 'description', 'version', 'site', 'license', 'collections'],
      ),
      collection: object(
        {
          $schema: url,
          collection: { enum: COLLECTION_NAMES },
          label: string,
          license: url,
          count: { type: 'integer', minimum: 0 },
          items: { type: 'array', items: ref('summary') },
        },
        ['$schema', 'collection', 'label', 'license', 'count', 'items'],
      ),
      role: entry(
        'roles',
        {
          order: { type: 'integer' },
          onetSoc: { type: 'string', pattern: '^\\d{2}-\\d{4}\\.\\d{2}$', description: 'O*NET-SOC 2019 occupation code.' },
          responsibilities: links,
          skills: { type: 'array', items: object({ skill: ref('link'), level: { enum: SKILL_LEVELS } }, ['skill', 'level']) },
          languages: {
            ...object({ level: { enum: SKILL_LEVELS }, oneOf: links }, ['level', 'oneOf']),
            description: 'The server language the role needs: one of these, not all.',
          },
          relatedRoles: links,
          paths: links,
          learningPath: {
            type: 'array',
            description: 'Skills in the order to learn them: each after its prerequisites, core before useful.',
            items: object(
              {
                skill: ref('link'),
                reason: { enum: [...SKILL_LEVELS, 'prerequisite'] },
                after: { type: 'array', items: slug },
                oneOf: { type: 'array', items: slug, description: 'For the server language step: the languages to choose one from.' },
              },
              ['skill', 'reason', 'after'],
            ),
          },
          comparisons: { type: 'array', items: object({ role: ref('link'), url }, ['role', 'url']) },
        },
        ['order', 'responsibilities', 'skills', 'relatedRoles', 'paths', 'learningPath', 'comparisons'],
      ),
      skill: entry(
        'skills',
        {
          category: { enum: SKILL_CATEGORIES },
          parent: ref('link'),
          includes: links,
          prerequisites: links,
          buildsTowards: links,
          neededBy: {
            type: 'array',
            items: object(
              {
                role: ref('link'),
                level: { enum: SKILL_LEVELS },
                oneOf: { type: 'integer', description: 'Set when the skill is one of the role’s languages: how many it chooses from.' },
              },
              ['role', 'level'],
            ),
          },
          usedIn: links,
        },
        ['category', 'includes', 'prerequisites', 'buildsTowards', 'neededBy', 'usedIn'],
      ),
      responsibility: entry('responsibilities', { order: { type: 'integer' }, skills: links, roles: links }, ['order', 'skills', 'roles']),
      path: entry(
        'paths',
        { kind: { enum: PATH_KINDS }, order: { type: 'integer' }, track: { enum: PATH_TRACKS }, next: links, after: links, roles: links },
        ['kind', 'order', 'next', 'after', 'roles'],
      ),
      guide: entry('guides', { section: { enum: GUIDE_SECTIONS }, order: { type: 'integer' } }, ['section', 'order']),
    },
  };
}
