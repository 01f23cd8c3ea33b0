import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// Every MDX file of the corpus, as it is: no schema, no references checked.
export const collections = {
  pages: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: process.env['BENCH_CONTENT_DIR'] ?? '../../../content' }) }),
};
