import type { SkillLevel } from '../../schemas/vocabulary.ts';
import type { AtlasEntry, ContentGraph } from './graph.ts';

/** Two related roles, in roles display order. */
export interface RolePair {
  a: AtlasEntry<'roles'>;
  b: AtlasEntry<'roles'>;
  /** URL segment of the compare page, e.g. "backend-developer-vs-api-engineer". */
  slug: string;
}

/** What two lists of entries have in common and what only one of them has. */
export interface Overlap<T> {
  shared: T[];
  onlyA: T[];
  onlyB: T[];
}

export interface SharedSkill {
  skill: AtlasEntry<'skills'>;
  levelA: SkillLevel;
  levelB: SkillLevel;
}

export interface DistinctSkill {
  skill: AtlasEntry<'skills'>;
  level: SkillLevel;
}

export interface RoleComparison {
  pair: RolePair;
  responsibilities: Overlap<AtlasEntry<'responsibilities'>>;
  skills: { shared: SharedSkill[]; onlyA: DistinctSkill[]; onlyB: DistinctSkill[] };
  paths: Overlap<AtlasEntry<'paths'>>;
}

export const comparisonSlug = (a: AtlasEntry<'roles'>, b: AtlasEntry<'roles'>) => `${a.id}-vs-${b.id}`;

/** Every pair of related roles once (relatedRoles in either direction), in a stable order. */
export function rolePairs(graph: ContentGraph): RolePair[] {
  const roles = graph.list('roles');
  const pairs: RolePair[] = [];
  roles.forEach((a, index) => {
    const related = new Set(graph.relatedRoles(a).map((role) => role.id));
    for (const b of roles.slice(index + 1)) {
      if (related.has(b.id)) pairs.push({ a, b, slug: comparisonSlug(a, b) });
    }
  });
  return pairs;
}

/** The compare pages a role takes part in, each with the other role. */
export function comparisonsFor(graph: ContentGraph, role: AtlasEntry<'roles'>): { pair: RolePair; other: AtlasEntry<'roles'> }[] {
  return rolePairs(graph)
    .filter((pair) => pair.a.id === role.id || pair.b.id === role.id)
    .map((pair) => ({ pair, other: pair.a.id === role.id ? pair.b : pair.a }));
}

function overlap<T extends AtlasEntry>(graph: ContentGraph, a: readonly T[], b: readonly T[]): Overlap<T> {
  const inA = new Set(a.map((entry) => entry.id));
  const inB = new Set(b.map((entry) => entry.id));
  // Graph display order, so shared items read the same on every compare page.
  const position = new Map(graph.all().map((entry, index) => [entry, index]));
  const ordered = (entries: readonly T[]) => [...entries].sort((x, y) => position.get(x)! - position.get(y)!);
  return {
    shared: ordered(a.filter((entry) => inB.has(entry.id))),
    onlyA: ordered(a.filter((entry) => !inB.has(entry.id))),
    onlyB: ordered(b.filter((entry) => !inA.has(entry.id))),
  };
}

/** Shared and distinct responsibilities, skills (with each role's level) and career paths of two roles. */
export function compareRoles(graph: ContentGraph, pair: RolePair): RoleComparison {
  const { a, b } = pair;
  const resolve = <C extends 'responsibilities' | 'paths'>(collection: C, refs: readonly { id: string }[]) =>
    refs.map((ref) => graph.get(collection, ref.id));
  const skillsOf = (role: AtlasEntry<'roles'>) => role.data.skills.map((item) => graph.get('skills', item.skill.id));
  const levelIn = (role: AtlasEntry<'roles'>, skill: AtlasEntry<'skills'>) => role.data.skills.find((item) => item.skill.id === skill.id)!.level;
  const skills = overlap(graph, skillsOf(a), skillsOf(b));
  // Core before useful within each list, keeping graph order otherwise.
  const byLevel = <T extends { level: SkillLevel }>(items: T[]) => items.sort((x, y) => Number(x.level !== 'core') - Number(y.level !== 'core'));
  return {
    pair,
    responsibilities: overlap(graph, resolve('responsibilities', a.data.responsibilities), resolve('responsibilities', b.data.responsibilities)),
    skills: {
      shared: skills.shared.map((skill) => ({ skill, levelA: levelIn(a, skill), levelB: levelIn(b, skill) })),
      onlyA: byLevel(skills.onlyA.map((skill) => ({ skill, level: levelIn(a, skill) }))),
      onlyB: byLevel(skills.onlyB.map((skill) => ({ skill, level: levelIn(b, skill) }))),
    },
    paths: overlap(graph, resolve('paths', a.data.paths), resolve('paths', b.data.paths)),
  };
}
