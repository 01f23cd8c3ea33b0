/**
 * Mermaid diagrams in articles (```mermaid caption="…"), drawn at build time as inline SVG.
 *
 * - Checked by Mermaid's own parser (`mermaid.parse`, the grammar GitHub renders with), so a
 *   mistake fails the build with the parser's message and line; the drawing library accepts
 *   almost anything and would draw a broken diagram without a word.
 * - Drawn by beautiful-mermaid: synchronous, pure TypeScript, no DOM and no browser.
 * - Made safe for the site's strict CSP and for several diagrams on a page: the library's
 *   <style> (which also imports a web font) and inline style go; its colour variables are
 *   set in src/styles/article-components.css from the site's tokens, so diagrams follow the
 *   light and dark themes; ids get a prefix of their own.
 * - Described in text from the same parse (edges, steps, messages in order), so the text
 *   alternative always carries what the picture shows.
 * - Cached on disk by a hash of the source, the caption and this drawing code: a rebuild
 *   redraws only the diagrams that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { escapeHtml } from './html.ts';
import { LineError } from './line-error.ts';

/** The Mermaid diagram types the site draws, by their first line, with the name writers know them by. */
export const DIAGRAM_TYPES = [
  { header: /^(graph|flowchart)\b/i, kind: 'flowchart', name: 'flowchart (graph TD / flowchart LR)' },
  { header: /^sequenceDiagram\b/, kind: 'sequence', name: 'sequenceDiagram' },
  { header: /^stateDiagram(-v2)?\b/, kind: 'state', name: 'stateDiagram-v2' },
] as const;
export type DiagramKind = (typeof DIAGRAM_TYPES)[number]['kind'];

/** What a writer may set after ```mermaid, as name="value". */
export const DIAGRAM_OPTIONS = ['caption'] as const;

/** A diagram ready to place in an article: the SVG and its text alternative as HTML. */
export interface DrawnDiagram {
  kind: DiagramKind;
  svg: string;
  /** The diagram's content as a list (HTML). */
  text: string;
  /** A short summary for the list's heading, e.g. "5 connections between 4 parts". */
  summary: string;
}

/** A problem with a diagram; `line` counts from the diagram's first line (1-based). */
export class DiagramError extends LineError {}

/**
 * The options written after ```mermaid: `caption="…"` is required, anything else is a mistake.
 * Throws a DiagramError (line 0: the fence) that says what to write.
 */
export function diagramOptions(meta: string | null | undefined): { caption: string } {
  const options: Record<string, string> = {};
  let rest = (meta ?? '').trim();
  while (rest) {
    const match = /^([a-zA-Z]+)=(?:"([^"]*)"|'([^']*)')\s*/.exec(rest);
    if (!match)
      throw new DiagramError(
        `cannot read "${rest}" after \`\`\`mermaid: write options as name="value", e.g. \`\`\`mermaid caption="How a request reaches the database"`,
        0,
      );
    const [, name, double, single] = match;
    if (!(DIAGRAM_OPTIONS as readonly string[]).includes(name!)) {
      throw new DiagramError(`\`\`\`mermaid has no option "${name}"; the options are: ${DIAGRAM_OPTIONS.join(', ')}`, 0);
    }
    options[name!] = (double ?? single ?? '').trim();
    rest = rest.slice(match[0].length);
  }
  if (!options['caption']) {
    throw new DiagramError(
      'a diagram needs a caption that says what it shows, e.g. ```mermaid caption="How a request reaches the database" (it names the figure for screen readers too)',
      0,
    );
  }
  return { caption: options['caption'] };
}

/** The kind of a diagram from its first line, or a DiagramError naming the kinds that are drawn. */
export function diagramKind(source: string): DiagramKind {
  const first =
    source
      .split('\n')
      .find((line) => line.trim() && !line.trim().startsWith('%%'))
      ?.trim() ?? '';
  const type = DIAGRAM_TYPES.find(({ header }) => header.test(first));
  if (!type) {
    throw new DiagramError(
      `"${first || '(empty)'}" is not a diagram type the site draws; start the diagram with one of: ${DIAGRAM_TYPES.map((t) => t.name).join(', ')}`,
      1,
    );
  }
  return type.kind;
}

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Promise<Mermaid> | undefined;

/**
 * Mermaid's parser, loaded on the first diagram that is not in the cache (it takes a moment to load).
 * Its diagram databases pass every label through DOMPurify, which needs a DOM and, without one,
 * has no functions at all. Only the parse's verdict is used here, never its output (the
 * drawing library reads the source itself, and the SVG's text is escaped), so outside a
 * browser DOMPurify is given pass-through functions.
 */
function mermaidParser(): Promise<Mermaid> {
  mermaid ??= import('dompurify').then(async ({ default: purify }) => {
    if (!purify.isSupported) {
      Object.assign(purify, { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, sanitize: (text: unknown) => String(text) });
    }
    const module = await import('mermaid');
    const instance = module.default as Mermaid & { initialize(config: object): void };
    instance.initialize({ startOnLoad: false, securityLevel: 'strict', logLevel: 'fatal' });
    return instance;
  });
  return mermaid;
}

/** Checks a diagram with Mermaid's grammar; a mistake becomes a DiagramError with the parser's message and line. */
async function checkSyntax(source: string): Promise<void> {
  const parser = await mermaidParser();
  try {
    await parser.parse(source);
  } catch (error) {
    const hash = (error as { hash?: { loc?: { first_line?: number }; line?: number } }).hash;
    const message = error instanceof Error ? error.message : String(error);
    const line = hash?.loc?.first_line ?? (hash?.line !== undefined ? hash.line + 1 : undefined);
    // Mermaid quotes the source with its lines joined; the line itself says it better.
    const said = /^Parse error on line \d+:/.test(message) ? message.split('\n').at(-1)! : message.split('\n')[0]!;
    const written = line !== undefined ? source.split('\n')[line - 1]?.trim() : undefined;
    throw new DiagramError(
      `the diagram does not parse${written ? ` at "${written}"` : ''}: ${said.length > 300 ? `${said.slice(0, 300)}…` : said}`,
      line,
    );
  }
}

type Drawer = typeof import('beautiful-mermaid');
let drawer: Promise<Drawer> | undefined;
/** The drawing library, loaded with the first diagram that is not in the cache. */
const loadDrawer = (): Promise<Drawer> => (drawer ??= import('beautiful-mermaid'));

/**
 * Numbers as the page needs them: whole pixels (the library writes up to 17 digits, which only
 * adds bytes to every page with a diagram), one decimal below 10 (stroke widths, text offsets).
 */
const roundNumbers = (svg: string) =>
  svg.replace(/-?\d+\.\d+/g, (number) => {
    const value = Number(number);
    return String(Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value));
  });

/**
 * Attributes that say what article-components.css already says for every diagram (or what SVG
 * does by default): left out, they cost nothing on pages with several diagrams.
 */
const DEFAULT_ATTRIBUTES: [RegExp, string][] = [
  [/ stroke-width="1"/g, ''],
  [/ font-weight="400"/g, ''],
  [/ text-anchor="middle"/g, ''],
  [/(<polyline class="edge"[^>]*?) fill="none" stroke="var\(--_line\)"/g, '$1'],
  [/(<g class="edge-label">\s*<rect[^>]*?) rx="2" ry="2" fill="var\(--bg\)" stroke="var\(--_inner-stroke\)"/g, '$1'],
  [/(<g class="edge-label">\s*<rect[^>]*>\s*<text[^>]*?) font-size="11" fill="var\(--_text-sec\)"/g, '$1'],
  // An <svg> inside HTML is in the SVG namespace without saying so.
  [/^(<svg[^>]*?) xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '$1'],
];

const withoutDefaults = (svg: string) => DEFAULT_ATTRIBUTES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), svg);

/**
 * The library's SVG made fit for an article page: no <style> or style attribute (the site's
 * CSP allows neither; the colours come from article-components.css), ids prefixed so that two
 * diagrams on a page do not share one, numbers rounded, attributes the stylesheet already sets
 * left out, its data-* attributes dropped once read.
 */
export function pageSvg(svg: string, idPrefix: string, label: string): string {
  let out = svg.replace(/<style>[\s\S]*?<\/style>\s*/g, '');
  out = out.replace(/^<svg([^>]*?) style="[^"]*"/, '<svg$1');
  out = out.replace(/ id="([^"]+)"/g, ` id="${idPrefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`);
  out = out.replace(/ data-[a-z-]+="[^"]*"/g, '');
  out = withoutDefaults(roundNumbers(out)).replace(/\n\s*/g, '\n');
  return out.replace(/^<svg /, `<svg class="diagram-svg" role="img" aria-label="${escapeHtml(label)}" focusable="false" `);
}

const label = (text: string | undefined) => (text ?? '').replace(/\s*\n\s*/g, ' ').trim();
const listItems = (items: string[]) => items.map((item) => `<li>${item}</li>`).join('');

/** A flowchart or state diagram as a list of its connections, in the order they are written. */
function describeGraph(draw: Drawer, source: string, kind: 'flowchart' | 'state'): { text: string; summary: string } {
  const graph = draw.parseMermaid(source);
  const name = (id: string) => {
    if (id.startsWith('_start')) return 'Start';
    if (id.startsWith('_end')) return 'End';
    return escapeHtml(label(graph.nodes.get(id)?.label) || id);
  };
  const groups = new Map<string, string>();
  const collect = (subgraphs: typeof graph.subgraphs) => {
    for (const subgraph of subgraphs) {
      for (const id of subgraph.nodeIds) groups.set(id, label(subgraph.label));
      collect(subgraph.children);
    }
  };
  collect(graph.subgraphs);
  const part = (id: string) => `<strong>${name(id)}</strong>${groups.has(id) ? ` (in ${escapeHtml(groups.get(id)!)})` : ''}`;
  const styles: Record<string, string> = { dotted: ', dotted line', thick: ', thick line' };
  const edges = graph.edges.map((edge) => {
    const arrow = edge.hasArrowStart && edge.hasArrowEnd ? '↔' : edge.hasArrowEnd ? '→' : '—';
    const said = label(edge.label);
    return `${part(edge.source)} ${arrow} ${part(edge.target)}${said ? `: ${escapeHtml(said)}` : ''}${styles[edge.style] ? `<span class="visually-hidden">${styles[edge.style]}</span>` : ''}`;
  });
  const linked = new Set(graph.edges.flatMap((edge) => [edge.source, edge.target]));
  const alone = [...graph.nodes.keys()].filter((id) => !linked.has(id)).map(part);
  const items = [...edges, ...(alone.length > 0 ? [`Also shown: ${alone.join(', ')}`] : [])];
  const parts = [...graph.nodes.keys()].filter((id) => !/^_(start|end)/.test(id)).length;
  const noun = kind === 'state' ? ['transition', 'state'] : ['connection', 'part'];
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return { text: `<ul>${listItems(items)}</ul>`, summary: `${plural(graph.edges.length, noun[0]!)} between ${plural(parts, noun[1]!)}` };
}

/** A sequence diagram as its messages and notes, top to bottom, read from the drawing. */
function describeSequence(svg: string): { text: string; summary: string } {
  const root = parseHtml(svg);
  const actors = new Map(root.querySelectorAll('g.actor').map((g) => [g.getAttribute('data-id') ?? '', g.getAttribute('data-label') ?? '']));
  const actor = (id: string) => `<strong>${escapeHtml(label(actors.get(id) || id))}</strong>`;
  const y = (g: ReturnType<typeof root.querySelector>) => Number(g?.querySelector('text')?.getAttribute('y') ?? 0);
  const steps: { y: number; html: string }[] = [];
  for (const g of root.querySelectorAll('g.message')) {
    const from = g.getAttribute('data-from') ?? '';
    const to = g.getAttribute('data-to') ?? '';
    const reply = g.getAttribute('data-line-style') === 'dashed' ? '<span class="visually-hidden"> (reply)</span>' : '';
    steps.push({
      y: y(g),
      html: `${actor(from)} → ${from === to ? 'itself' : actor(to)}: ${escapeHtml(label(g.getAttribute('data-label') ?? ''))}${reply}`,
    });
  }
  for (const g of root.querySelectorAll('g.note')) {
    const over = (g.getAttribute('data-actors') ?? '').split(',').filter(Boolean).map(actor).join(' and ');
    steps.push({ y: y(g), html: `Note (${g.getAttribute('data-position') ?? 'over'} ${over}): ${escapeHtml(label(g.querySelector('text')?.text))}` });
  }
  // A block (alt, opt, loop, par…) reads as its opening line, an "else" line for each further
  // branch, and an end line, each where it is drawn.
  for (const g of root.querySelectorAll('g.block')) {
    const kind = escapeHtml(g.getAttribute('data-type') ?? '');
    const [header, ...branches] = g.querySelectorAll('text');
    steps.push({ y: y(g) - 0.5, html: `<em>${escapeHtml(label(header?.text) || kind)}:</em>` });
    for (const branch of branches) {
      steps.push({ y: Number(branch.getAttribute('y') ?? 0) - 0.5, html: `<em>else ${escapeHtml(label(branch.text))}:</em>` });
    }
    const frame = g.querySelector('rect');
    const end = Number(frame?.getAttribute('y') ?? 0) + Number(frame?.getAttribute('height') ?? 0);
    steps.push({ y: end, html: `<em>end of ${kind}</em>` });
  }
  steps.sort((a, b) => a.y - b.y);
  const messages = root.querySelectorAll('g.message').length;
  return {
    text: `<ol>${listItems(steps.map((step) => step.html))}</ol>`,
    summary: `${messages} message${messages === 1 ? '' : 's'} between ${[...actors.keys()].length} participants`,
  };
}

/** Colours as CSS variables that article-components.css sets from the site's tokens. */
const COLOURS = { bg: 'var(--bg)', fg: 'var(--fg)', transparent: true } as const;

/** Draws a checked diagram (no cache). `id` prefixes its SVG ids. */
export async function drawDiagram(source: string, caption: string, id: string): Promise<DrawnDiagram> {
  const kind = diagramKind(source);
  await checkSyntax(source);
  const draw = await loadDrawer();
  let svg: string;
  try {
    svg = draw.renderMermaidSVG(source, COLOURS);
  } catch (error) {
    throw new DiagramError(`the diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { text, summary } = kind === 'sequence' ? describeSequence(svg) : describeGraph(draw, source, kind);
  return { kind, svg: pageSvg(svg, id, caption), text, summary };
}

/** What decides a drawing besides its source: this file and the library's version. */
let drawingVersion: string | undefined;
function drawingCodeVersion(): string {
  drawingVersion ??= createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .update(readFileSync(new URL(import.meta.resolve('beautiful-mermaid'))))
    .update(readFileSync(new URL(import.meta.resolve('mermaid'))))
    .digest('base64url');
  return drawingVersion;
}

/** The content hash a diagram is cached under: its source, caption and the drawing code. */
export function diagramKey(source: string, caption: string): string {
  return createHash('sha256').update(`${drawingCodeVersion()}\n${caption}\n${source}`).digest('base64url').slice(0, 24);
}

/**
 * A diagram, from `cacheDir` when this source and caption were drawn before by the same code,
 * otherwise checked, drawn and saved there. Without a cache folder it is always drawn.
 */
export async function cachedDiagram(source: string, caption: string, cacheDir: string | undefined): Promise<DrawnDiagram> {
  const key = diagramKey(source, caption);
  const id = `diagram-${key.slice(0, 8).replace(/[^a-zA-Z0-9]/g, 'x')}`;
  const file = cacheDir ? join(cacheDir, `${key}.json`) : undefined;
  if (file && existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as DrawnDiagram;
    } catch {
      // A damaged cache file is drawn again below.
    }
  }
  const drawn = await drawDiagram(source, caption, id);
  if (file && cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, JSON.stringify(drawn));
    renameSync(partial, file);
  }
  return drawn;
}
