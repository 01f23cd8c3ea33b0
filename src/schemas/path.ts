import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { baseEntryShape, entrySchema } from './common';
import { PATH_KINDS, PATH_TRACKS } from './vocabulary';

export const pathSchema = entrySchema({
  ...baseEntryShape,
  /** Level, workplace or specialisation. */
  kind: z.enum(PATH_KINDS, { error: `must be one of: ${PATH_KINDS.join(', ')}` }),
  /** Position within its kind (for levels: seniority, lower first). */
  order: z.number().int().min(0).default(100),
  /** For levels only: which track the level belongs to. */
  track: z.enum(PATH_TRACKS, { error: `must be one of: ${PATH_TRACKS.join(', ')}` }).optional(),
  /** Where people usually go next from here; drawn as arrows on the career map. */
  next: z.array(reference('paths')).default([]),
  /** Other names readers search for, e.g. ["junior to senior"]. Fed to search. */
  aliases: z.array(z.string().min(1)).default([]),
});
export type PathData = z.infer<typeof pathSchema>;
