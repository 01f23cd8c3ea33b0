import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { requireDist } from './dist';
import { serveStatic, type StaticServer } from './static-server';

/** dist/ served on 127.0.0.1 and one Chromium, opened before the tests of a file and closed after them. */
export interface ServedSite {
  readonly browser: Browser;
  readonly server: StaticServer;
}

export function useServedSite(): ServedSite {
  const state = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    state.server = await serveStatic(requireDist());
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}

/**
 * Serves dist/ on 127.0.0.1 and opens Chromium for the tests of one file.
 * `newPage` records console errors and failed requests so tests can assert none happened.
 */
export function useSite() {
  const state = useServedSite();
  return {
    url: (path = '') => `${state.server.url}${path.replace(/^\//, '')}`,
    async newPage(options: Parameters<Browser['newPage']>[0] = {}): Promise<Page & { errors: string[]; fetched: string[] }> {
      const page = (await state.browser.newPage(options)) as Page & { errors: string[]; fetched: string[] };
      page.errors = [];
      page.fetched = [];
      page.on('console', (message) => {
        if (message.type() === 'error') page.errors.push(message.text());
      });
      page.on('pageerror', (error) => page.errors.push(error.message));
      page.on('request', (request) => page.fetched.push(request.url()));
      return page;
    },
  };
}
