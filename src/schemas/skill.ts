import { z } from 'astro/zod';
import { aliasesField, baseEntryShape, entrySchema, reference, referenceHelp, referenceList } from './common.ts';
import { SKILL_CATEGORIES } from './vocabulary.ts';

export const skillSchema = entrySchema({
  ...baseEntryShape,
  category: z
    .enum(SKILL_CATEGORIES, { error: `must be one of: ${SKILL_CATEGORIES.join(', ')}` })
    .describe('Which group the skill is listed under on the skills index and in the matrix.'),
  parent: reference('skills')
    .optional()
    .describe(referenceHelp('skills', 'The broader skill this one is a concrete instance of (e.g. postgresql → database-systems).')),
  prerequisites: referenceList(reference('skills'), 'skills')
    .default([])
    .describe(referenceHelp('skills', 'Skills worth learning before this one; used to order learning paths.')),
  aliases: aliasesField('"postgres", "psql"'),
});
export type SkillData = z.infer<typeof skillSchema>;
