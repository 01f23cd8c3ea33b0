/**
 * The atlas's shared data, kept once and rendered into pages (as MDN keeps browser support):
 * content/sources.yaml, every work a page cites, and content/facts.yaml, every figure,
 * version or date that goes stale, each tied to a source and the day it was last checked.
 */
import { z } from 'astro/zod';
import { calendarDate, SLUG_PATTERN } from './values.ts';

const EDITION_MESSAGE = 'give the date or edition of the source, e.g. "2024–34 edition" or 2016';

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

/** What kind of work a source is. The first six are primary sources: they state the thing itself. */
export const SOURCE_KINDS = ['documentation', 'specification', 'standard', 'release-notes', 'statistics', 'research', 'article', 'book'] as const;
export const PRIMARY_SOURCE_KINDS: readonly SourceKind[] = ['documentation', 'specification', 'standard', 'release-notes', 'statistics', 'research'];
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One entry of content/sources.yaml. */
export const registeredSourceSchema = sourceSchema.extend({
  kind: z
    .enum(SOURCE_KINDS, { error: `must be one of: ${SOURCE_KINDS.join(', ')}` })
    .describe(
      'documentation, specification, standard, release-notes, statistics (BLS, O*NET, surveys) or research (papers, the original definition of a term) are primary; article and book are not.',
    ),
});
export type RegisteredSource = z.infer<typeof registeredSourceSchema>;

/** One entry of content/facts.yaml. */
export const factSchema = z.strictObject({
  value: z
    .union([z.string().min(1), z.number()], { error: 'give the value as readers should see it, e.g. "$131,450" or "17"' })
    .transform(String)
    .describe('The value as pages show it, e.g. "$131,450", "2024–34" or "postgres:17".'),
  label: z.string({ error: 'say what the value is, e.g. "Median pay of software developers (May 2024)"' }).min(5).describe('What the value is.'),
  source: z
    .string({ error: 'name the source: an id from content/sources.yaml' })
    .regex(SLUG_PATTERN, 'must be an id from content/sources.yaml')
    .describe('Id of the source in content/sources.yaml.'),
  checked: calendarDate().describe('The day the value was last checked against its source, YYYY-MM-DD.'),
  note: z.string().optional().describe('Anything a reader or the next checker should know (what the figure does not cover).'),
});
export type Fact = z.infer<typeof factSchema>;

const idKey = z.string().regex(SLUG_PATTERN, 'ids are lower-case words joined by hyphens, e.g. bls-software-developers-median-pay');
export const sourcesFileSchema = z.record(idKey, registeredSourceSchema, { error: 'must map ids to sources' });
export const factsFileSchema = z.record(idKey, factSchema, { error: 'must map ids to facts' });
