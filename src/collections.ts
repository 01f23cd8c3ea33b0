/**
 * The content collections: each folder of `content/`, the loader that reads it and the schema its
 * frontmatter must pass. Astro reads them through src/content.config.ts.
 *
 * This module and everything it imports must load in plain Node, because a build loads it that
 * way (src/content.config.ts says why), and so do `npm run check` and `npm run new`: relative
 * imports name their `.ts` file, and nothing may come from `astro:content`, a virtual module only
 * Vite can resolve. `defineCollection` is Astro's own, from the module `astro:content` re-exports
 * it from, and `reference()` is in src/schemas/common.ts.
 */
import { defineCollection } from 'astro/content/config';
import { siteConfig } from '../site.config.mjs';
import { contentGlob } from './loaders/content-glob.ts';
import { guideSchema } from './schemas/guide.ts';
import { pathSchema } from './schemas/path.ts';
import { responsibilitySchema } from './schemas/responsibility.ts';
import { roleSchema } from './schemas/role.ts';
import { skillSchema } from './schemas/skill.ts';

const mdx = (folder: string) => contentGlob(`${siteConfig.contentDir}/${folder}`);

export const collections = {
  roles: defineCollection({ loader: mdx('roles'), schema: roleSchema }),
  responsibilities: defineCollection({ loader: mdx('responsibilities'), schema: responsibilitySchema }),
  skills: defineCollection({ loader: mdx('skills'), schema: skillSchema }),
  paths: defineCollection({ loader: mdx('paths'), schema: pathSchema }),
  guides: defineCollection({ loader: mdx('guides'), schema: guideSchema }),
};
