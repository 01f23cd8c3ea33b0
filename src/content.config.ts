/**
 * Astro's content config: each folder of `content/` is a collection, read by the article loader
 * (src/loaders/article-loader.ts) and validated by its schema (src/schemas/).
 *
 * `defineCollection` comes from `astro/content/config`, the module `astro:content` re-exports it
 * from (a path in Astro's package exports): importing the `astro:content` virtual module here
 * would make Vite load Astro's whole content runtime each time the config loads.
 */
import { defineCollection } from 'astro/content/config';
import { siteConfig } from '../site.config.mjs';
import { articleLoader } from './loaders/article-loader.ts';
import { COLLECTION_SCHEMAS } from './schemas/index.ts';

const { guides, roles, responsibilities, skills, paths } = COLLECTION_SCHEMAS;
const folder = (collection: string) => `${siteConfig.contentDir}/${collection}`;

// Written out one by one: Astro types each collection's entries from the schema given here.
export const collections = {
  roles: defineCollection({ loader: articleLoader({ folder: folder('roles'), schema: roles }), schema: roles }),
  responsibilities: defineCollection({
    loader: articleLoader({ folder: folder('responsibilities'), schema: responsibilities }),
    schema: responsibilities,
  }),
  skills: defineCollection({ loader: articleLoader({ folder: folder('skills'), schema: skills }), schema: skills }),
  paths: defineCollection({ loader: articleLoader({ folder: folder('paths'), schema: paths }), schema: paths }),
  guides: defineCollection({ loader: articleLoader({ folder: folder('guides'), schema: guides }), schema: guides }),
};
