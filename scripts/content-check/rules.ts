/**
 * The content check's rules. Each takes the parsed content folder and returns
 * its problems; none stops at the first one, so a writer sees everything at once.
 */
import type { z } from 'astro/zod';
import { articleFacts, factIdsIn, withoutComments } from '../../src/lib/article/facts.ts';
import { IMAGE_EXAMPLE, IMAGE_EXTENSIONS, imageProblem } from '../../src/lib/article/writer-checks.ts';
import { didYouMean, loadRegistry, type Registry, RegistryError, staleFacts } from '../../src/lib/content/registry.ts';
import { PRIMARY_SOURCE_KINDS, type SourceKind } from '../../src/schemas/registry.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter-lines.ts';
import { countWords } from '../../src/lib/site/reading-time.ts';
import {
  type AtlasEntry,
  type BrokenReference,
  closest,
  ContentGraph,
  ContentReferenceError,
  explainBrokenReference,
  explainPreviousIdConflict,
  previousIdConflicts,
  referencesOf,
} from '../../src/lib/views/graph.ts';
import { findDateProblems } from '../../src/lib/content/frontmatter-dates.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../src/lib/content/collections.ts';
import { SLUG_PATTERN } from '../../src/schemas/common.ts';
import { toSlug } from '../../src/lib/content/slug.ts';
import { findStatistics, MIN_BODY_WORDS } from '../content-rules.ts';
import type { ContentFile, ContentFolder } from './content-files.ts';
import type { MdxOutline } from './mdx-outline.ts';
import { codeBlocks, findRepetitions, type Passage } from './repetition.ts';
import type { Problem, RuleName } from './problem.ts';
import type { SiteRoutes } from './site-routes.ts';

/** One content file as the rules see it. */
export interface CheckedEntry {
  file: ContentFile;
  collection: CollectionName;
  /** The id the build gives it: the file name, lower-cased. */
  id: string;
  /** draft: true in the frontmatter (read before validation, so broken entries count too). */
  draft: boolean;
  /** The validated entry, when its frontmatter passed the schema. */
  entry: AtlasEntry | undefined;
  /** The body's headings, links and prose, when the MDX parsed. */
  outline: MdxOutline | undefined;
}

export interface CheckContext {
  folder: ContentFolder;
  entries: CheckedEntry[];
  routes: SiteRoutes;
  /** Names of the components writers can use without importing them. */
  components: readonly string[];
  /** Project root: where public/ is. */
  root: string;
  /** The content folder being checked: where sources.yaml and facts.yaml are. */
  contentDir: string;
}

const problem = (file: ContentFile | string, line: number, rule: RuleName, message: string, fix: string): Problem => ({
  file: typeof file === 'string' ? file : file.shown,
  line,
  rule,
  message,
  fix,
});

const keyOf = (entry: { collection: string; id: string }) => `${entry.collection}/${entry.id}`;
const pathOf = (entry: { collection: string; id: string }) => `/${entry.collection}/${entry.id}/`;
/** An article's text after its frontmatter (the whole file when it has none), as the loader reads it. */
const bodyOf = (source: string) => splitFrontmatter(source)?.body ?? source;

/** Entries that will be published: not drafts, and with frontmatter that could be read at all. */
const published = (entries: readonly CheckedEntry[]) => entries.filter((entry) => !entry.draft && entry.file.data !== undefined);

/** A field path as zod and the graph report it, e.g. ["skills", 0, "skill"] ⇄ "skills[0].skill". */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}
function parseFieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? match[1]! : Number(match[2])));
}

// ── Files and frontmatter ──────────────────────────────────────────────────────

export function checkFileNames(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const stray of context.folder.strays) {
    if (stray.kind === 'folder') {
      problems.push(
        problem(
          stray.shown,
          1,
          'filename',
          `${stray.shown}/ is not a collection, so nothing in it is published`,
          `move its pages into one of the collection folders: ${COLLECTION_NAMES.join(', ')}`,
        ),
      );
    } else {
      const renamed = stray.shown.replace(/\.(md|markdown|txt)$/i, '.mdx');
      problems.push(
        problem(
          stray.shown,
          1,
          'filename',
          'only .mdx files inside a collection folder are published; this file is ignored',
          renamed === stray.shown
            ? `move or delete it (images beside articles are ${IMAGE_EXTENSIONS.join(', ')} files)`
            : `rename it to ${renamed.split('/').pop()}`,
        ),
      );
    }
  }
  const claimed = new Map<string, CheckedEntry>();
  for (const entry of context.entries) {
    if (!SLUG_PATTERN.test(entry.file.name)) {
      const suggestion = toSlug(entry.id);
      problems.push(
        problem(
          entry.file,
          1,
          'filename',
          'the file name becomes the page URL, so it must be lower-case words joined by hyphens',
          `rename it to ${suggestion || 'a-descriptive-name'}.mdx`,
        ),
      );
    }
    const key = keyOf(entry);
    const owner = claimed.get(key);
    if (owner) {
      problems.push(
        problem(
          entry.file,
          1,
          'filename',
          `two files claim the URL slug "${entry.id}": ${owner.file.shown} and ${entry.file.shown}`,
          'each page needs its own file name; rename or merge one of them',
        ),
      );
    } else claimed.set(key, entry);
  }
  return problems;
}

export function checkFrontmatter(context: CheckContext): Problem[] {
  return context.entries.flatMap(({ file }) =>
    file.frontmatterError ? [problem(file, file.frontmatterError.line, 'frontmatter', file.frontmatterError.message, file.frontmatterError.fix)] : [],
  );
}

export function checkDates(context: CheckContext): Problem[] {
  return context.entries.flatMap(({ file }) =>
    file.frontmatterError
      ? []
      : findDateProblems(file.source).map((date) => problem(file, date.line, 'date', `field "${date.field}": ${date.problem}`, date.fix)),
  );
}

type ErrorMap = (issue: z.core.$ZodRawIssue) => { message: string } | string | undefined;

/** How to fix a schema issue whose message does not already say so. */
function schemaFix(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'remove it, or correct the spelling to one of the allowed fields';
    case 'invalid_type': {
      if (input === undefined) return 'add it to the frontmatter';
      const expected = String(issue.expected);
      if (expected === 'number') return 'write a number without quotes';
      if (expected === 'boolean') return 'write true or false, without quotes';
      if (expected === 'array') return 'write a list: [first, second], or one "- item" per line below the field';
      if (expected === 'string') return 'write text; put it in quotes if it contains a colon or starts with a symbol';
      return 'see the field in CONTRIBUTING.md';
    }
    case 'too_small':
    case 'too_big':
      if (typeof input === 'string') return `it has ${[...input].length} characters`;
      if (Array.isArray(input)) return `it has ${input.length}`;
      return 'see the field in CONTRIBUTING.md';
    case 'invalid_value': {
      const suggestion = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
      return suggestion ? `did you mean ${suggestion}?` : 'use one of the values listed';
    }
    case 'invalid_format':
      return issue.format === 'url' ? 'write the full address, starting with https://' : 'see the field in CONTRIBUTING.md';
    default:
      return 'see the field in CONTRIBUTING.md';
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Validates every entry's frontmatter with its collection's real zod schema; keeps the valid ones. */
export async function checkSchemas(
  context: CheckContext,
  schemas: Record<CollectionName, z.ZodType>,
  errorMap: ErrorMap | undefined,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const checked of context.entries) {
    const { file } = checked;
    if (!file.data) continue;
    const dateFields = new Set(findDateProblems(file.source).map((date) => date.field));
    const result = await schemas[checked.collection].safeParseAsync(file.data, errorMap ? { error: errorMap } : undefined);
    if (result.success) {
      checked.entry = {
        collection: checked.collection,
        id: checked.id,
        filePath: file.shown,
        digest: '', // only build cache keys read it
        facts: articleFacts(bodyOf(file.source)),
        data: result.data,
      } as AtlasEntry;
      continue;
    }
    for (const issue of result.error.issues) {
      if (typeof issue.path[0] === 'string' && dateFields.has(issue.path[0])) continue; // reported by the date rule
      // Astro's error map puts "**field**: " in front of its own messages; the field is named here already.
      const message = issue.message.replace(/^\*\*[^*]+\*\*: /, '');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push(
            problem(
              file,
              file.lineOfKey(key),
              'schema',
              message.replace(/^unknown fields? .*?\. /, `unknown field "${key}". `),
              schemaFix(issue, undefined),
            ),
          );
        }
        continue;
      }
      const input = valueAt(file.data, issue.path);
      const field = formatFieldPath(issue.path);
      problems.push(problem(file, file.lineOf(issue.path), 'schema', field ? `field "${field}": ${message}` : message, schemaFix(issue, input)));
    }
  }
  return problems;
}

// ── References between entries ────────────────────────────────────────────────

/**
 * Frontmatter references, checked by the same ContentGraph the build uses: once as
 * production sees the site (drafts unpublished), once as `npm run dev` does (drafts shown).
 */
export function checkReferences(context: CheckContext): Problem[] {
  // Entries whose file name is no valid URL never load, so they are not offered as valid ids either.
  const valid = context.entries.filter((checked) => checked.entry && SLUG_PATTERN.test(checked.file.name)).map((checked) => checked.entry!);
  const invalid = new Set(context.entries.filter((checked) => !checked.entry).map(keyOf));
  const byPath = new Map(context.entries.map((checked) => [checked.file.shown, checked.file]));
  const found = new Map<string, Problem>();
  const collect = (entries: AtlasEntry[], unpublished: AtlasEntry[]) => {
    try {
      new ContentGraph(entries, unpublished);
    } catch (error) {
      if (!(error instanceof ContentReferenceError)) throw error;
      for (const broken of error.problems as BrokenReference[]) {
        // An entry that exists but failed its schema is reported there, not as missing here.
        if (broken.reason === 'missing' && invalid.has(keyOf(broken.target))) continue;
        const file = byPath.get(broken.filePath)!;
        const { message, fix } = explainBrokenReference(broken, error.known);
        const rule: RuleName = broken.reason === 'draft' ? 'draft-link' : 'reference';
        const key = `${broken.filePath}|${broken.field}`;
        if (!found.has(key)) found.set(key, problem(file, file.lineOf(parseFieldPath(broken.field)), rule, message, fix));
      }
    }
  };
  collect(
    valid.filter((entry) => !entry.data.draft),
    valid.filter((entry) => entry.data.draft),
  );
  collect(valid, []);
  return [...found.values()];
}

/** Old names (previousIds) checked by the same rule the build applies: drafts count, their names go live on publishing. */
export function checkPreviousIds(context: CheckContext): Problem[] {
  const valid = context.entries.filter((checked) => checked.entry && SLUG_PATTERN.test(checked.file.name));
  const byPath = new Map(valid.map((checked) => [checked.file.shown, checked.file]));
  return previousIdConflicts(valid.map((checked) => checked.entry!)).map((conflict) => {
    const file = byPath.get(conflict.filePath)!;
    const { message, fix } = explainPreviousIdConflict(conflict);
    return problem(file, file.lineOf(parseFieldPath(conflict.field)), 'previous-id', message, fix);
  });
}

// ── The MDX body ──────────────────────────────────────────────────────────────

export function checkComponents(context: CheckContext): Problem[] {
  const available = context.components;
  return context.entries.flatMap(({ file, outline }) =>
    (outline?.components ?? [])
      .filter((component) => !available.includes(component.name))
      .map((component) => {
        const suggestion = closest(component.name, available);
        return problem(
          file,
          component.line,
          'component',
          `<${component.name}> is not a component writers can use`,
          `${suggestion ? `did you mean <${suggestion}>? ` : ''}Available without an import: ${available.map((name) => `<${name}>`).join(', ')}`,
        );
      }),
  );
}

export function checkHeadings(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const { file, outline } of context.entries) {
    let previous = 1; // the page title, rendered by the layout, is the h1
    for (const heading of outline?.headings ?? []) {
      if (heading.depth === 1) {
        problems.push(
          problem(
            file,
            heading.line,
            'heading',
            `"# ${heading.text}" is a second h1: the page title from the frontmatter is already the h1`,
            'start sections at ## and subsections at ###',
          ),
        );
        continue;
      }
      if (heading.depth > previous + 1) {
        const hashes = '#'.repeat(heading.depth);
        problems.push(
          problem(
            file,
            heading.line,
            'heading',
            `"${hashes} ${heading.text}" skips from h${previous} to h${heading.depth}`,
            `use ${'#'.repeat(previous + 1)} here, one level below the heading before it; screen-reader users move through a page by heading level`,
          ),
        );
      }
      previous = heading.depth;
    }
  }
  return problems;
}

/** Images: beside the article, with alt text, of a type the image pipeline takes; the build says the same (writer-checks.ts). */
export function checkImages(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const { file, outline } of context.entries) {
    for (const image of outline?.images ?? []) {
      if (image.jsx) {
        problems.push(problem(file, image.line, 'image', `<img src="${image.src}"> skips the image pipeline`, `write ${IMAGE_EXAMPLE}`));
        continue;
      }
      const found = imageProblem(image.src, image.alt ?? '', file.path);
      if (found) problems.push(problem(file, image.line, 'image', found.problem, found.fix));
    }
  }
  return problems;
}

/** Internal links in bodies: a page must exist, an #anchor must be a heading on it, and drafts stay private. */
export function checkLinks(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const byPath = new Map(context.entries.map((checked) => [pathOf(checked), checked]));
  const anchorsOf = (checked: CheckedEntry) => new Set(checked.outline?.headings.map((heading) => heading.slug) ?? []);
  const entryPaths = [...byPath.keys()];

  for (const source of context.entries) {
    const { file, outline } = source;
    for (const link of outline?.links ?? []) {
      const href = link.href.trim();
      if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue; // external, mailto:, tel:
      const [beforeHash, ...hashParts] = href.split('#');
      const fragment = decodeURIComponent(hashParts.join('#'));
      const path = decodeURI(beforeHash!.split('?')[0]!);

      if (path === '') {
        // "#section" on the same page
        if (fragment && source.outline && !anchorsOf(source).has(fragment)) {
          problems.push(problem(file, link.line, 'link', `the link to #${fragment} points to no heading on this page`, anchorHint(source, fragment)));
        }
        continue;
      }
      if (!path.startsWith('/')) {
        problems.push(
          problem(
            file,
            link.line,
            'link',
            `the link to ${href} is relative`,
            'write links inside the site from the root, e.g. /skills/redis/, so they keep working wherever the page is shown',
          ),
        );
        continue;
      }
      const target = byPath.get(path) ?? byPath.get(`${path}/`);
      if (target) {
        if (!path.endsWith('/')) {
          problems.push(
            problem(
              file,
              link.line,
              'link',
              `the link to ${href} has no trailing slash`,
              `write ${path}/${fragment ? `#${fragment}` : ''}: pages live at addresses ending in /`,
            ),
          );
        }
        if (target.draft && !source.draft) {
          problems.push(
            problem(
              file,
              link.line,
              'draft-link',
              `the link to ${href} goes to ${target.file.shown}, which is a draft and is not published`,
              'publish it by removing draft: true, or remove the link',
            ),
          );
        } else if (fragment && target.outline && !anchorsOf(target).has(fragment)) {
          problems.push(
            problem(
              file,
              link.line,
              'link',
              `the link to ${href} points to #${fragment}, but ${target.file.shown} has no heading with that id`,
              anchorHint(target, fragment),
            ),
          );
        }
        continue;
      }
      if (context.routes.exists(path)) continue;
      if (!path.endsWith('/') && context.routes.exists(`${path}/`)) {
        problems.push(
          problem(file, link.line, 'link', `the link to ${href} has no trailing slash`, `write ${path}/: pages live at addresses ending in /`),
        );
        continue;
      }
      const suggestion = closest(path.endsWith('/') ? path : `${path}/`, entryPaths);
      problems.push(
        problem(
          file,
          link.line,
          'link',
          `the link to ${href} goes to no page`,
          suggestion
            ? `did you mean ${suggestion}?`
            : 'link to an existing page: /<collection>/<file name>/, e.g. /skills/redis/ for content/skills/redis.mdx',
        ),
      );
    }
  }
  return problems;
}

function anchorHint(target: CheckedEntry, fragment: string): string {
  const slugs = target.outline?.headings.filter((heading) => heading.depth > 1).map((heading) => heading.slug) ?? [];
  const suggestion = closest(fragment, slugs);
  if (suggestion) return `did you mean #${suggestion}?`;
  return slugs.length > 0
    ? `link to one of its headings: ${slugs.map((slug) => `#${slug}`).join(', ')}`
    : 'the page has no headings to link to; link to the page itself';
}

// ── The site as a whole ───────────────────────────────────────────────────────

export function checkDuplicates(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['title', 'description'] as const) {
    const groups = new Map<string, CheckedEntry[]>();
    for (const checked of context.entries) {
      const value = checked.file.data?.[field];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const key = value.trim().replace(/\s+/g, ' ').toLowerCase();
      groups.set(key, [...(groups.get(key) ?? []), checked]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const checked of group) {
        const others = group.filter((other) => other !== checked).map((other) => other.file.shown);
        problems.push(
          problem(
            checked.file,
            checked.file.lineOf([field]),
            'duplicate',
            `the ${field} is the same as in ${others.join(' and ')}`,
            field === 'title'
              ? 'give each page its own title, so search results and browser tabs can be told apart'
              : 'write a description that says what is particular to this page',
          ),
        );
      }
    }
  }
  return problems;
}

/** Published pages that no other published page links to, in its body or its frontmatter. */
export function checkOrphans(context: CheckContext): Problem[] {
  const live = published(context.entries);
  const livePaths = new Set(live.map(pathOf));
  const linked = new Set<string>();
  for (const checked of live) {
    const own = pathOf(checked);
    for (const link of checked.outline?.links ?? []) {
      const path = link.href.split(/[?#]/)[0]!.replace(/([^/])$/, '$1/');
      if (path !== own && livePaths.has(path)) linked.add(path);
    }
    if (checked.entry) {
      for (const { ref } of referencesOf(checked.entry)) if (pathOf(ref) !== own) linked.add(pathOf(ref));
    }
  }
  return live
    .filter((checked) => !linked.has(pathOf(checked)))
    .map((checked) => {
      const outgoing = [
        ...new Set(
          (checked.outline?.links ?? []).map((link) => link.href.split(/[?#]/)[0]!).filter((path) => livePaths.has(path) && path !== pathOf(checked)),
        ),
      ].slice(0, 3);
      return problem(
        checked.file,
        1,
        'orphan',
        `no other page links to ${pathOf(checked)}, so readers only reach it through the index or search`,
        outgoing.length > 0
          ? `add a link to it from a related page, e.g. one it links to: ${outgoing.join(', ')}`
          : 'add a link to it from a related page',
      );
    });
}

export function checkStatistics(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const { file, outline } of context.entries) {
    const sources = file.data?.['sources'];
    if (Array.isArray(sources) && sources.length > 0) continue;
    for (const block of outline?.blocks ?? []) {
      for (const statistic of findStatistics(block.text)) {
        problems.push(
          problem(
            file,
            block.line,
            'statistic',
            `"${statistic.text.replace(/[.,]+$/, '')}" is a ${statistic.kind}, but the page lists no sources`,
            'cite the work the figure comes from (an id from content/sources.yaml in sources), name it in the sentence, and keep the figure in content/facts.yaml; never estimate or invent a figure',
          ),
        );
      }
    }
  }
  return problems;
}

/**
 * Sources: every published page cites at least one primary source, and cites sources by their id in
 * content/sources.yaml, where each is written once (a source written out in a page is reported).
 */
export function checkSources(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  let registry: Registry;
  try {
    registry = loadRegistry(context.contentDir);
  } catch (error) {
    return registryProblems(error);
  }
  const byUrl = new Map([...registry.sources].map(([id, source]) => [source.url.replace(/\/$/, ''), id]));
  for (const { file } of published(context.entries)) {
    const cited = Array.isArray(file.data?.['sources']) ? (file.data['sources'] as unknown[]) : [];
    const kinds: (SourceKind | undefined)[] = [];
    cited.forEach((source, index) => {
      if (typeof source === 'string') {
        kinds.push(registry.sources.get(source)?.kind);
        return;
      }
      const url = typeof source === 'object' && source && 'url' in source ? String(source.url).replace(/\/$/, '') : '';
      const known = byUrl.get(url);
      problems.push(
        problem(
          file,
          file.lineOf(['sources', index]),
          'sources',
          known
            ? `this source is already in content/sources.yaml as "${known}"`
            : 'this source is written out here instead of once in content/sources.yaml',
          known
            ? `write its id instead: sources: [${known}]`
            : 'move it to content/sources.yaml under a short id (with its kind: documentation, specification, standard, release-notes, statistics, research, article or book) and list the id here',
        ),
      );
      kinds.push(undefined);
    });
    // A page still written with sources in full is told to move them first.
    if (kinds.includes(undefined)) continue;
    if (!kinds.some((kind) => kind !== undefined && PRIMARY_SOURCE_KINDS.includes(kind))) {
      problems.push(
        problem(
          file,
          cited.length > 0 ? file.lineOf(['sources']) : 1,
          'sources',
          cited.length > 0 ? 'none of the page’s sources is a primary source' : 'the page cites no source',
          `add at least one primary source for what it states (official documentation, a specification or standard, release notes, BLS or O*NET), as an id from content/sources.yaml whose kind is ${PRIMARY_SOURCE_KINDS.join(', ')}`,
        ),
      );
    }
  }
  return problems;
}

/** Written once: a code block of five lines or more, or a paragraph, that another page already has. */
export function checkRepetition(context: CheckContext): Problem[] {
  const entries = published(context.entries);
  const byPage = new Map(entries.map((entry) => [keyOf(entry), entry]));
  const passages: Passage[] = entries.flatMap((entry) => [
    ...codeBlocks(keyOf(entry), entry.file.source),
    ...(entry.outline?.blocks ?? []).map((block) => ({ page: keyOf(entry), line: block.line, kind: 'prose' as const, text: block.text })),
  ]);
  return findRepetitions(passages).map(({ copy, original, shared }) => {
    const owner = byPage.get(original.page)!;
    return problem(
      byPage.get(copy.page)!.file,
      copy.line,
      'repeat',
      copy.kind === 'code'
        ? `this code block shares ${shared} lines with ${owner.file.shown}:${original.line}`
        : `this paragraph says nearly the same as ${owner.file.shown}:${original.line}`,
      `say it once, on the page that owns the topic (the check suggests ${pathOf(owner)}), and link there from the others`,
    );
  });
}

/** Facts: every <Fact id> names a fact in content/facts.yaml. */
export function checkFacts(context: CheckContext): Problem[] {
  let registry: Registry;
  try {
    registry = loadRegistry(context.contentDir);
  } catch {
    return []; // reported once, by checkSources
  }
  const problems: Problem[] = [];
  for (const { file } of context.entries) {
    const source = withoutComments(file.source);
    for (const match of source.matchAll(/<Fact\b([^>]*)>/g)) {
      const line = source.slice(0, match.index).split('\n').length;
      const id = /\bid=["']([^"']*)["']/.exec(match[1]!)?.[1];
      if (id === undefined) {
        problems.push(problem(file, line, 'fact', '<Fact> has no id', 'write the id of a fact in content/facts.yaml in quotes: <Fact id="…" />'));
      } else if (!registry.facts.has(id)) {
        problems.push(
          problem(
            file,
            line,
            'fact',
            `there is no fact "${id}" in content/facts.yaml${didYouMean(id, registry.facts.keys())}`,
            'add it there (value, label, source, checked) or use an id it has',
          ),
        );
      }
    }
  }
  return problems;
}

/** A registry file that does not load, as problems at its lines. */
function registryProblems(error: unknown): Problem[] {
  if (!(error instanceof RegistryError)) throw error;
  return error.message.split('\n').map((line) => {
    const [, file, at, message] = /^([^:]+?)(?::(\d+))?: (.*)$/.exec(line) ?? [undefined, 'content', undefined, line];
    return problem(file!, Number(at ?? 1), file!.endsWith('facts.yaml') ? 'fact' : 'sources', message!, 'see "Facts and sources" in CONTRIBUTING.md');
  });
}

/** Facts last checked more than `months` ago on `today`, with the pages that show them: a list to work through, not an error. */
export function staleFactReport(context: CheckContext, today: Date, months = 12): string[] {
  const registry = loadRegistry(context.contentDir);
  return staleFacts(registry, today, months).map(([id, fact]) => {
    const pages = context.entries.filter(({ file }) => factIdsIn(file.source).includes(id)).map(({ file }) => file.shown);
    return `${id}: "${fact.value}" (${fact.label}), last checked ${fact.checked.toISOString().slice(0, 10)} against ${fact.source}; shown on ${pages.length > 0 ? pages.join(', ') : 'no page'}`;
  });
}

export function checkLength(context: CheckContext): Problem[] {
  return published(context.entries)
    .filter((checked) => checked.outline)
    .flatMap(({ file }) => {
      const words = countWords(bodyOf(file.source));
      return words >= MIN_BODY_WORDS
        ? []
        : [
            problem(
              file,
              1,
              'length',
              `the page has ${words} words of prose; a published page needs at least ${MIN_BODY_WORDS}`,
              'finish it, 600 to 1,300 words reads best, or keep draft: true until it is ready',
            ),
          ];
    });
}

export function checkTodos(context: CheckContext): Problem[] {
  return published(context.entries).flatMap(({ file }) =>
    file.source
      .split(/\r?\n/)
      .flatMap((text, index) =>
        /\bTODO\b/.test(text)
          ? [
              problem(
                file,
                index + 1,
                'todo',
                'a TODO placeholder is still in the page',
                'replace it with real content, or keep draft: true until the page is ready',
              ),
            ]
          : [],
      ),
  );
}
