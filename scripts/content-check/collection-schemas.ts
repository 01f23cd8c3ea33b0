/**
 * The real collection schemas (src/schemas/index.ts): the content check and the scaffolder
 * validate with the very zod objects the build uses, never a copy.
 */
import type { z } from 'astro/zod';
import type { CollectionName } from '../../src/lib/content/collections.ts';
import { COLLECTION_SCHEMAS } from '../../src/schemas/index.ts';

export type CollectionSchemas = Record<CollectionName, z.ZodType>;

/** The zod schema of every collection, as src/content.config.ts wires it. */
export async function loadCollectionSchemas(): Promise<CollectionSchemas> {
  return COLLECTION_SCHEMAS;
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
