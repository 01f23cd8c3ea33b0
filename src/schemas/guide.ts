import { z } from 'astro/zod';
import { aliasesField, baseEntryShape, entrySchema, orderField } from './common.ts';
import { GUIDE_SECTIONS } from './vocabulary.ts';

export const guideSchema = entrySchema({
  ...baseEntryShape,
  section: z
    .enum(GUIDE_SECTIONS, { error: `must be one of: ${GUIDE_SECTIONS.join(', ')}` })
    .describe('Section of the guides index the guide is listed under.'),
  order: orderField('Position within the section (lower first).'),
  aliases: aliasesField('"backend developer salary", "is backend hard"'),
});
export type GuideData = z.infer<typeof guideSchema>;
