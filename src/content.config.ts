/**
 * Astro's content config. The collections are defined in src/collections.ts; this file decides how
 * they are loaded.
 *
 * Astro loads this file through Vite's module runner, which transforms each module it imports:
 * the schemas, the content loader and the article renderer, ~90 modules, on every build, warm or
 * cold (~0.3 s of a one-edit rebuild of 1,000 pages, docs/performance.md). They are TypeScript
 * that Node runs as it is (the render workers and `npm run check` load them so), so a build
 * requires them natively instead. The dev server keeps loading them through Vite: it imports this
 * file again after a restart or a change, and Vite's module graph then picks up edited schemas,
 * where Node's module cache would keep the first ones for the life of the process.
 */
import { requireCollections, type CollectionDefinitions } from './lib/content/require-collections.ts';

const definitions: CollectionDefinitions = import.meta.env.DEV ? await import('./collections.ts') : requireCollections();

export const collections = definitions.collections;
