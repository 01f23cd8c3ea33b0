import { describe, expect, it } from 'vitest';
import { PROGRESS_STORAGE_KEY } from './progress.ts';
import { type BootOptions, progressBootScript } from './progress-boot-script.ts';

const MODULE = '/_astro/progress-test.js';

/** Runs the boot script against a stand-in window, document and storage; returns what it did. */
function runBoot(stored: string | null | Error, options: BootOptions = {}) {
  const loads: string[] = [];
  const dataset: Record<string, string> = {};
  const window = { onclick: undefined as ((event: unknown) => unknown) | undefined, pe: undefined as unknown };
  const localStorage = {
    getItem: (key: string) => {
      if (stored instanceof Error) throw stored;
      return key === PROGRESS_STORAGE_KEY ? stored : null;
    },
  };
  // Node cannot import() from code made with new Function: import() is stood in for by a function
  // that records the URL. Real loading is tested in the browser (tests/browser/progress.test.ts).
  const load = (url: string) => loads.push(url);
  const script = progressBootScript(MODULE, options);
  new Function('self', 'localStorage', 'document', 'load', `with(self){${script.replaceAll('import(', 'load(')}}`)(
    window,
    localStorage,
    { documentElement: { dataset } },
    load,
  );
  const click = (onMark: boolean) => {
    const event = { target: { closest: (selector: string) => (onMark && selector === '.mark' ? {} : null) } };
    window.onclick!(event);
    return event;
  };
  return { loads, dataset, window, click };
}

describe('the progress boot script', () => {
  it('loads nothing for a reader with no saved progress until they press a mark, and leaves that click for the page code', () => {
    const boot = runBoot(null);
    expect(boot.loads).toEqual([]);
    boot.click(false);
    expect(boot.loads).toEqual([]);
    const click = boot.click(true);
    expect(boot.loads).toEqual([MODULE]);
    expect(boot.window.pe).toBe(click);
    expect(boot.dataset).toEqual({});
  });

  it('with saved progress, loads the page code at once', () => {
    expect(runBoot('{"format":"backend-atlas-progress"}').loads).toEqual([MODULE]);
  });

  it('where asked to, marks <html> before anything is painted so the page can keep room for the marks', () => {
    expect(runBoot('{}', { reserve: true }).dataset).toEqual({ progress: 'load' });
    expect(runBoot(null, { reserve: true }).dataset).toEqual({});
  });

  it('survives storage that throws, and still loads on a press', () => {
    const boot = runBoot(new Error('SecurityError'));
    expect(boot.loads).toEqual([]);
    boot.click(true);
    expect(boot.loads).toEqual([MODULE]);
  });

  it('on the progress page, loads the page code in any case', () => {
    expect(runBoot(null, { eager: true, reserve: true }).loads).toEqual([MODULE]);
    expect(runBoot('{}', { eager: true, reserve: true })).toMatchObject({ loads: [MODULE], dataset: { progress: 'load' } });
  });
});
