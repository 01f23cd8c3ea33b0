// @ts-check
// The benchmark's bare-bones baseline: stock Astro + MDX + Pagefind over the same
// corpus, with no schemas, layouts, graph, CSP or precompression. Built by scripts/bench.ts.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { runPagefind } from '../../../src/integrations/search/pagefind-cli.ts';

export default defineConfig({
  outDir: process.env['BENCH_OUT_DIR'] ?? './dist',
  cacheDir: process.env['BENCH_CACHE_DIR'] ?? './node_modules/.astro/',
  trailingSlash: 'always',
  integrations: [
    mdx(),
    {
      name: 'pagefind',
      hooks: {
        // `pagefind --site dist`, the post-build step Pagefind documents; the site's build runs the same.
        'astro:build:done': async ({ dir }) => {
          await runPagefind(fileURLToPath(dir));
        },
      },
    },
  ],
});
