import { z } from 'astro/zod';
import { aliasesField, baseEntryShape, entrySchema, orderField, reference, referenceHelp, referenceList } from './common.ts';
import { SKILL_LEVEL_MEANINGS, SKILL_LEVELS } from './vocabulary.ts';

export const roleSchema = entrySchema({
  ...baseEntryShape,
  order: orderField('Position on the roles index and in the skills matrix (lower first).'),
  aliases: aliasesField('"server-side developer"'),
  responsibilities: referenceList(reference('responsibilities'), 'responsibilities')
    .min(1, 'list at least one responsibility')
    .describe(referenceHelp('responsibilities', 'The work people in this role typically own.')),
  skills: z
    .array(
      z.strictObject({
        skill: reference('skills').describe(referenceHelp('skills', 'The skill.')),
        level: z
          .enum(SKILL_LEVELS, { error: `must be one of: ${SKILL_LEVELS.join(', ')}` })
          .describe(`${SKILL_LEVELS.map((level) => `${level}: ${SKILL_LEVEL_MEANINGS[level]}`).join('; ')}.`),
      }),
      { error: 'must be a list of skills, each written as "- skill: postgresql" with "level: core" or "level: useful" below it' },
    )
    .min(1, 'list at least one skill with its level')
    .describe('Skills the role needs, each with how central it is (core or useful).'),
  languages: z
    .strictObject(
      {
        level: z
          .enum(SKILL_LEVELS, { error: `must be one of: ${SKILL_LEVELS.join(', ')}` })
          .describe('How central the one language the role works in is: core or useful.'),
        from: referenceList(reference('skills'), 'skills')
          .min(2, 'name at least two languages the role may use; a single required language belongs in skills')
          .describe(referenceHelp('skills', 'The languages people in the role commonly work in, most common first.')),
      },
      { error: 'must be written as "level: core" and "from: [python, java, go]" below it' },
    )
    .optional()
    .describe(
      'The server language the role needs: one from this set, not all of them. Shown as a choice on the learning path, the matrix and compare pages.',
    ),
  relatedRoles: referenceList(reference('roles'), 'roles')
    .default([])
    .describe(referenceHelp('roles', 'Roles people move between or work beside. Compare pages are built for these pairs.')),
  paths: referenceList(reference('paths'), 'paths')
    .default([])
    .describe(referenceHelp('paths', 'Career paths (levels, workplaces, specialisations) that lead to or from this role.')),
  onetSoc: z
    .string()
    .regex(/^\d{2}-\d{4}\.\d{2}$/, 'must look like 15-1252.00 (an O*NET-SOC code)')
    .optional()
    .describe('Closest O*NET-SOC occupation code, e.g. "15-1252.00".'),
});
export type RoleData = z.infer<typeof roleSchema>;
