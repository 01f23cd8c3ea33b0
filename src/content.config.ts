// Astro's own defineCollection, from the module `astro:content` re-exports it from; importing
// `astro:content` here would cost every build ~0.45 s (see reference() in src/schemas/common.ts).
import { defineCollection } from 'astro/content/config';
import { siteConfig } from '../site.config.mjs';
import { contentGlob } from './loaders/content-glob';
import { guideSchema } from './schemas/guide';
import { pathSchema } from './schemas/path';
import { responsibilitySchema } from './schemas/responsibility';
import { roleSchema } from './schemas/role';
import { skillSchema } from './schemas/skill';

const mdx = (folder: string) => contentGlob(`${siteConfig.contentDir}/${folder}`);

export const collections = {
  roles: defineCollection({ loader: mdx('roles'), schema: roleSchema }),
  responsibilities: defineCollection({ loader: mdx('responsibilities'), schema: responsibilitySchema }),
  skills: defineCollection({ loader: mdx('skills'), schema: skillSchema }),
  paths: defineCollection({ loader: mdx('paths'), schema: pathSchema }),
  guides: defineCollection({ loader: mdx('guides'), schema: guideSchema }),
};
