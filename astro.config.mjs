// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { siteConfig } from './site.config.mjs';
import { codeColours } from './src/integrations/code-colours.ts';
import { hostingHeaders } from './src/integrations/hosting/index.ts';
import { outputFolders } from './src/integrations/build-speed/output-folders.ts';
import { pagefindIndex } from './src/integrations/search/index.ts';
import { precompressed } from './src/integrations/precompression/index.ts';
import { articleMarkdown } from './src/lib/article/markdown.ts';
import { PAGE_CSP } from './src/integrations/hosting/response-headers.ts';

/** @type {import('astro').AstroUserConfig} */
const config = {
  site: siteConfig.site,
  base: siteConfig.base,
  cacheDir: siteConfig.cacheDir,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Four pages in flight: while one waits for its files to be written, the next renders.
    // One at a time, the main thread sat idle for about half of page generation (docs/performance.md).
    // The output is byte-identical either way.
    concurrency: 4,
  },
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  // Two files that map to the same URL must stop the build, not overwrite each other.
  prerenderConflictBehavior: 'error',
  // Rebuilds copy unchanged entry pages and social images from the build cache
  // (cache keys: src/integrations/build-speed/build-cache-keys.ts). Delete the cache folder for a cold build.
  experimental: {
    incrementalBuild: true,
    // Frontmatter completion and errors in VS Code (Astro extension, astro.content-intellisense):
    // writes .astro/collections/collections.json, which maps each content file to its collection's
    // JSON Schema. Off for fixture builds, so a test build never points the editor at /tmp files.
    contentIntellisense: !process.env.ATLAS_CONTENT_DIR,
  },
  // precompressed() next to last: it compresses what the others write at the end of the build.
  // outputFolders() last: it empties the output folder before the build and removes folders
  // left empty after everything else is written.
  integrations: [codeColours(), mdx(), sitemap(), pagefindIndex(), hostingHeaders(), precompressed(), outputFolders()],
  // Strict CSP: Astro hashes the inline scripts and styles it emits into each page's
  // <meta http-equiv>; the rest of the policy comes from src/lib/response-headers.ts.
  security: {
    csp: {
      directives: PAGE_CSP.directives,
      scriptDirective: { resources: PAGE_CSP.scriptResources },
      styleDirective: { resources: PAGE_CSP.styleResources },
    },
  },
  vite: {
    // Lazy bundles (search UI) are built as ES modules and loaded by URL: src/scripts/search-loader.ts.
    worker: { format: 'es' },
    // The benchmark's corpora and builds (up to 10,000 pages and their caches) are not the site:
    // watching them made `npm run dev` exhaust the system's file watchers after a benchmark run.
    server: { watch: { ignored: ['**/.bench/**'] } },
  },
  // Article Markdown settings live in src/lib/article/markdown.ts: the article render workers use them too.
  markdown: articleMarkdown(siteConfig.base),
};

export default config;
