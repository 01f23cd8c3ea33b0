/**
 * Small, valid content entries for unit tests of the graph-derived views.
 * Each builder takes only what a test cares about and fills in the rest.
 */
import type { SkillCategory, SkillLevel } from '../../schemas/vocabulary.ts';
import { articleFacts, NO_ARTICLE_FACTS } from '../article/facts.ts';
import type { AtlasEntry } from '../views/graph.ts';

/** An entry's digest and facts for an article of this text (the content loader works them out from the file). */
export const withText = (body: string) => ({ digest: `digest of ${body}`, facts: articleFacts(body) });

const base = {
  description: 'A description long enough to pass the schema minimum of fifty.',
  updated: new Date('2026-11-26'),
  draft: false,
  sources: [],
  aliases: [],
  previousIds: [],
};
const ref = <C extends string>(collection: C, id: string) => ({ collection, id });
const titleOf = (id: string) => id.replace(/(^|-)(\w)/g, (_, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`);

export function fixtureSkill(
  id: string,
  extra: { category?: SkillCategory; parent?: string; prerequisites?: string[]; title?: string; previousIds?: string[] } = {},
): AtlasEntry<'skills'> {
  return {
    collection: 'skills',
    id,
    filePath: `content/skills/${id}.mdx`,
    digest: '',
    facts: NO_ARTICLE_FACTS,
    data: {
      ...base,
      title: extra.title ?? titleOf(id),
      category: extra.category ?? 'databases',
      ...(extra.parent && { parent: ref('skills', extra.parent) }),
      prerequisites: (extra.prerequisites ?? []).map((p) => ref('skills', p)),
      previousIds: extra.previousIds ?? [],
    },
  } as AtlasEntry<'skills'>;
}

export function fixtureRole(
  id: string,
  extra: {
    skills?: [string, SkillLevel][];
    responsibilities?: string[];
    relatedRoles?: string[];
    paths?: string[];
    order?: number;
    onetSoc?: string;
    /** The role's server languages: one of these at this level. */
    languages?: [SkillLevel, string[]];
  } = {},
): AtlasEntry<'roles'> {
  return {
    collection: 'roles',
    id,
    filePath: `content/roles/${id}.mdx`,
    digest: '',
    facts: NO_ARTICLE_FACTS,
    data: {
      ...base,
      title: titleOf(id),
      order: extra.order ?? 100,
      responsibilities: (extra.responsibilities ?? []).map((r) => ref('responsibilities', r)),
      skills: (extra.skills ?? []).map(([skill, level]) => ({ skill: ref('skills', skill), level })),
      relatedRoles: (extra.relatedRoles ?? []).map((r) => ref('roles', r)),
      paths: (extra.paths ?? []).map((p) => ref('paths', p)),
      ...(extra.onetSoc && { onetSoc: extra.onetSoc }),
      ...(extra.languages && { languages: { level: extra.languages[0], from: extra.languages[1].map((id) => ref('skills', id)) } }),
    },
  } as AtlasEntry<'roles'>;
}

export function fixtureResponsibility(id: string, extra: { skills?: string[]; order?: number } = {}): AtlasEntry<'responsibilities'> {
  return {
    collection: 'responsibilities',
    id,
    filePath: `content/responsibilities/${id}.mdx`,
    digest: '',
    facts: NO_ARTICLE_FACTS,
    data: { ...base, title: titleOf(id), order: extra.order ?? 100, skills: (extra.skills ?? []).map((s) => ref('skills', s)) },
  } as AtlasEntry<'responsibilities'>;
}

export function fixturePath(
  id: string,
  extra: {
    kind?: 'level' | 'workplace' | 'specialisation';
    order?: number;
    track?: 'individual' | 'management';
    next?: string[];
    title?: string;
  } = {},
): AtlasEntry<'paths'> {
  const kind = extra.kind ?? 'level';
  return {
    collection: 'paths',
    id,
    filePath: `content/paths/${id}.mdx`,
    digest: '',
    facts: NO_ARTICLE_FACTS,
    data: {
      ...base,
      title: extra.title ?? titleOf(id),
      kind,
      order: extra.order ?? 100,
      ...(kind === 'level' && { track: extra.track ?? 'individual' }),
      next: (extra.next ?? []).map((n) => ref('paths', n)),
    },
  } as AtlasEntry<'paths'>;
}

export function fixtureGuide(id: string, extra: { section?: 'overview' | 'impact' | 'career'; body?: string } = {}): AtlasEntry<'guides'> {
  return {
    collection: 'guides',
    id,
    filePath: `content/guides/${id}.mdx`,
    ...withText(extra.body ?? ''),
    data: { ...base, title: titleOf(id), section: extra.section ?? 'overview', order: 100 },
  } as AtlasEntry<'guides'>;
}
