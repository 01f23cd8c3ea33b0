import { SKILL_LEVELS, type SkillLevel } from '../schemas/vocabulary.ts';
import { DependencyCycleError, dependencyOrder } from './dependency-order.ts';
import type { AtlasEntry, ContentGraph } from './graph.ts';

/** Why a skill is on a role's learning path. */
export type LearningReason = SkillLevel | 'prerequisite';

export interface LearningStep {
  skill: AtlasEntry<'skills'>;
  /** core or useful as the role lists it; "prerequisite" when only needed before another skill. */
  reason: LearningReason;
  /** Skills on this path that this one builds on (its prerequisites). */
  after: AtlasEntry<'skills'>[];
  /** For prerequisites: the listed skills that need it. */
  neededFor: AtlasEntry<'skills'>[];
}

/** Thrown when skill prerequisites loop, so no learning order exists. */
export class PrerequisiteCycleError extends Error {
  readonly cycle: string[];
  constructor(cause: DependencyCycleError, graph: ContentGraph, role: AtlasEntry<'roles'>) {
    const file = (id: string) => graph.get('skills', id).filePath;
    super(
      `Skill prerequisites form a loop, so the learning path of ${role.filePath} has no order: ` +
        cause.cycle.map((id) => `${id} (${file(id)})`).join(' needs ') +
        `. Remove one of these links from a "prerequisites" field so that one skill in the loop can be learned first.`,
    );
    this.name = 'PrerequisiteCycleError';
    this.cycle = cause.cycle;
  }
}

/**
 * A role's skills in the order to learn them: core skills before useful ones, each
 * group in the order the role lists them, and every skill right after the
 * prerequisites it still needs (prerequisites the role does not list are added
 * and marked as such).
 */
export function learningPath(graph: ContentGraph, role: AtlasEntry<'roles'>): LearningStep[] {
  const listed = new Map(role.data.skills.map((item) => [item.skill.id, item.level]));
  const position = new Map(role.data.skills.map((item, index) => [item.skill.id, index]));
  // Every skill on the path: the listed ones and, transitively, their prerequisites.
  const neededFor = new Map<string, Set<string>>();
  const onPath = new Set<string>();
  for (const item of role.data.skills) {
    const seen = new Set<string>();
    const pending = [item.skill.id];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (seen.has(id)) continue; // also stops at a prerequisite loop, which dependencyOrder reports
      seen.add(id);
      onPath.add(id);
      if (id !== item.skill.id && !listed.has(id)) neededFor.set(id, (neededFor.get(id) ?? new Set()).add(item.skill.id));
      pending.push(...graph.get('skills', id).data.prerequisites.map((ref) => ref.id));
    }
  }

  const rank = (skill: AtlasEntry<'skills'>) => {
    const level = listed.get(skill.id);
    // Unlisted prerequisites rank last: each is placed just before the first listed skill that needs it.
    return level ? [SKILL_LEVELS.indexOf(level), position.get(skill.id)!] : [SKILL_LEVELS.length, 0];
  };
  let ordered: AtlasEntry<'skills'>[];
  try {
    ordered = dependencyOrder(
      [...onPath].map((id) => graph.get('skills', id)),
      {
        id: (skill) => skill.id,
        dependencies: (skill) => skill.data.prerequisites.map((ref) => ref.id),
        priority: (a, b) => {
          const [levelA, indexA] = rank(a);
          const [levelB, indexB] = rank(b);
          return levelA! - levelB! || indexA! - indexB! || a.data.title.localeCompare(b.data.title, 'en');
        },
      },
    );
  } catch (error) {
    if (error instanceof DependencyCycleError) throw new PrerequisiteCycleError(error, graph, role);
    throw error;
  }

  return ordered.map((skill) => ({
    skill,
    reason: listed.get(skill.id) ?? 'prerequisite',
    after: skill.data.prerequisites.filter((ref) => onPath.has(ref.id)).map((ref) => graph.get('skills', ref.id)),
    neededFor: [...(neededFor.get(skill.id) ?? [])].map((id) => graph.get('skills', id)),
  }));
}
