import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { baseEntryShape, entrySchema } from './common';

/** What kind of step in a career a path entry describes. */
export const PATH_KINDS = ['level', 'workplace', 'specialisation'] as const;
export type PathKind = (typeof PATH_KINDS)[number];

export const PATH_KIND_LABELS: Record<PathKind, string> = {
  level: 'Levels',
  workplace: 'Workplaces',
  specialisation: 'Specialisations',
};

/** For levels: individual-contributor track or management track. */
export const PATH_TRACKS = ['individual', 'management'] as const;

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
