import { z } from 'astro/zod';

/** A slug-safe id: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where a fact or figure on the page comes from. Required for every statistic. */
export const sourceSchema = z.strictObject({
  /** Title of the cited work, e.g. "Occupational Outlook Handbook: Software Developers". */
  title: z.string().min(3, 'give the title of the cited work'),
  /** Who published it, e.g. "U.S. Bureau of Labor Statistics". */
  publisher: z.string().min(2, 'name the publisher of the source'),
  /** Address of the source (https://…). */
  url: z.url({ error: 'must be a full URL starting with https:// or http://' }),
  /**
   * Date or edition of the source, e.g. "2024–34 edition", 2016 or 2025-09-08.
   * A bare year or date written without quotes is accepted and kept as text.
   */
  edition: z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z.string({ error: 'give the date or edition of the source as text, e.g. "2024–34 edition" or 2016' }).min(4, 'give the date or edition of the source, e.g. "2024–34 edition" or 2016'),
  ),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * Fields every entry in every collection has. Collections extend this object
 * and stay strict, so a misspelt field name is an error rather than silently ignored.
 */
export const baseEntryShape = {
  /** Page title, shown as the h1 and in the browser tab (3–70 characters). */
  title: z
    .string({ error: 'is required: the page title, 3–70 characters' })
    .min(3, 'must be at least 3 characters')
    .max(70, 'must be at most 70 characters so it fits in search results'),
  /**
   * One-sentence summary used as the meta description, the search excerpt
   * fallback and on index pages: 50–160 characters.
   */
  description: z
    .string({ error: 'is required: a one-sentence summary of 50–160 characters' })
    .min(50, 'is too short: write 50–160 characters so search engines and readers get a useful summary')
    .max(160, 'is too long: keep it to 50–160 characters (search engines cut longer descriptions)'),
  /** Date the content was last reviewed or changed, as YYYY-MM-DD. */
  updated: z.coerce.date({ error: 'must be a date written as YYYY-MM-DD, e.g. 2026-11-26' }),
  /** Drafts show in `npm run dev` only; never built, indexed or listed in production. */
  draft: z.boolean({ error: 'must be true or false' }).default(false),
  /** Sources for the facts and figures on the page. Any statistic needs at least one. */
  sources: z.array(sourceSchema).default([]),
};

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
