import { describe, expect, it } from 'vitest';
import { fixtureResponsibility, fixtureRole, fixtureSkill } from '../content/entry-fixtures.ts';
import { ContentGraph } from './graph.ts';
import { learningPath, PrerequisiteCycleError } from './learning-path.ts';

const responsibilities = [fixtureResponsibility('apis')];

describe('learningPath', () => {
  const graph = new ContentGraph([
    ...responsibilities,
    fixtureSkill('languages'),
    fixtureSkill('http'),
    fixtureSkill('frameworks', { prerequisites: ['languages', 'http'] }),
    fixtureSkill('databases'),
    fixtureSkill('sql', { prerequisites: ['databases'] }),
    fixtureSkill('linux'),
    fixtureSkill('docker', { prerequisites: ['linux'] }),
    fixtureSkill('python', { prerequisites: ['languages'] }),
    fixtureRole('backend', {
      responsibilities: ['apis'],
      skills: [
        ['docker', 'useful'],
        ['frameworks', 'core'],
        ['languages', 'core'],
        ['http', 'core'],
        ['sql', 'core'],
        ['databases', 'core'],
        ['linux', 'useful'],
      ],
    }),
    fixtureRole('cloud', {
      responsibilities: ['apis'],
      skills: [
        ['linux', 'core'],
        ['python', 'useful'],
      ],
    }),
  ]);
  const ids = (role: string) => learningPath(graph, graph.get('roles', role)).map((step) => step.skill.id);

  it('puts every skill after its prerequisites and core skills before useful ones', () => {
    expect(ids('backend')).toEqual(['languages', 'http', 'frameworks', 'databases', 'sql', 'linux', 'docker']);
  });

  it('follows the order the role lists skills in when nothing else decides', () => {
    const steps = learningPath(graph, graph.get('roles', 'backend'));
    // frameworks is listed first of the core skills, so its prerequisites come first.
    expect(steps.slice(0, 3).map((s) => s.skill.id)).toEqual(['languages', 'http', 'frameworks']);
    expect(steps.find((s) => s.skill.id === 'frameworks')?.after.map((s) => s.id)).toEqual(['languages', 'http']);
  });

  it('adds prerequisites the role does not list, saying which skill needs them', () => {
    const steps = learningPath(graph, graph.get('roles', 'cloud'));
    expect(steps.map((s) => [s.skill.id, s.reason])).toEqual([
      ['linux', 'core'],
      ['languages', 'prerequisite'],
      ['python', 'useful'],
    ]);
    expect(steps[1]!.neededFor.map((s) => s.id)).toEqual(['python']);
  });

  it('makes a role’s server language one step, choose one, after what every option builds on', () => {
    const withLanguages = new ContentGraph([
      ...responsibilities,
      fixtureSkill('languages'),
      fixtureSkill('http'),
      fixtureSkill('python', { prerequisites: ['languages'] }),
      fixtureSkill('go', { prerequisites: ['languages'] }),
      fixtureSkill('frameworks', { prerequisites: ['http'] }),
      fixtureRole('api', {
        responsibilities: ['apis'],
        skills: [
          ['frameworks', 'core'],
          ['http', 'core'],
        ],
        languages: ['core', ['go', 'python']],
      }),
    ]);
    const steps = learningPath(withLanguages, withLanguages.get('roles', 'api'));
    expect(steps.map((step) => [step.choice ? `one of ${step.choice.map((s) => s.id).join('/')}` : step.skill.id, step.reason])).toEqual([
      ['languages', 'prerequisite'],
      ['one of go/python', 'core'],
      ['http', 'core'],
      ['frameworks', 'core'],
    ]);
    expect(steps[1]!.after.map((s) => s.id)).toEqual(['languages']);
  });

  it('reports a prerequisite loop with the files involved and the fix', () => {
    const looped = new ContentGraph([
      ...responsibilities,
      fixtureSkill('a', { prerequisites: ['b'] }),
      fixtureSkill('b', { prerequisites: ['a'] }),
      fixtureRole('r', { responsibilities: ['apis'], skills: [['a', 'core']] }),
    ]);
    expect(() => learningPath(looped, looped.get('roles', 'r'))).toThrow(PrerequisiteCycleError);
    expect(() => learningPath(looped, looped.get('roles', 'r'))).toThrow(
      'Skill prerequisites form a loop, so the learning path of content/roles/r.mdx has no order: ' +
        'a (content/skills/a.mdx) needs b (content/skills/b.mdx) needs a (content/skills/a.mdx). ' +
        'Remove one of these links from a "prerequisites" field so that one skill in the loop can be learned first.',
    );
  });
});
