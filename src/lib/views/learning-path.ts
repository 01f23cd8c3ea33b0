import { SKILL_LEVELS, type SkillLevel } from '../../schemas/vocabulary.ts';
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
  /** For the role's server language: the languages to choose one from (`skill` is the first). */
  choice?: AtlasEntry<'skills'>[];
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
  // The role's server language is one step: choose one of the options. Its id cannot clash with a slug.
  const languages = role.data.languages;
  const options = (languages?.from ?? []).map((ref) => graph.get('skills', ref.id)).filter((skill) => !listed.has(skill.id));
  const CHOICE = '@language';
  // Every skill on the path: the listed ones and, transitively, their prerequisites (and the options').
  const neededFor = new Map<string, Set<string>>();
  const onPath = new Set<string>();
  const starts = [
    ...role.data.skills.map((item) => ({ id: item.skill.id, from: [item.skill.id] })),
    ...(options.length > 0 ? [{ id: CHOICE, from: options.map((o) => o.id) }] : []),
  ];
  for (const start of starts) {
    const seen = new Set<string>();
    const pending = start.from.flatMap((id) => (start.id === CHOICE ? graph.get('skills', id).data.prerequisites.map((ref) => ref.id) : [id]));
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (seen.has(id) || options.some((option) => option.id === id)) continue; // also stops at a loop, which dependencyOrder reports
      seen.add(id);
      onPath.add(id);
      if (id !== start.id && !listed.has(id)) neededFor.set(id, (neededFor.get(id) ?? new Set()).add(start.id));
      pending.push(...graph.get('skills', id).data.prerequisites.map((ref) => ref.id));
    }
  }

  type Node = { id: string; skill: AtlasEntry<'skills'>; dependencies: string[] };
  const nodes: Node[] = [...onPath].map((id) => {
    const skill = graph.get('skills', id);
    return { id, skill, dependencies: skill.data.prerequisites.map((ref) => ref.id) };
  });
  if (options.length > 0) {
    const dependencies = [...new Set(options.flatMap((option) => option.data.prerequisites.map((ref) => ref.id)))].filter((id) => onPath.has(id));
    nodes.push({ id: CHOICE, skill: options[0]!, dependencies });
  }
  const levelOf = (node: Node) => (node.id === CHOICE ? languages!.level : listed.get(node.id));
  const rank = (node: Node) => {
    const level = levelOf(node);
    // The language comes first among skills of its level; unlisted prerequisites rank last: each is
    // placed just before the first listed skill that needs it.
    if (node.id === CHOICE) return [SKILL_LEVELS.indexOf(level!), -1];
    return level ? [SKILL_LEVELS.indexOf(level), position.get(node.id)!] : [SKILL_LEVELS.length, 0];
  };
  let ordered: Node[];
  try {
    ordered = dependencyOrder(nodes, {
      id: (node) => node.id,
      dependencies: (node) => node.dependencies,
      priority: (a, b) => {
        const [levelA, indexA] = rank(a);
        const [levelB, indexB] = rank(b);
        return levelA! - levelB! || indexA! - indexB! || a.skill.data.title.localeCompare(b.skill.data.title, 'en');
      },
    });
  } catch (error) {
    if (error instanceof DependencyCycleError) throw new PrerequisiteCycleError(error, graph, role);
    throw error;
  }

  return ordered.map((node) => ({
    skill: node.skill,
    reason: levelOf(node) ?? 'prerequisite',
    after: node.dependencies.filter((id) => onPath.has(id)).map((id) => graph.get('skills', id)),
    neededFor: [...(neededFor.get(node.id) ?? [])].filter((id) => id !== CHOICE).map((id) => graph.get('skills', id)),
    ...(node.id === CHOICE && { choice: options }),
  }));
}
