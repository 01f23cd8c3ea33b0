import { z } from 'astro/zod';
import { baseEntryShape, entrySchema } from './common';
import { GUIDE_SECTIONS } from './vocabulary';

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
