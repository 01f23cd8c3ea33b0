import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeFileIn } from '../../../tests/support/temp-files.ts';
import { COLLECTION_NAMES } from './collections.ts';
import { explainLoadError, requireCollections } from './require-collections.ts';

/** What Node throws when it requires `entry` after writing `files` into a new folder. */
function loadError(files: Record<string, string>, entry: string): unknown {
  const dir = tempDir('require');
  for (const [name, text] of Object.entries(files)) writeFileIn(join(dir, name), text);
  try {
    createRequire(join(dir, 'index.js'))(`./${entry}`);
  } catch (error) {
    return error;
  }
  throw new Error(`${entry} loaded without an error`);
}

describe('requireCollections', () => {
  it('loads every collection with its loader and schema in plain Node', () => {
    const { collections } = requireCollections();
    expect(Object.keys(collections).sort()).toEqual([...COLLECTION_NAMES].sort());
    for (const name of COLLECTION_NAMES) {
      expect((collections[name] as { loader?: unknown }).loader, name).toBeTruthy();
      expect(typeof (collections[name].schema as { safeParse?: unknown }).safeParse, name).toBe('function');
    }
  });
});

describe('explainLoadError', () => {
  it('says that astro:content cannot be imported, and what to import instead', () => {
    const error = explainLoadError(loadError({ 'a.ts': "import { z } from 'astro:content';\nexport const a = z;\n" }, 'a.ts'));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Could not load the content collections \(src\/collections\.ts\): .*'astro:'/);
    expect((error as Error).message).toContain('import defineCollection from astro/content/config, reference() from src/schemas/common.ts');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('names the missing module and says relative imports need their extension', () => {
    const error = explainLoadError(
      loadError({ 'a.ts': "import { b } from './schemas/b';\nexport const a = b;\n", 'schemas/b.ts': 'export const b = 1;\n' }, 'a.ts'),
    ) as Error;
    expect(error.message).toMatch(/Cannot find module '.*\/schemas\/b' imported from .*\/a\.ts/);
    expect(error.message).toContain("must name their file with its extension, e.g. './schemas/guide.ts'");
  });

  it('passes other errors through as they are', () => {
    const thrown = loadError({ 'a.ts': "throw new Error('schema broke');\n" }, 'a.ts');
    expect(explainLoadError(thrown)).toBe(thrown);
    const missingPackage = loadError({ 'a.ts': "import 'no-such-package-here';\n" }, 'a.ts');
    expect(explainLoadError(missingPackage)).toBe(missingPackage);
  });
});
