import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { baseEntryShape, entrySchema } from './common';
import { SKILL_LEVELS } from './vocabulary';

export const roleSchema = entrySchema({
  ...baseEntryShape,
  /** Position on the roles index and in the skills matrix (lower first). */
  order: z.number().int().min(0).default(100),
  /** Other job titles for this role, e.g. ["server-side developer"]. Fed to search. */
  aliases: z.array(z.string().min(1)).default([]),
  /** The work people in this role typically own. */
  responsibilities: z.array(reference('responsibilities')).min(1, 'list at least one responsibility'),
  /** Skills the role needs, each with how central it is. */
  skills: z
    .array(
      z.strictObject({
        /** Id of an entry in content/skills/. */
        skill: reference('skills'),
        /** core: needed day to day; useful: helps, learned on the job. */
        level: z.enum(SKILL_LEVELS, { error: `must be one of: ${SKILL_LEVELS.join(', ')}` }),
      }),
    )
    .min(1, 'list at least one skill with its level'),
  /** Roles people move between or work beside. Compare pages are built for these pairs. */
  relatedRoles: z.array(reference('roles')).default([]),
  /** Career paths (levels, workplaces, specialisations) that lead to or from this role. */
  paths: z.array(reference('paths')).default([]),
  /** Closest O*NET-SOC occupation code, e.g. "15-1252.00". */
  onetSoc: z
    .string()
    .regex(/^\d{2}-\d{4}\.\d{2}$/, 'must look like 15-1252.00 (an O*NET-SOC code)')
    .optional(),
});
export type RoleData = z.infer<typeof roleSchema>;
