import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { baseEntryShape, entrySchema } from './common';

/** How skills are grouped on index pages, in the matrix and in search filters. */
export const SKILL_CATEGORIES = [
  'languages',
  'databases',
  'apis',
  'frameworks',
  'infrastructure',
  'practices',
  'professional',
] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/** Human labels for each skill category. */
export const SKILL_CATEGORY_LABELS: Record<SkillCategory, string> = {
  languages: 'Programming languages',
  databases: 'Database systems',
  apis: 'APIs and protocols',
  frameworks: 'Server technologies and frameworks',
  infrastructure: 'Infrastructure and operations',
  practices: 'Engineering practices',
  professional: 'Problem-solving and collaboration',
};

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
