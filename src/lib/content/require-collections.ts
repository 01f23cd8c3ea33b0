/**
 * Loads src/collections.ts in plain Node, synchronously: how a build reads the collections
 * (src/content.config.ts says why), and how `npm run check`, `npm run new` and the frontmatter
 * reference get the very zod schemas the build uses.
 *
 * Vite would accept two things Node does not: an extensionless relative import, and an import
 * from `astro:content`. Both fail here with Node's words, which name the module but not the rule,
 * so the error says what to change.
 */
import { createRequire } from 'node:module';
import type * as Collections from '../../collections.ts';

export type CollectionDefinitions = typeof Collections;

export function requireCollections(): CollectionDefinitions {
  try {
    return createRequire(import.meta.url)('../../collections.ts') as CollectionDefinitions;
  } catch (error) {
    throw explainLoadError(error);
  }
}

/** Adds the rule a load error of src/collections.ts broke; other errors pass through unchanged. */
export function explainLoadError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  let rule: string | undefined;
  if (code === 'ERR_UNSUPPORTED_ESM_URL_SCHEME' && error.message.includes("'astro:'"))
    rule =
      'src/collections.ts and the modules it imports must not import from astro:content (or any astro: module), which only Vite can ' +
      'resolve: import defineCollection from astro/content/config, reference() from src/schemas/common.ts and z from astro/zod.';
  else if (code === 'ERR_MODULE_NOT_FOUND' && /Cannot find module '[^']*\/[^/.']+'/.test(error.message))
    rule = "Relative imports in src/collections.ts and the modules it imports must name their file with its extension, e.g. './schemas/guide.ts'.";
  if (!rule) return error;
  return new Error(`Could not load the content collections (src/collections.ts): ${error.message}\n${rule}`, { cause: error });
}
