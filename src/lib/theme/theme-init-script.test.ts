import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from './theme.ts';
import { THEME_INIT_SCRIPT } from './theme-init-script.ts';

/** Runs the inline head script against a stand-in document and storage. */
function runInitScript(storage: { getItem(key: string): string | null }) {
  const documentElement = { dataset: {} as Record<string, string> };
  new Function('localStorage', 'document', THEME_INIT_SCRIPT)(storage, { documentElement });
  return documentElement.dataset;
}

describe('the inline theme script', () => {
  it('applies a stored light or dark choice to <html> before anything renders', () => {
    expect(runInitScript({ getItem: (key) => (key === THEME_STORAGE_KEY ? 'dark' : null) })).toEqual({ theme: 'dark' });
    expect(runInitScript({ getItem: () => 'light' })).toEqual({ theme: 'light' });
  });

  it('leaves the system theme in charge when nothing, or something unknown, is stored', () => {
    expect(runInitScript({ getItem: () => null })).toEqual({});
    expect(runInitScript({ getItem: () => 'purple' })).toEqual({});
  });

  it('survives storage that throws (blocked cookies, private modes)', () => {
    expect(
      runInitScript({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toEqual({});
  });

  it('stays small enough to inline in every page', () => {
    expect(new TextEncoder().encode(THEME_INIT_SCRIPT).length).toBeLessThan(200);
  });
});
