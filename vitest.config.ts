/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Test projects, run in this order by `npm test` (scripts/test.ts):
// unit     — plain TS logic beside its source (src/**/*.test.ts), astro:content resolved by Astro's Vite config
// content  — the real content/ folder: word counts, sources for statistics, descriptions
// errors   — builds broken fixture sites and asserts the error text a writer sees
// build    — reads the real dist/ after `npm run build`
// browser  — real headless Chromium against dist/ served on 127.0.0.1
// quality  — site-wide gates over every built page: HTML validity, accessibility (axe), metadata
// hosting  — dist/ served by a real nginx with deploy/nginx.conf: headers, caching, compression
export default getViteConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      { extends: true, test: { name: 'content', include: ['tests/content/**/*.test.ts'] } },
      { extends: true, test: { name: 'errors', include: ['tests/errors/**/*.test.ts'], testTimeout: 120_000, fileParallelism: false } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'quality', include: ['tests/quality/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
      },
      {
        extends: true,
        test: { name: 'hosting', include: ['tests/hosting/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
