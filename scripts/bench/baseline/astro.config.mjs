// @ts-check
// The benchmark's bare-bones baseline: stock Astro + MDX + Pagefind over the same
// corpus, with no schemas, layouts, graph, CSP or precompression. Built by scripts/bench.ts.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export default defineConfig({
  outDir: process.env['BENCH_OUT_DIR'] ?? './dist',
  cacheDir: process.env['BENCH_CACHE_DIR'] ?? './node_modules/.astro/',
  trailingSlash: 'always',
  integrations: [
    mdx(),
    {
      name: 'pagefind',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          const { index } = await pagefind.createIndex({});
          if (!index) throw new Error('Pagefind could not start');
          await index.addDirectory({ path: fileURLToPath(dir) });
          await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
          await pagefind.close();
        },
      },
    },
  ],
});
