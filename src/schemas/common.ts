import { z } from 'astro/zod';

/** A slug-safe id: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Field descriptions are written once, with `.describe()`, because they are used at run time:
// Astro turns these schemas into the JSON Schemas that give writers completion and hover help
// in VS Code, and `npm run new` and the field reference in CONTRIBUTING.md are generated from them.

/** "; found …" for an error message, naming the value the writer wrote and its type. */
export function found(input: unknown): string {
  if (input === undefined) return '';
  if (typeof input === 'string') return `; found the text "${input}"`;
  if (Array.isArray(input)) return '; found a list';
  if (input === null) return '; found an empty value';
  if (typeof input === 'object') return '; found a group of fields';
  return `; found ${String(input)}`;
}

const DATE_MESSAGE = 'must be a date written as YYYY-MM-DD, e.g. 2026-11-26';
const EDITION_MESSAGE = 'give the date or edition of the source, e.g. "2024–34 edition" or 2016';

/**
 * A calendar date. YAML reads an unquoted 2026-11-26 as a date and a quoted one as text;
 * both are accepted. (Written as a union rather than z.coerce.date() so that the editor's
 * JSON Schema accepts a plain YYYY-MM-DD instead of demanding a full date-time.)
 */
export const calendarDate = () =>
  z.union([z.date({ error: DATE_MESSAGE }), z.iso.date({ error: DATE_MESSAGE })], { error: DATE_MESSAGE }).transform((value) => new Date(value));

/** Where a fact or figure on the page comes from. Required for every statistic. */
export const sourceSchema = z.strictObject({
  title: z
    .string()
    .min(3, 'give the title of the cited work')
    .describe('Title of the cited work, e.g. "Occupational Outlook Handbook: Software Developers".'),
  publisher: z.string().min(2, 'name the publisher of the source').describe('Who published it, e.g. "U.S. Bureau of Labor Statistics".'),
  url: z.url({ error: 'must be a full URL starting with https:// or http://' }).describe('Address of the source (https://…).'),
  edition: z
    .union(
      [
        z.string({ error: EDITION_MESSAGE }).min(4, EDITION_MESSAGE),
        z.number({ error: EDITION_MESSAGE }).int(EDITION_MESSAGE),
        z.date({ error: EDITION_MESSAGE }),
      ],
      {
        error: EDITION_MESSAGE,
      },
    )
    // A bare year or date written without quotes is accepted and kept as text.
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)))
    .describe('Date or edition of the source, e.g. "2024–34 edition", 2016 or 2025-09-08.'),
});
export type Source = z.infer<typeof sourceSchema>;

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
 * runtime, about 110 modules, every time the config is loaded: ~0.45 s of every build, cold or warm
 * (docs/performance.md). Whether the slug exists is checked with the other links (src/lib/graph.ts).
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
  updated: calendarDate().describe('Date the content was last reviewed or changed, as YYYY-MM-DD.'),
  draft: z
    .boolean({ error: 'must be true or false' })
    .default(false)
    .describe('true while the page is being written: drafts show in `npm run dev` only and are never built, indexed or listed in production.'),
  sources: z
    .array(sourceSchema, { error: 'must be a list of sources, each with title, publisher, url and edition' })
    .default([])
    .describe('Sources for the facts and figures on the page, listed under it. Any statistic needs at least one.'),
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
