import { describe, expect, it } from 'vitest';
import { fixtureResponsibility, fixtureRole, fixtureSkill } from '../content/entry-fixtures.ts';
import { ContentGraph } from './graph.ts';
import { buildSkillsMatrix, countText, levelLabel } from './skills-matrix.ts';

describe('buildSkillsMatrix', () => {
  const graph = new ContentGraph([
    fixtureResponsibility('apis'),
    fixtureSkill('sql', { category: 'databases' }),
    fixtureSkill('go', { category: 'languages' }),
    fixtureSkill('cobol', { category: 'languages' }),
    fixtureSkill('git', { category: 'practices' }),
    fixtureRole('backend', {
      order: 1,
      responsibilities: ['apis'],
      skills: [
        ['sql', 'core'],
        ['go', 'useful'],
      ],
    }),
    fixtureRole('dba', {
      order: 2,
      responsibilities: ['apis'],
      skills: [
        ['sql', 'core'],
        ['git', 'useful'],
      ],
    }),
  ]);
  const matrix = buildSkillsMatrix(graph);

  it('has one column per role, in display order', () => {
    expect(matrix.roles.map((r) => r.id)).toEqual(['backend', 'dba']);
  });

  it('groups every skill by category in vocabulary order, including skills no role lists', () => {
    expect(matrix.groups.map((g) => [g.category, g.rows.map((r) => r.skill.id)])).toEqual([
      ['languages', ['cobol', 'go']],
      ['databases', ['sql']],
      ['practices', ['git']],
    ]);
  });

  it('gives each cell the level the role lists, or undefined, and counts them per row', () => {
    const rows = new Map(matrix.groups.flatMap((g) => g.rows).map((row) => [row.skill.id, row]));
    expect(rows.get('sql')!.cells.map((c) => [c.role.id, c.level])).toEqual([
      ['backend', 'core'],
      ['dba', 'core'],
    ]);
    expect(rows.get('go')!.cells.map((c) => c.level)).toEqual(['useful', undefined]);
    expect([rows.get('sql')!.core, rows.get('sql')!.useful]).toEqual([2, 0]);
    expect([rows.get('cobol')!.core, rows.get('cobol')!.useful]).toEqual([0, 0]);
  });

  it('shows a language that is one of a role’s several languages at the role’s level, marked as a choice, never as unlisted', () => {
    const withChoice = buildSkillsMatrix(
      new ContentGraph([
        fixtureResponsibility('apis'),
        fixtureSkill('go', { category: 'languages' }),
        fixtureSkill('ruby', { category: 'languages' }),
        fixtureSkill('cobol', { category: 'languages' }),
        fixtureRole('backend', { responsibilities: ['apis'], skills: [['go', 'useful']], languages: ['core', ['go', 'ruby']] }),
      ]),
    );
    const rows = new Map(withChoice.groups.flatMap((g) => g.rows).map((row) => [row.skill.id, row]));
    // A skill the role lists outright keeps that level; the set covers the others.
    expect(rows.get('go')!.cells[0]).toMatchObject({ level: 'useful' });
    expect(rows.get('ruby')!.cells[0]).toMatchObject({ level: 'core', choiceOf: 2 });
    expect(countText(rows.get('ruby')!)).toBe('core for 1 (all as one language of several)');
    expect(countText(rows.get('cobol')!)).toBe('no role lists it');
    expect(levelLabel('core', 2)).toBe('core, one of 2 languages');
  });
});
