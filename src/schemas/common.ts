import { z } from 'astro/zod';
import { didYouMean, loadRegistry } from '../lib/content/registry.ts';
import { type Source, type SourceKind, sourceSchema } from './registry.ts';

import { calendarDate, found, SLUG_PATTERN } from './values.ts';

export { calendarDate, found, SLUG_PATTERN } from './values.ts';
export { type Source, sourceSchema } from './registry.ts';

// Field descriptions are written once, with `.describe()`, because they are used at run time:
// Astro turns these schemas into the JSON Schemas that give writers completion and hover help
// in VS Code, and `npm run new` and the field reference in CONTRIBUTING.md are generated from them.

/** A source as pages receive it: from content/sources.yaml (with its id and kind), or written inline. */
export type CitedSource = Source & { id?: string; kind?: SourceKind };

/**
 * A page's source: the id of an entry in content/sources.yaml, resolved to the entry. A source
 * written out in full is still read (older pages), but the content check asks for an id, so
 * that each source is written once.
 */
function sourceReference() {
  return z.union([z.string({ error: 'must be a source id from content/sources.yaml' }), sourceSchema]).transform((value, context): CitedSource => {
    if (typeof value !== 'string') return value;
    const { sources } = loadRegistry();
    const source = sources.get(value);
    if (source) return { id: value, ...source };
    context.issues.push({
      code: 'custom',
      input: value,
      message: `there is no source "${value}" in content/sources.yaml${didYouMean(value, sources.keys())}: add it there (title, publisher, url, edition, kind) or use an id it has`,
    });
    return z.NEVER;
  });
}

/** JSON Schema keyword that marks a reference field and names its collection (read by scripts/new-page/fields.ts). */
export const REFERENCE_KEYWORD = 'x-collection';

/**
 * A frontmatter field that names an entry of a collection by its slug, parsed to the
 * `{ collection, id }` that Astro's `getEntry()` takes.
 *
 * This is the parse Astro's own `reference()` does (astro/templates/content/module.mjs →
 * `createReference`): a slug, or a number YAML read from a bare `2024`, becomes `{ id, collection }`.
 * It is written here because `reference` is exported only by the `astro:content` virtual module,
 * and importing that into the content config makes Vite load and transform Astro's whole content
 * runtime every time the config is loaded, in every build, cold or warm (measured: docs/performance.md).
 * Whether the slug exists is checked with the other links (src/lib/views/graph.ts).
 */
export const reference = <C extends string>(collection: C) =>
  z
    .union([z.string(), z.number().transform((number) => number.toString(10))], {
      error: (issue) => `must be the slug of a page in content/${collection}/: its file name without .mdx${found(issue.input)}`,
    })
    .transform((id): { collection: C; id: string } => ({ collection, id }))
    .meta({ [REFERENCE_KEYWORD]: collection });

/** Description of a frontmatter field that holds the slug of an entry in another collection. */
export const referenceHelp = (collection: string, what: string) =>
  `${what} Write the slug of an entry in content/${collection}/: its file name without .mdx.`;

/**
 * Fields every entry in every collection has. Collections extend this object
 * and stay strict, so a misspelt field name is an error rather than silently ignored.
 */
export const baseEntryShape = {
  title: z
    .string({ error: 'is required: the page title, 3–70 characters' })
    .min(3, 'must be at least 3 characters')
    .max(70, 'must be at most 70 characters so it fits in search results')
    .describe('Page title, shown as the h1 and in the browser tab (3–70 characters).'),
  description: z
    .string({ error: 'is required: a one-sentence summary of 50–160 characters' })
    .min(50, 'is too short: write 50–160 characters so search engines and readers get a useful summary')
    .max(160, 'is too long: keep it to 50–160 characters (search engines cut longer descriptions)')
    .describe('One-sentence summary used as the meta description, the search excerpt fallback and on index pages: 50–160 characters.'),
  updated: calendarDate().describe('Date the content last changed in what it says, as YYYY-MM-DD.'),
  reviewed: calendarDate()
    .optional()
    .describe(
      'Date someone last checked the page line by line against its sources and current releases, as YYYY-MM-DD. Shown on the page; it is not the same as updated.',
    ),
  draft: z
    .boolean({ error: 'must be true or false' })
    .default(false)
    .describe('true while the page is being written: drafts show in `npm run dev` only and are never built, indexed or listed in production.'),
  sources: z
    .array(sourceReference(), { error: 'must be a list of source ids from content/sources.yaml, e.g. [rfc-9110, bls-ooh-software-developers]' })
    .default([])
    .describe(
      'The primary sources for what the page states, listed under it: ids from content/sources.yaml (each source is written there once). Every page needs at least one.',
    ),
  previousIds: z
    .array(
      z.string({ error: (issue) => `each old name must be a slug, e.g. redis-basics${found(issue.input)}` }).regex(SLUG_PATTERN, {
        error: (issue) => `each old name must be lower-case words joined by hyphens, e.g. redis-basics${found(issue.input)}`,
      }),
      { error: (issue) => `must be a list of the file names this page had before, without .mdx, e.g. [redis-basics]${found(issue.input)}` },
    )
    .default([])
    .describe(
      "The file names (without .mdx) this page had before it was renamed, e.g. [redis-basics]. Readers' progress saved under an old name carries over to this page. An old name cannot be the file name of another page, or listed by two pages.",
    ),
};

/** A position in a list, lower first; entries without one come after those with one. */
export const orderField = (description: string) =>
  z
    .number({ error: (issue) => `must be a whole number, e.g. 3${found(issue.input)}` })
    .int({ error: (issue) => `must be a whole number, e.g. 3${found(issue.input)}` })
    .min(0, { error: (issue) => `must be 0 or more${found(issue.input)}` })
    .default(100)
    .describe(description);

/** Other phrases readers type into search for this page. */
export const aliasesField = (example: string) =>
  z
    .array(z.string({ error: 'each alias must be text' }).min(1, 'an alias cannot be empty'), {
      error: `must be a list of phrases, e.g. [${example}]`,
    })
    .default([])
    .describe(`Other names readers search for, e.g. [${example}]. Fed to search.`);

/** A list of references to entries of another collection. */
export const referenceList = <T extends z.ZodType>(reference: T, collection: string) =>
  z.array(reference, {
    error: `must be a list of slugs from content/${collection}/, e.g. [${collection === 'skills' ? 'postgresql, redis' : 'first-slug, second-slug'}]`,
  });

/**
 * A strict object whose "unknown field" error lists the fields that are allowed,
 * so a misspelt field name tells the writer what they probably meant.
 */
export function entrySchema<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}. Allowed fields: ${allowed}.`
        : undefined,
  });
}
