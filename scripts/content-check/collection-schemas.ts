/**
 * The real collection schemas, loaded in plain Node as the build loads them
 * (src/lib/content/require-collections.ts): the content check and the scaffolder validate
 * with the very zod objects the build uses, never a copy.
 */
import type { z } from 'astro/zod';
import { COLLECTION_NAMES, type CollectionName } from '../../src/lib/content/collections.ts';
import { requireCollections } from '../../src/lib/content/require-collections.ts';

export type CollectionSchemas = Record<CollectionName, z.ZodType>;

/** The zod schema of every collection, as wired in src/collections.ts. */
export async function loadCollectionSchemas(): Promise<CollectionSchemas> {
  const { collections } = requireCollections();
  const schemas: Partial<CollectionSchemas> = {};
  for (const name of COLLECTION_NAMES) schemas[name] = collections[name].schema as z.ZodType;
  return schemas as CollectionSchemas;
}

type ErrorMap = (issue: z.core.$ZodRawIssue) => { message: string } | string | undefined;

/**
 * Astro's zod error map: it words the messages that a field's own schema does not,
 * e.g. 'Expected type "number", received "string"'. Using it keeps `npm run check`
 * saying exactly what `npm run build` says. Astro does not export it, so it is
 * imported by file; if a future Astro moves it, zod's own wording is used instead.
 */
export async function loadAstroErrorMap(): Promise<ErrorMap | undefined> {
  try {
    const file = new URL('dist/core/errors/zod-error-map.js', import.meta.resolve('astro/package.json'));
    const module = (await import(file.href)) as { errorMap?: ErrorMap };
    return module.errorMap;
  } catch {
    return undefined;
  }
}
