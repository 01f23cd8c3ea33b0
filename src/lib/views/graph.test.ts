import { describe, expect, it } from 'vitest';
import { fixtureGuide, fixtureResponsibility, fixtureRole, fixtureSkill, withText } from '../content/entry-fixtures.ts';
import { type AtlasEntry, closest, ContentGraph, ContentReferenceError, PreviousIdError } from './graph.ts';

const skill = (id: string, extra: { parent?: string; prerequisites?: string[]; previousIds?: string[] } = {}) => fixtureSkill(id, extra);
const role = (id: string, skills: [string, 'core' | 'useful'][], relatedRoles: string[] = []) =>
  fixtureRole(id, { skills, relatedRoles, responsibilities: ['apis'], order: 1 });
const responsibility = fixtureResponsibility('apis', { skills: ['sql'], order: 1 });

describe('ContentGraph', () => {
  const graph = new ContentGraph([
    skill('databases'),
    skill('sql', { parent: 'databases' }),
    skill('postgresql', { parent: 'databases', prerequisites: ['sql'] }),
    role(
      'backend',
      [
        ['sql', 'core'],
        ['postgresql', 'useful'],
      ],
      ['dba'],
    ),
    role('dba', [['postgresql', 'core']]),
    responsibility,
  ]);

  it('derives the roles that need a skill, with their level', () => {
    const links = graph.rolesNeedingSkill(graph.get('skills', 'postgresql'));
    expect(links.map((l) => [l.entry.id, l.note])).toEqual([
      ['backend', 'useful'],
      ['dba', 'core'],
    ]);
  });

  it('derives child skills from parent references', () => {
    const includes = graph.related(graph.get('skills', 'databases')).find((g) => g.heading === 'Includes');
    expect(includes?.links.map((l) => l.entry.id)).toEqual(['postgresql', 'sql']);
  });

  it('derives "used in" for skills and "builds towards" from prerequisites', () => {
    const groups = graph.related(graph.get('skills', 'sql'));
    expect(groups.find((g) => g.heading === 'Used in')?.links.map((l) => l.entry.id)).toEqual(['apis']);
    expect(groups.find((g) => g.heading === 'Builds towards')?.links.map((l) => l.entry.id)).toEqual(['postgresql']);
  });

  it('makes related roles symmetric even when only one side lists the other', () => {
    expect(graph.relatedRoles(graph.get('roles', 'dba')).map((r) => r.id)).toEqual(['backend']);
  });

  it('gives previous and next entries within a collection', () => {
    const { previous, next } = graph.neighbours(graph.get('skills', 'postgresql'));
    expect(previous?.id).toBe('databases');
    expect(next?.id).toBe('sql');
  });
});

describe('old page names (previousIds)', () => {
  it('accepts an old name no page has now', () => {
    expect(() => new ContentGraph([skill('redis', { previousIds: ['redis-basics'] }), skill('sql')])).not.toThrow();
  });

  it('rejects an old name that is another page’s name now, naming both files', () => {
    const build = () => new ContentGraph([skill('redis', { previousIds: ['sql'] }), skill('sql')]);
    expect(build).toThrow(PreviousIdError);
    expect(build).toThrow(
      'content/skills/redis.mdx: field "previousIds[0]" lists "sql", but that is the file name of content/skills/sql.mdx, a page on the site. ' +
        "Readers' progress saved under an old name moves to the page that lists it, so the name cannot belong to another page: " +
        'remove "sql" from previousIds, or rename content/skills/sql.mdx.',
    );
  });

  it('counts a draft’s name as taken: it goes live when the draft is published', () => {
    expect(() => new ContentGraph([skill('redis', { previousIds: ['sql'] })], [skill('sql')])).toThrow(
      'that is the file name of content/skills/sql.mdx',
    );
  });

  it('rejects an old name two pages claim, on both, and a page’s own name', () => {
    try {
      new ContentGraph([skill('a', { previousIds: ['old', 'a'] }), skill('b', { previousIds: ['old'] })]);
      expect.unreachable();
    } catch (error) {
      expect((error as PreviousIdError).conflicts.map((c) => [c.filePath, c.field, c.reason, c.otherFilePath])).toEqual([
        ['content/skills/a.mdx', 'previousIds[0]', 'claimed', 'content/skills/b.mdx'],
        ['content/skills/a.mdx', 'previousIds[1]', 'own', 'content/skills/a.mdx'],
        ['content/skills/b.mdx', 'previousIds[0]', 'claimed', 'content/skills/a.mdx'],
      ]);
    }
  });

  it('keeps names apart by collection: a role may once have had a skill’s name', () => {
    const role = fixtureRole('sql', { responsibilities: ['apis'], order: 1 });
    expect(
      () => new ContentGraph([skill('sql'), skill('redis'), { ...role, data: { ...role.data, previousIds: ['redis'] } }, responsibility]),
    ).not.toThrow();
  });
});

describe('broken references', () => {
  it('rejects a role whose skill does not exist, naming file, field and a likely fix', () => {
    const build = () => new ContentGraph([skill('postgresql'), role('backend', [['postgresq', 'core']]), responsibility]);
    expect(build).toThrow(ContentReferenceError);
    expect(build).toThrow(
      'content/roles/backend.mdx: field "skills[0].skill" references "postgresq", but there is no content/skills/postgresq.mdx. Did you mean "postgresql"?',
    );
  });

  it('reports every broken reference at once', () => {
    try {
      new ContentGraph([skill('a', { parent: 'nope', prerequisites: ['gone'] })]);
      expect.unreachable();
    } catch (error) {
      expect((error as ContentReferenceError).problems.map((p) => p.field)).toEqual(['parent', 'prerequisites[0]']);
    }
  });

  it('says when the target is a draft rather than missing', () => {
    expect(() => new ContentGraph([skill('a', { parent: 'b' })], [skill('b')])).toThrow(
      'content/skills/a.mdx: field "parent" points to "b" in skills, which is a draft and is not published.',
    );
  });
});

describe('backlinks from article text', () => {
  const withBody = <E extends AtlasEntry>(entry: E, body: string): E => ({ ...entry, ...withText(body) });
  const graph = new ContentGraph([
    withBody(skill('sql'), 'See [PostgreSQL](/skills/postgresql/#indexes) and <a href="/skills/redis/">Redis</a>. [Self](/skills/sql/).'),
    withBody(skill('postgresql', { parent: 'sql' }), 'Learn [SQL](/skills/sql/) first, and [nothing](/skills/unknown/).'),
    skill('redis'),
    withBody(responsibility, 'Cache with [Redis](/skills/redis/).'),
  ]);

  it('finds the entries whose text links to a page, from Markdown links and href attributes', () => {
    expect(graph.mentionedBy(graph.get('skills', 'redis')).map((e) => e.id)).toEqual(['apis', 'sql']);
    expect(graph.mentionedBy(graph.get('skills', 'sql')).map((e) => e.id)).toEqual(['postgresql']);
  });

  it('adds a "Mentioned in" block without repeating entries another block already lists', () => {
    const headings = (id: string) => graph.related(graph.get('skills', id)).map((g) => [g.heading, g.links.map((l) => l.entry.id)]);
    expect(headings('redis')).toContainEqual(['Mentioned in', ['apis', 'sql']]);
    // postgresql links to sql, but is already listed under "Includes".
    expect(headings('sql').find(([heading]) => heading === 'Mentioned in')).toBeUndefined();
  });
});

describe('closest', () => {
  it('suggests near misses and nothing for unrelated words', () => {
    expect(closest('postgress', ['postgresql', 'redis'])).toBe('postgresql');
    expect(closest('kubernetes', ['redis', 'sql'])).toBeUndefined();
  });
});

describe('related guides at scale', () => {
  it('lists the six guides nearest in reading order, not the whole section, so a page does not grow with the site', async () => {
    const guides = Array.from({ length: 40 }, (_, i) => fixtureGuide(`guide-${String(i).padStart(2, '0')}`, { section: 'career' }));
    const graph = new ContentGraph(guides);
    const middle = graph.list('guides')[20]!;
    const listed = graph
      .related(middle)
      .find((group) => group.heading === 'More guides in this section')!
      .links.map((link) => link.entry.id);
    expect(listed).toHaveLength(6);
    expect(listed).not.toContain(middle.id);
    const first = graph.related(graph.list('guides')[0]!).find((group) => group.heading === 'More guides in this section')!;
    expect(first.links).toHaveLength(6);
  });
});
