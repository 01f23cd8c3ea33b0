/**
 * Lays out the career map: every career path as a node in a lane (workplaces,
 * individual-contributor levels, management, specialisations), every `next`
 * link as an arrow, and every role under the level it usually starts at.
 * Pure geometry from the content graph; CareerMap.astro draws it as SVG.
 */
import { PATH_KIND_LABELS } from '../../schemas/vocabulary.ts';
import type { AtlasEntry, ContentGraph } from './graph.ts';

export type LaneId = 'workplace' | 'individual' | 'management' | 'specialisation' | 'roles';

export interface MapNode {
  entry: AtlasEntry<'paths'> | AtlasEntry<'roles'>;
  lane: LaneId;
  /** Top-left corner and size, in SVG user units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The title broken into lines that fit the node. */
  lines: string[];
}

export interface MapEdge {
  from: AtlasEntry<'paths'>;
  to: AtlasEntry<'paths'>;
  /** SVG path data, ending where the arrowhead goes. */
  d: string;
  /** "step": a move between levels; "route": any other move (to or from a workplace or specialisation). */
  kind: 'step' | 'route';
}

export interface MapLane {
  id: LaneId;
  label: string;
  /** Top of the lane band and its height. */
  y: number;
  height: number;
}

export interface CareerMapLayout {
  width: number;
  height: number;
  lanes: MapLane[];
  nodes: MapNode[];
  edges: MapEdge[];
  /** The column (0-based) of each level, in the order a career climbs them. */
  levelColumns: Map<string, number>;
  /** For each role id, the level it usually starts at, if it lists one. */
  entryLevels: Map<string, AtlasEntry<'paths'>>;
}

export const LANE_LABELS: Record<LaneId, string> = {
  workplace: PATH_KIND_LABELS.workplace,
  individual: 'Individual contributor levels',
  management: 'Management track',
  specialisation: PATH_KIND_LABELS.specialisation,
  roles: 'Roles, under the level they usually start at',
};
// Specialisations lead up into the senior levels, workplaces into the levels and the
// management track: this order lets most arrows reach their target without crossing a lane.
const LANE_ORDER: LaneId[] = ['specialisation', 'individual', 'management', 'workplace', 'roles'];

export const GEOMETRY = {
  column: 212,
  nodeWidth: 184,
  lineHeight: 18,
  paddingY: 12,
  /** Space for the lane label above the nodes. */
  laneLabel: 30,
  laneGap: 44,
  margin: 16,
  /** Characters per line, for 14px text in a node 184 units wide. */
  charsPerLine: 21,
  /** Gap between nodes stacked in one column of a lane. */
  roleGap: 10,
};

/** Breaks a title into lines of at most `width` characters, at spaces. */
export function wrapTitle(title: string, width = GEOMETRY.charsPerLine): string[] {
  const lines: string[] = [];
  for (const word of title.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const laneOf = (path: AtlasEntry<'paths'>): LaneId =>
  path.data.kind === 'level' ? (path.data.track === 'management' ? 'management' : 'individual') : path.data.kind;

/**
 * Columns of the individual-contributor levels: the longest run of `next` steps
 * leading to each, counting only steps up in seniority (`order`), so a link
 * back down can never make the ranking loop.
 */
function levelColumns(levels: AtlasEntry<'paths'>[]): Map<string, number> {
  const column = new Map<string, number>();
  // `levels` is in seniority order, so every level before this one already has its column.
  levels.forEach((level, index) => {
    const before = levels.slice(0, index).filter((other) => other.data.next.some((ref) => ref.id === level.id));
    column.set(level.id, Math.max(-1, ...before.map((other) => column.get(other.id)!)) + 1);
  });
  return column;
}

/**
 * Positions the nodes of one lane: each as near as possible to the mean column of the
 * already placed nodes it links to (else spread evenly), in a stable order, at least
 * one column apart, and inside [0, columns - 1] when they fit.
 */
function placeInLane(entries: AtlasEntry<'paths'>[], linked: (entry: AtlasEntry<'paths'>) => number[], columns: number): Map<string, number> {
  const wanted = entries.map((entry, index) => {
    const targets = linked(entry);
    const spread = ((index + 0.5) * columns) / entries.length - 0.5;
    return { entry, index, x: targets.length > 0 ? targets.reduce((a, b) => a + b, 0) / targets.length : spread };
  });
  wanted.sort((a, b) => a.x - b.x || a.index - b.index);
  let previous = -Infinity;
  for (const item of wanted) {
    item.x = Math.max(item.x, previous + 1);
    previous = item.x;
  }
  const overflow = previous - Math.max(columns - 1, wanted.length - 1);
  const shift = overflow > 0 ? overflow : 0;
  const leftmost = wanted[0] ? wanted[0].x - shift : 0;
  const extra = leftmost < 0 ? -leftmost : 0;
  return new Map(wanted.map((item) => [item.entry.id, item.x - shift + extra]));
}

export function layoutCareerMap(graph: ContentGraph): CareerMapLayout {
  const paths = graph.list('paths');
  const roles = graph.list('roles');
  const byLane = (lane: LaneId) => paths.filter((path) => laneOf(path) === lane);
  const individual = byLane('individual');
  const columnsOf = levelColumns(individual);
  let columns = Math.max(1, ...[...columnsOf.values()].map((c) => c + 1));

  const x = new Map<string, number>(columnsOf);
  const neighbours = (entry: AtlasEntry<'paths'>) =>
    paths.filter((other) => other.data.next.some((ref) => ref.id === entry.id) || entry.data.next.some((ref) => ref.id === other.id));
  const linkedColumns = (entry: AtlasEntry<'paths'>) => neighbours(entry).flatMap((other) => (x.has(other.id) ? [x.get(other.id)!] : []));
  for (const lane of ['management', 'workplace', 'specialisation'] as const) {
    const entries = byLane(lane);
    columns = Math.max(columns, entries.length);
    for (const [id, column] of placeInLane(entries, linkedColumns, columns)) x.set(id, column);
  }
  // A lane may have needed more room than the levels.
  columns = Math.max(columns, ...[...x.values()].map((c) => Math.ceil(c) + 1));

  // A role starts at the most junior individual-contributor level it lists (else its first management level).
  const entryLevels = new Map<string, AtlasEntry<'paths'>>();
  const seniority = (path: AtlasEntry<'paths'>) => (laneOf(path) === 'individual' ? 0 : 1000) + x.get(path.id)!;
  for (const role of roles) {
    const levels = role.data.paths.map((ref) => graph.get('paths', ref.id)).filter((path) => path.data.kind === 'level');
    const first = levels.sort((a, b) => seniority(a) - seniority(b))[0];
    if (first) entryLevels.set(role.id, first);
  }

  const { column, nodeWidth, lineHeight, paddingY, laneLabel, laneGap, margin, roleGap } = GEOMETRY;
  const nodes: MapNode[] = [];
  const lanes: MapLane[] = [];
  let top = margin;
  const left = (col: number) => margin + col * column + (column - nodeWidth) / 2;
  for (const lane of LANE_ORDER) {
    if (lane === 'roles') {
      const placed = roles.filter((role) => entryLevels.has(role.id));
      if (placed.length === 0) continue;
      const stacks = new Map<number, number>();
      const laneNodes = placed.map((role) => {
        const col = Math.round(x.get(entryLevels.get(role.id)!.id)!);
        const lines = wrapTitle(role.data.title);
        const height = lines.length * lineHeight + 2 * paddingY;
        const offset = stacks.get(col) ?? 0;
        stacks.set(col, offset + height + roleGap);
        return { entry: role, lane, x: left(col), y: top + laneLabel + offset, width: nodeWidth, height, lines } satisfies MapNode;
      });
      const height = laneLabel + Math.max(...stacks.values()) - roleGap;
      lanes.push({ id: lane, label: LANE_LABELS[lane], y: top, height });
      nodes.push(...laneNodes);
      top += height + laneGap;
      continue;
    }
    const entries = byLane(lane);
    if (entries.length === 0) continue;
    const tallest = Math.max(...entries.map((entry) => wrapTitle(entry.data.title).length)) * lineHeight + 2 * paddingY;
    // Levels of parallel ladders can share a column: stack them rather than draw one over another.
    const stacked = new Map<number, number>();
    for (const entry of entries) {
      const col = x.get(entry.id)!;
      const row = stacked.get(col) ?? 0;
      stacked.set(col, row + 1);
      nodes.push({
        entry,
        lane,
        x: left(col),
        y: top + laneLabel + row * (tallest + roleGap),
        width: nodeWidth,
        height: tallest,
        lines: wrapTitle(entry.data.title),
      });
    }
    const rows = Math.max(...stacked.values());
    const height = laneLabel + rows * tallest + (rows - 1) * roleGap;
    lanes.push({ id: lane, label: LANE_LABELS[lane], y: top, height });
    top += height + laneGap;
  }

  const nodeOf = new Map(nodes.filter((node) => node.entry.collection === 'paths').map((node) => [node.entry.id, node]));
  const edges = routeEdges(paths, nodeOf, lanes);
  return { width: 2 * margin + columns * column, height: top - laneGap + margin, lanes, nodes, edges, levelColumns: columnsOf, entryLevels };
}

/** Arrows for every `next` link, spreading the ends that share a side of a node. */
function routeEdges(paths: AtlasEntry<'paths'>[], nodeOf: Map<string, MapNode>, lanes: MapLane[]): MapEdge[] {
  const laneIndex = (node: MapNode) => lanes.findIndex((lane) => lane.id === node.lane);
  const links = paths.flatMap((from) => from.data.next.map((ref) => ({ from, to: paths.find((p) => p.id === ref.id)! })));
  type End = { link: (typeof links)[number]; other: MapNode };
  const sides = new Map<string, End[]>();
  const side = (node: MapNode, name: string, end: End) => {
    const key = `${node.entry.id}:${name}`;
    sides.set(key, [...(sides.get(key) ?? []), end]);
    return key;
  };
  const plans = links.map((link) => {
    const a = nodeOf.get(link.from.id)!;
    const b = nodeOf.get(link.to.id)!;
    // Side by side in one lane: a straight arrow, or an arc over any node in between.
    const sameRow = a.lane === b.lane && a.y === b.y;
    const between =
      sameRow &&
      [...nodeOf.values()].some(
        (n) => n.lane === a.lane && n.y === a.y && n !== a && n !== b && n.x > Math.min(a.x, b.x) && n.x < Math.max(a.x, b.x),
      );
    if (sameRow && !between) return { link, a, b, mode: 'straight' as const };
    if (sameRow) return { link, a, b, mode: 'arc' as const, fromKey: side(a, 'top', { link, other: b }), toKey: side(b, 'top', { link, other: a }) };
    const down = a.lane === b.lane ? b.y > a.y : laneIndex(b) > laneIndex(a);
    return {
      link,
      a,
      b,
      mode: 'cross' as const,
      fromKey: side(a, down ? 'bottom' : 'top', { link, other: b }),
      toKey: side(b, down ? 'top' : 'bottom', { link, other: a }),
    };
  });
  // Where along a side each end attaches: spread in the order of the nodes at the other end.
  const attach = (key: string, node: MapNode, link: (typeof links)[number]) => {
    const ends = [...sides.get(key)!].sort((p, q) => p.other.x - q.other.x || p.other.y - q.other.y);
    const index = ends.findIndex((end) => end.link === link);
    const span = node.width * 0.6;
    return node.x + node.width / 2 + (ends.length === 1 ? 0 : -span / 2 + (span * index) / (ends.length - 1));
  };
  const round = (value: number) => Math.round(value * 10) / 10;
  return plans.map((plan) => {
    const { link, a, b } = plan;
    const kind: MapEdge['kind'] = link.from.data.kind === 'level' && link.to.data.kind === 'level' ? 'step' : 'route';
    let d: string;
    if (plan.mode === 'straight') {
      const forward = b.x > a.x;
      const y = round(a.y + a.height / 2);
      d = `M${round(forward ? a.x + a.width : a.x)} ${y}H${round(forward ? b.x : b.x + b.width)}`;
    } else if (plan.mode === 'arc') {
      const x1 = attach(plan.fromKey, a, link);
      const x2 = attach(plan.toKey, b, link);
      const lift = GEOMETRY.laneLabel + 8;
      d = `M${round(x1)} ${round(a.y)}C${round(x1)} ${round(a.y - lift)} ${round(x2)} ${round(b.y - lift)} ${round(x2)} ${round(b.y)}`;
    } else {
      const x1 = attach(plan.fromKey, a, link);
      const x2 = attach(plan.toKey, b, link);
      const down = b.y > a.y;
      const y1 = down ? a.y + a.height : a.y;
      const y2 = down ? b.y : b.y + b.height;
      const bend = (y2 - y1) / 2;
      d = `M${round(x1)} ${round(y1)}C${round(x1)} ${round(y1 + bend)} ${round(x2)} ${round(y2 - bend)} ${round(x2)} ${round(y2)}`;
    }
    return { from: link.from, to: link.to, d, kind };
  });
}

export interface OutlineItem {
  entry: AtlasEntry<'paths'>;
  /** Paths that list this one as next. */
  after: AtlasEntry<'paths'>[];
  /** Paths this one lists as next. */
  leadsTo: AtlasEntry<'paths'>[];
  /** Roles that usually start at this level. */
  startingRoles: AtlasEntry<'roles'>[];
}

/** The map as text: lanes in reading order (the level ladder first), nodes left to right. */
export function careerMapOutline(graph: ContentGraph, layout: CareerMapLayout): { lane: LaneId; label: string; items: OutlineItem[] }[] {
  const paths = graph.list('paths');
  const order: LaneId[] = ['individual', 'management', 'specialisation', 'workplace'];
  return order.flatMap((lane) => {
    const nodes = layout.nodes.filter((node) => node.lane === lane).sort((a, b) => a.x - b.x || a.y - b.y);
    if (nodes.length === 0) return [];
    const items = nodes.map((node) => {
      const entry = node.entry as AtlasEntry<'paths'>;
      return {
        entry,
        after: paths.filter((other) => other.data.next.some((ref) => ref.id === entry.id)),
        leadsTo: entry.data.next.map((ref) => graph.get('paths', ref.id)),
        startingRoles: graph.list('roles').filter((role) => layout.entryLevels.get(role.id)?.id === entry.id),
      };
    });
    return [{ lane, label: LANE_LABELS[lane], items }];
  });
}
