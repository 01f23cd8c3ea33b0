/**
 * The real collection schemas, loaded in plain Node: the content check and the
 * scaffolder validate with the very zod objects the build uses, never a copy.
 *
 * src/content.config.ts imports some extensionless relative paths, as Vite allows,
 * so a module hook maps them to their .ts files. It imports nothing from
 * `astro:content`, a virtual module only Vite can resolve (src/schemas/common.ts).
 */
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import type { CollectionName } from '../../src/lib/collections.ts';

let registered = false;

function registerExtensionlessPaths(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'astro:content') {
        const importer = context.parentURL ? fileURLToPath(context.parentURL) : 'src/content.config.ts';
        throw new Error(
          `${importer} imports astro:content, which the collection schemas must not use: it makes every build load Astro's content runtime ` +
            `through Vite. Import reference() from src/schemas/common.ts, and defineCollection from astro/content/config.`,
        );
      }
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
  registerExtensionlessPaths();
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
