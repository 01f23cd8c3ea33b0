import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { baseEntryShape, entrySchema } from './common';
import { SKILL_CATEGORIES } from './vocabulary';

export const skillSchema = entrySchema({
  ...baseEntryShape,
  /** Which group the skill belongs to. */
  category: z.enum(SKILL_CATEGORIES, {
    error: `must be one of: ${SKILL_CATEGORIES.join(', ')}`,
  }),
  /** The broader skill this one is a concrete instance of (e.g. postgresql → database-systems). */
  parent: reference('skills').optional(),
  /** Skills worth learning before this one; used to order learning paths. */
  prerequisites: z.array(reference('skills')).default([]),
  /** Other names readers search for, e.g. ["postgres", "psql"]. Fed to search. */
  aliases: z.array(z.string().min(1)).default([]),
});
export type SkillData = z.infer<typeof skillSchema>;
