/**
 * Each collection's frontmatter schema, by collection. The build (src/content.config.ts),
 * `npm run check` and `npm run new` all validate with these very objects; this module loads in
 * plain Node, so nothing here may import from an `astro:` module.
 */
import type { CollectionName } from '../lib/content/collections.ts';
import { guideSchema } from './guide.ts';
import { pathSchema } from './path.ts';
import { responsibilitySchema } from './responsibility.ts';
import { roleSchema } from './role.ts';
import { skillSchema } from './skill.ts';

export const COLLECTION_SCHEMAS = {
  guides: guideSchema,
  roles: roleSchema,
  responsibilities: responsibilitySchema,
  skills: skillSchema,
  paths: pathSchema,
} satisfies Record<CollectionName, unknown>;
