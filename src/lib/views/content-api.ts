/**
 * The static JSON API: the content graph as files under /api/, so others can
 * build on the data. Every file names its JSON Schema (/api/schema.json, see
 * content-api-schema.ts); a build test validates every file against it.
 */
import type { Source } from '../../schemas/common.ts';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../content/collections.ts';
import { entryGroup } from '../content/entry-labels.ts';
import type { AtlasEntry, ContentGraph } from './graph.ts';
import { learningPath } from './learning-path.ts';
import { comparisonsFor } from './role-comparison.ts';

export const API_VERSION = 1;
export const CONTENT_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

/** Where things live, as absolute URLs: the API is read from other sites. */
export interface ApiUrls {
  site: string;
  page: (entry: AtlasEntry) => string;
  file: (path: string) => string;
}

export const apiFilePath = {
  index: () => 'api/index.json',
  schema: () => 'api/schema.json',
  collection: (collection: CollectionName) => `api/${collection}.json`,
  entry: (entry: { collection: CollectionName; id: string }) => `api/${entry.collection}/${entry.id}.json`,
};

export interface ApiLink {
  collection: CollectionName;
  id: string;
  title: string;
  url: string;
  api: string;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function linkTo(entry: AtlasEntry, urls: ApiUrls): ApiLink {
  return { collection: entry.collection, id: entry.id, title: entry.data.title, url: urls.page(entry), api: urls.file(apiFilePath.entry(entry)) };
}

function sourcesOf(sources: readonly Source[]) {
  return sources.map((source) => ({ title: source.title, publisher: source.publisher, url: source.url, edition: source.edition }));
}

/** The short form of an entry, as listed in its collection's file. */
function summary(entry: AtlasEntry, urls: ApiUrls) {
  const group = entryGroup(entry);
  return {
    ...linkTo(entry, urls),
    description: entry.data.description,
    updated: isoDate(entry.data.updated),
    ...(group && { group }),
    ...(entry.data.previousIds.length > 0 && { previousIds: entry.data.previousIds }),
  };
}

export function apiIndex(graph: ContentGraph, urls: ApiUrls, siteName: string, description: string) {
  return {
    $schema: urls.file(apiFilePath.schema()),
    name: siteName,
    description,
    version: API_VERSION,
    site: urls.site,
    license: CONTENT_LICENSE,
    collections: COLLECTION_NAMES.map((collection) => ({
      collection,
      label: COLLECTIONS[collection].plural,
      description: COLLECTIONS[collection].intro,
      count: graph.list(collection).length,
      api: urls.file(apiFilePath.collection(collection)),
    })),
  };
}

export function apiCollection(graph: ContentGraph, collection: CollectionName, urls: ApiUrls) {
  return {
    $schema: urls.file(apiFilePath.schema()),
    collection,
    label: COLLECTIONS[collection].plural,
    license: CONTENT_LICENSE,
    count: graph.list(collection).length,
    items: graph.list(collection).map((entry) => summary(entry, urls)),
  };
}

/** Everything about one entry: its frontmatter with references resolved, and the links derived from the graph. */
export function apiEntry(graph: ContentGraph, entry: AtlasEntry, urls: ApiUrls) {
  const link = (target: AtlasEntry) => linkTo(target, urls);
  const common = {
    $schema: urls.file(apiFilePath.schema()),
    ...summary(entry, urls),
    license: CONTENT_LICENSE,
    sources: sourcesOf(entry.data.sources),
  };
  switch (entry.collection) {
    case 'roles': {
      const data = entry.data;
      return {
        ...common,
        collection: entry.collection,
        order: data.order,
        aliases: data.aliases,
        ...(data.onetSoc && { onetSoc: data.onetSoc }),
        responsibilities: data.responsibilities.map((ref) => link(graph.get('responsibilities', ref.id))),
        skills: data.skills.map((item) => ({ skill: link(graph.get('skills', item.skill.id)), level: item.level })),
        ...(data.languages && {
          languages: { level: data.languages.level, oneOf: data.languages.from.map((ref) => link(graph.get('skills', ref.id))) },
        }),
        relatedRoles: graph.relatedRoles(entry).map(link),
        paths: data.paths.map((ref) => link(graph.get('paths', ref.id))),
        learningPath: learningPath(graph, entry).map((step) => ({
          skill: link(step.skill),
          reason: step.reason,
          after: step.after.map((skill) => skill.id),
          ...(step.choice && { oneOf: step.choice.map((skill) => skill.id) }),
        })),
        comparisons: comparisonsFor(graph, entry).map(({ pair, other }) => ({ role: link(other), url: urls.file(`compare/${pair.slug}/`) })),
      };
    }
    case 'skills': {
      const data = entry.data;
      return {
        ...common,
        collection: entry.collection,
        category: data.category,
        aliases: data.aliases,
        ...(data.parent && { parent: link(graph.get('skills', data.parent.id)) }),
        includes: graph.referrers(entry, 'skills', 'parent').map(link),
        prerequisites: data.prerequisites.map((ref) => link(graph.get('skills', ref.id))),
        buildsTowards: graph.referrers(entry, 'skills', 'prerequisites').map(link),
        neededBy: graph
          .rolesNeedingSkill(entry)
          .map((item) => ({ role: link(item.entry), level: item.note!, ...(item.choiceOf && { oneOf: item.choiceOf }) })),
        usedIn: graph.referrers(entry, 'responsibilities', 'skills').map(link),
      };
    }
    case 'responsibilities':
      return {
        ...common,
        collection: entry.collection,
        order: entry.data.order,
        aliases: entry.data.aliases,
        skills: entry.data.skills.map((ref) => link(graph.get('skills', ref.id))),
        roles: graph.referrers(entry, 'roles', 'responsibilities').map(link),
      };
    case 'paths': {
      const data = entry.data;
      return {
        ...common,
        collection: entry.collection,
        kind: data.kind,
        order: data.order,
        ...(data.track && { track: data.track }),
        aliases: data.aliases,
        next: data.next.map((ref) => link(graph.get('paths', ref.id))),
        after: graph.referrers(entry, 'paths', 'next').map(link),
        roles: graph.referrers(entry, 'roles', 'paths').map(link),
      };
    }
    case 'guides':
      return {
        ...common,
        collection: entry.collection,
        section: entry.data.section,
        order: entry.data.order,
        aliases: entry.data.aliases,
      };
  }
}
