import { z } from 'astro/zod';
import { aliasesField, baseEntryShape, entrySchema, orderField, reference, referenceHelp, referenceList } from './common.ts';

export const responsibilitySchema = entrySchema({
  ...baseEntryShape,
  order: orderField('Position on the responsibilities index (lower first).'),
  skills: referenceList(reference('skills'), 'skills')
    .default([])
    .describe(referenceHelp('skills', 'Skills this work draws on. The reverse ("used in") is derived on skill pages.')),
  aliases: aliasesField('"appsec"'),
});
export type ResponsibilityData = z.infer<typeof responsibilitySchema>;
