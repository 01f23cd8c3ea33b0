import { describe, expect, it } from 'vitest';
import { careerMapOutline, layoutCareerMap, wrapTitle } from './career-map.ts';
import { fixturePath, fixtureResponsibility, fixtureRole, fixtureSkill } from '../content/entry-fixtures.ts';
import { ContentGraph } from './graph.ts';

const base = [fixtureResponsibility('apis'), fixtureSkill('sql')];
const graph = new ContentGraph([
  ...base,
  fixturePath('junior', { order: 1, next: ['mid'] }),
  fixturePath('mid', { order: 2, next: ['senior'] }),
  fixturePath('senior', { order: 3, next: ['staff', 'manager'] }),
  fixturePath('staff', { order: 4 }),
  fixturePath('manager', { order: 5, track: 'management', next: ['staff'] }),
  fixturePath('startups', { kind: 'workplace', order: 1, next: ['senior', 'big-tech'] }),
  // A loop between workplaces must not stop the layout.
  fixturePath('big-tech', { kind: 'workplace', order: 2, next: ['startups', 'staff'] }),
  fixturePath('databases', { kind: 'specialisation', order: 1, next: ['staff'] }),
  fixtureRole('backend', { responsibilities: ['apis'], skills: [['sql', 'core']], paths: ['senior', 'junior', 'startups'] }),
  fixtureRole('dba', { responsibilities: ['apis'], skills: [['sql', 'core']], paths: ['mid', 'databases'] }),
  fixtureRole('consultant', { responsibilities: ['apis'], skills: [['sql', 'core']], paths: ['startups'] }),
]);
const layout = layoutCareerMap(graph);
const node = (id: string) => layout.nodes.find((n) => n.entry.id === id)!;
const overlaps = (a: (typeof layout.nodes)[number], b: (typeof layout.nodes)[number]) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutCareerMap', () => {
  it('puts the levels in columns by the steps that lead to them', () => {
    expect(['junior', 'mid', 'senior', 'staff'].map((id) => layout.levelColumns.get(id))).toEqual([0, 1, 2, 3]);
    expect(node('junior').x).toBeLessThan(node('mid').x);
    expect(node('mid').x).toBeLessThan(node('senior').x);
  });

  it('places the management track between the levels it links, on its own lane', () => {
    expect(node('manager').lane).toBe('management');
    expect(node('manager').x).toBeGreaterThan(node('senior').x);
    expect(node('manager').x).toBeLessThan(node('staff').x);
    expect(node('manager').y).toBeGreaterThan(node('senior').y);
  });

  it('draws one arrow per next link, even around a loop', () => {
    const links = graph.list('paths').reduce((sum, path) => sum + path.data.next.length, 0);
    expect(layout.edges).toHaveLength(links);
    expect(layout.edges.filter((e) => e.kind === 'step').map((e) => `${e.from.id}>${e.to.id}`)).toEqual([
      'junior>mid',
      'mid>senior',
      'senior>staff',
      'senior>manager',
      'manager>staff',
    ]);
    for (const edge of layout.edges) expect(edge.d).toMatch(/^M[\d.]+ [\d.]+[HC]/);
  });

  it('puts each role under the most junior level it lists, and leaves out roles with no level', () => {
    expect(layout.entryLevels.get('backend')?.id).toBe('junior');
    expect(layout.entryLevels.get('dba')?.id).toBe('mid');
    expect(layout.entryLevels.has('consultant')).toBe(false);
    expect(node('backend').lane).toBe('roles');
    expect(layout.nodes.some((n) => n.entry.id === 'consultant')).toBe(false);
  });

  it('never lets two nodes overlap, and keeps every node inside the drawing', () => {
    for (const [i, a] of layout.nodes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.entry.id} / ${b.entry.id}`).toBe(false);
    }
  });

  it('gives a text outline: the level ladder first, each path with where it leads and who starts there', () => {
    const outline = careerMapOutline(graph, layout);
    expect(outline.map((lane) => lane.lane)).toEqual(['individual', 'management', 'specialisation', 'workplace']);
    const senior = outline[0]!.items.find((item) => item.entry.id === 'senior')!;
    expect(senior.after.map((p) => p.id)).toEqual(['mid', 'startups']);
    expect(senior.leadsTo.map((p) => p.id)).toEqual(['staff', 'manager']);
    expect(outline[0]!.items.find((item) => item.entry.id === 'junior')!.startingRoles.map((r) => r.id)).toEqual(['backend']);
  });
});

describe('layoutCareerMap with parallel ladders', () => {
  const twoLadders = new ContentGraph([
    ...base,
    ...['a', 'b'].flatMap((set) => [fixturePath(`junior-${set}`, { order: 1, next: [`senior-${set}`] }), fixturePath(`senior-${set}`, { order: 2 })]),
  ]);
  const layout = layoutCareerMap(twoLadders);

  it('stacks levels that share a column instead of drawing one over the other', () => {
    const juniors = layout.nodes.filter((n) => n.entry.id.startsWith('junior'));
    expect(juniors.map((n) => n.x)).toEqual([juniors[0]!.x, juniors[0]!.x]);
    expect(juniors[0]!.y).not.toBe(juniors[1]!.y);
    for (const [i, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.entry.id} / ${b.entry.id}`).toBe(false);
    }
    const lane = layout.lanes.find((l) => l.id === 'individual')!;
    for (const node of layout.nodes) expect(node.y + node.height).toBeLessThanOrEqual(lane.y + lane.height);
  });
});

describe('wrapTitle', () => {
  it('breaks at spaces into lines of the given width, keeping long words whole', () => {
    expect(wrapTitle('Backend work at agencies and consultancies', 21)).toEqual(['Backend work at', 'agencies and', 'consultancies']);
    expect(wrapTitle('Supercalifragilistic expialidocious', 10)).toEqual(['Supercalifragilistic', 'expialidocious']);
  });
});
