/**
 * The real collection schemas, loaded in plain Node: the content check and the
 * scaffolder validate with the very zod objects the build uses, never a copy.
 *
 * src/content.config.ts imports `astro:content` (a virtual module only Vite can
 * resolve) and some extensionless relative paths, so a module hook maps the first
 * to ./astro-content.ts and the second to their .ts files.
 */
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { z } from 'astro/zod';
import type { CollectionName } from '../../src/lib/collections.ts';

const ASTRO_CONTENT = pathToFileURL(fileURLToPath(new URL('./astro-content.ts', import.meta.url))).href;
let registered = false;

function registerAstroContent(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'astro:content') return { url: ASTRO_CONTENT, shortCircuit: true };
      if (specifier.startsWith('.') && context.parentURL?.startsWith('file:') && !/\.[cm]?[jt]sx?$|\.json$/.test(specifier)) {
        const base = new URL(specifier, context.parentURL).href;
        const file = [`${base}.ts`, `${base}/index.ts`].find((candidate) => existsSync(fileURLToPath(candidate)));
        if (file) return { url: file, shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}

export type CollectionSchemas = Record<CollectionName, z.ZodType>;

/** The zod schema of every collection, as wired in src/content.config.ts. */
export async function loadCollectionSchemas(): Promise<CollectionSchemas> {
  registerAstroContent();
  const { collections } = (await import('../../src/content.config.ts')) as {
    collections: Record<CollectionName, { schema: z.ZodType }>;
  };
  return Object.fromEntries(Object.entries(collections).map(([name, collection]) => [name, collection.schema])) as CollectionSchemas;
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
