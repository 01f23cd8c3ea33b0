import { SKILL_CATEGORIES, SKILL_CATEGORY_LABELS, type SkillCategory, type SkillLevel } from '../../schemas/vocabulary.ts';
import { type AtlasEntry, type ContentGraph, languageChoice } from './graph.ts';

/** One cell: how much a role relies on a skill; undefined when the role does not list it. */
export interface MatrixCell {
  role: AtlasEntry<'roles'>;
  level: SkillLevel | undefined;
  /** When the skill is one of the role's languages: how many it chooses from. */
  choiceOf?: number;
}

export interface MatrixRow {
  skill: AtlasEntry<'skills'>;
  /** One cell per role, in the order of `SkillsMatrix.roles`. */
  cells: MatrixCell[];
  /** How many roles list the skill as core, and as useful (one of a role's languages counts, at its level). */
  core: number;
  useful: number;
  /** How many of those roles list it as one language among several. */
  choice: number;
}

export interface MatrixGroup {
  category: SkillCategory;
  label: string;
  /** Anchor id of the group's heading row. */
  id: string;
  rows: MatrixRow[];
}

export interface SkillsMatrix {
  /** The columns, in roles display order. */
  roles: AtlasEntry<'roles'>[];
  /** Every published skill, grouped by category in vocabulary order; empty categories are left out. */
  groups: MatrixGroup[];
}

/** Roles as columns, skills as rows grouped by category, each cell the level the role gives the skill. */
export function buildSkillsMatrix(graph: ContentGraph): SkillsMatrix {
  const roles = graph.list('roles');
  const levels = new Map(roles.map((role) => [role.id, new Map(role.data.skills.map((item) => [item.skill.id, item.level]))]));
  const rowOf = (skill: AtlasEntry<'skills'>): MatrixRow => {
    const cells = roles.map((role): MatrixCell => {
      const level = levels.get(role.id)!.get(skill.id);
      const choice = level ? undefined : languageChoice(role, skill);
      return choice ? { role, level: choice.level, choiceOf: choice.of } : { role, level };
    });
    return {
      skill,
      cells,
      core: cells.filter((cell) => cell.level === 'core').length,
      useful: cells.filter((cell) => cell.level === 'useful').length,
      choice: cells.filter((cell) => cell.choiceOf !== undefined).length,
    };
  };
  const skills = graph.list('skills');
  const groups = SKILL_CATEGORIES.map((category) => ({
    category,
    label: SKILL_CATEGORY_LABELS[category],
    id: `matrix-${category}`,
    rows: skills.filter((skill) => skill.data.category === category).map(rowOf),
  })).filter((group) => group.rows.length > 0);
  return { roles, groups };
}

/** Text for a cell, so the level never depends on colour alone. */
export function levelLabel(level: SkillLevel | undefined, choiceOf?: number): string {
  if (!level) return 'not listed';
  return choiceOf ? `${level}, one of ${choiceOf} languages` : level;
}

/** What a row's counts say, e.g. "core for 3, useful for 1 (2 of them as one language of several)". */
export function countText(row: Pick<MatrixRow, 'core' | 'useful' | 'choice'>): string {
  if (row.core + row.useful === 0) return 'no role lists it';
  const counts = [row.core > 0 && `core for ${row.core}`, row.useful > 0 && `useful for ${row.useful}`].filter(Boolean).join(', ');
  return row.choice > 0 ? `${counts} (${row.choice === row.core + row.useful ? 'all' : row.choice} as one language of several)` : counts;
}
