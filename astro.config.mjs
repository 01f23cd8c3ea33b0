// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { siteConfig } from './site.config.mjs';
import { codeColours } from './src/integrations/code-colours.ts';
import { hostingHeaders } from './src/integrations/hosting/index.ts';
import { buildSpeed } from './src/integrations/build-speed/index.ts';
import { pagefindIndex } from './src/integrations/search/index.ts';
import { precompressed } from './src/integrations/precompression/index.ts';
import { articleMarkdown } from './src/lib/article/markdown.ts';
import { PAGE_CSP } from './src/integrations/hosting/response-headers.ts';

const precompression = precompressed();

/** @type {import('astro').AstroUserConfig} */
const config = {
  site: siteConfig.site,
  base: siteConfig.base,
  cacheDir: siteConfig.cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  // Two files that map to the same URL must stop the build, not overwrite each other.
  prerenderConflictBehavior: 'error',
  experimental: {
    // Frontmatter completion and errors in VS Code (Astro extension, astro.content-intellisense):
    // writes .astro/collections/collections.json, which maps each content file to its collection's
    // JSON Schema. Off for fixture builds, so a test build never points the editor at /tmp files.
    contentIntellisense: !process.env.ATLAS_CONTENT_DIR,
  },
  // precompressed() after the integrations that write files: it compresses what they write.
  // buildSpeed() last: every speed-only mechanism, off with ATLAS_BUILD_SPEED=off (same dist/);
  // it removes folders left empty after everything else is written.
  integrations: [
    codeColours(),
    mdx(),
    sitemap(),
    pagefindIndex(),
    hostingHeaders(),
    precompression,
    buildSpeed({ onRendered: precompression.rendered }),
  ],
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
