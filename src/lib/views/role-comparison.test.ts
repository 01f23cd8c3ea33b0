import { describe, expect, it } from 'vitest';
import { fixturePath, fixtureResponsibility, fixtureRole, fixtureSkill } from '../content/entry-fixtures.ts';
import { ContentGraph } from './graph.ts';
import { compareRoles, comparisonsFor, rolePairs } from './role-comparison.ts';

describe('role comparison', () => {
  const graph = new ContentGraph([
    fixtureResponsibility('apis', { order: 1 }),
    fixtureResponsibility('data', { order: 2 }),
    fixtureResponsibility('uptime', { order: 3 }),
    fixtureSkill('sql'),
    fixtureSkill('http', { category: 'apis' }),
    fixtureSkill('linux', { category: 'infrastructure' }),
    fixtureSkill('kubernetes', { category: 'infrastructure' }),
    fixturePath('junior', { order: 1 }),
    fixturePath('senior', { order: 2 }),
    fixtureRole('backend', {
      order: 1,
      responsibilities: ['data', 'apis'],
      skills: [
        ['linux', 'useful'],
        ['sql', 'core'],
        ['http', 'core'],
      ],
      relatedRoles: ['dba'],
      paths: ['junior', 'senior'],
    }),
    fixtureRole('dba', {
      order: 2,
      responsibilities: ['data', 'uptime'],
      skills: [
        ['sql', 'core'],
        ['linux', 'core'],
      ],
      paths: ['senior'],
    }),
    // Lists backend as related, but backend does not list it back: still one pair.
    fixtureRole('sre', {
      order: 3,
      responsibilities: ['uptime'],
      skills: [
        ['kubernetes', 'core'],
        ['linux', 'core'],
      ],
      relatedRoles: ['backend'],
    }),
    fixtureRole('loner', { order: 4, responsibilities: ['apis'], skills: [['http', 'core']] }),
  ]);

  it('pairs related roles once each, in display order, whichever side lists the other', () => {
    expect(rolePairs(graph).map((p) => p.slug)).toEqual(['backend-vs-dba', 'backend-vs-sre']);
  });

  it('finds the compare pages a role takes part in', () => {
    expect(comparisonsFor(graph, graph.get('roles', 'sre')).map((c) => [c.pair.slug, c.other.id])).toEqual([['backend-vs-sre', 'backend']]);
    expect(comparisonsFor(graph, graph.get('roles', 'loner'))).toEqual([]);
  });

  it('splits responsibilities, skills and paths into shared and distinct, with each role’s level', () => {
    const comparison = compareRoles(graph, rolePairs(graph)[0]!);
    const ids = (list: { id: string }[]) => list.map((e) => e.id);
    expect(ids(comparison.responsibilities.shared)).toEqual(['data']);
    expect(ids(comparison.responsibilities.onlyA)).toEqual(['apis']);
    expect(ids(comparison.responsibilities.onlyB)).toEqual(['uptime']);
    expect(comparison.skills.shared.map((s) => [s.skill.id, s.levelA, s.levelB])).toEqual([
      ['sql', 'core', 'core'],
      ['linux', 'useful', 'core'],
    ]);
    expect(comparison.skills.onlyA.map((s) => [s.skill.id, s.level])).toEqual([['http', 'core']]);
    expect(comparison.skills.onlyB).toEqual([]);
    expect(ids(comparison.paths.shared)).toEqual(['senior']);
    expect(ids(comparison.paths.onlyA)).toEqual(['junior']);
  });
});
