import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleRendererFingerprint } from './fingerprint.ts';
import { tempDir, writeFileIn } from '../../../tests/support/temp-files.ts';

const fingerprintOf = async (root: string) => articleRendererFingerprint(root);

function project(files: Record<string, string>): string {
  const root = tempDir('fingerprint');
  for (const [path, text] of Object.entries(files)) writeFileIn(join(root, path), text);
  return root;
}

describe('the article renderer fingerprint', () => {
  const base = {
    'src/lib/article/render.ts': 'export const a = 1;',
    'src/components/mdx/Callout.ts': 'export const b = 1;',
    'src/loaders/article-loader.ts': 'export const c = 1;',
    'package-lock.json': '{"lockfileVersion":3}',
  };

  it('is the same for the same sources, and ignores tests', async () => {
    expect(await fingerprintOf(project(base))).toBe(await fingerprintOf(project({ ...base, 'src/lib/article/render.test.ts': 'test' })));
  });

  it('changes when a component, the renderer, the loader or an installed version changes', async () => {
    const before = await fingerprintOf(project(base));
    for (const [path, text] of Object.entries({
      'src/components/mdx/Callout.ts': 'export const b = 2;',
      'src/lib/article/render.ts': 'export const a = 2;',
      'src/loaders/article-loader.ts': 'export const c = 2;',
      'package-lock.json': '{"lockfileVersion":3,"x":1}',
    })) {
      expect(await fingerprintOf(project({ ...base, [path]: text })), path).not.toBe(before);
    }
  });
});
