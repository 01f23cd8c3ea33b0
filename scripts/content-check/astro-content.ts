/**
 * Stands in for Astro's `astro:content` virtual module when the collection
 * schemas run outside Astro (the content check, `npm run new`). It exports the
 * same `reference` Astro's own module builds (templates/content/module.mjs), so
 * the schemas validate exactly as they do in the build.
 */
import { createReference } from 'astro/content/runtime';

export { defineCollection } from 'astro/content/runtime';
export const reference = createReference();
