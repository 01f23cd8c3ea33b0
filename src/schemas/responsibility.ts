import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { baseEntryShape, entrySchema } from './common';

export const responsibilitySchema = entrySchema({
  ...baseEntryShape,
  /** Position on the responsibilities index (lower first). */
  order: z.number().int().min(0).default(100),
  /** Skills this work draws on. The reverse ("used in") is derived on skill pages. */
  skills: z.array(reference('skills')).default([]),
  /** Other names readers search for, e.g. ["appsec"]. Fed to search. */
  aliases: z.array(z.string().min(1)).default([]),
});
export type ResponsibilityData = z.infer<typeof responsibilitySchema>;
