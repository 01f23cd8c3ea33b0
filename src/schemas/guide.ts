import { z } from 'astro/zod';
import { baseEntryShape, entrySchema } from './common';

/** Which part of the guides index a guide is listed under. */
export const GUIDE_SECTIONS = ['overview', 'impact', 'career'] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

export const GUIDE_SECTION_LABELS: Record<GuideSection, string> = {
  overview: 'The work',
  impact: 'The impact of backend work',
  career: 'Getting in and growing',
};

export const guideSchema = entrySchema({
  ...baseEntryShape,
  /** Section of the guides index. */
  section: z.enum(GUIDE_SECTIONS, { error: `must be one of: ${GUIDE_SECTIONS.join(', ')}` }),
  /** Position within the section (lower first). */
  order: z.number().int().min(0).default(100),
  /** Other phrases readers search for. Fed to search. */
  aliases: z.array(z.string().min(1)).default([]),
});
export type GuideData = z.infer<typeof guideSchema>;
