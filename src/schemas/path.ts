import { z } from 'astro/zod';
import { aliasesField, baseEntryShape, entrySchema, orderField, reference, referenceHelp, referenceList } from './common.ts';
import { PATH_KINDS, PATH_TRACKS } from './vocabulary.ts';

export const pathSchema = entrySchema({
  ...baseEntryShape,
  kind: z
    .enum(PATH_KINDS, { error: `must be one of: ${PATH_KINDS.join(', ')}` })
    .describe('Whether the page is a level, a workplace or a specialisation.'),
  order: orderField('Position within its kind (for levels: seniority, lower first).'),
  track: z
    .enum(PATH_TRACKS, { error: `must be one of: ${PATH_TRACKS.join(', ')}` })
    .optional()
    .describe('For levels only: the individual-contributor or the management track.'),
  next: referenceList(reference('paths'), 'paths')
    .default([])
    .describe(referenceHelp('paths', 'Where people usually go next from here; drawn as arrows on the career map.')),
  aliases: aliasesField('"junior to senior"'),
});
export type PathData = z.infer<typeof pathSchema>;
