/**
 * Editorial rules shared by the content lint (before the build) and the
 * build-output tests (after it): how much prose a page needs and what counts
 * as a statistic that must cite a source.
 */

/** Minimum words of prose in the body of a published page (code excluded). */
export const MIN_BODY_WORDS = 300;

/**
 * Phrases that state a statistic: a percentage, a money amount, a survey share.
 * Plain numbers (port 5432, HTTP 404, 16 MB) are not statistics.
 */
const STATISTIC_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'percentage', pattern: /\d(?:[\d,.]*\d)?\s?(?:%|per ?cent\b|percent\b)/i },
  {
    name: 'money amount',
    pattern: /(?:[$£€¥]\s?\d[\d,.]*(?:\s?(?:k|m|bn|million|billion|thousand))?|\b\d[\d,.]*\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b)/i,
  },
  {
    name: 'survey share',
    pattern:
      /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten) (?:in|out of) (?:\d[\d,.]*|ten|a hundred|every) (?:developers|respondents|engineers|people|companies)\b/i,
  },
];

export interface StatisticMatch {
  kind: string;
  text: string;
}

/** The statistics stated in a piece of prose (code must be removed first). */
export function findStatistics(prose: string): StatisticMatch[] {
  const found: StatisticMatch[] = [];
  for (const { name, pattern } of STATISTIC_PATTERNS) {
    const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    for (const match of prose.matchAll(global)) found.push({ kind: name, text: match[0] });
  }
  return found;
}
