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

const articles = <C extends keyof typeof COLLECTION_SCHEMAS>(collection: C) => {
  const schema = COLLECTION_SCHEMAS[collection];
  return defineCollection({ loader: articleLoader({ folder: `${siteConfig.contentDir}/${collection}`, schema }), schema });
};

export const collections = {
  roles: articles('roles'),
  responsibilities: articles('responsibilities'),
  skills: articles('skills'),
  paths: articles('paths'),
  guides: articles('guides'),
};
