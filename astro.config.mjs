// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { siteConfig } from './site.config.mjs';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { codeThemes } from './src/lib/code-themes.ts';

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  cacheDir: siteConfig.cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ATLAS_OUT_DIR ?? './dist',
  // Two files that map to the same URL must stop the build, not overwrite each other.
  prerenderConflictBehavior: 'error',
  integrations: [mdx(), sitemap(), pagefindIndex()],
  markdown: {
    // Token colours go out as custom properties only (no inline colour, no inline overflow):
    // global.css picks the scheme's colours, and both themes are raised to AA contrast.
    shikiConfig: { themes: codeThemes, defaultColor: false, wrap: null },
  },
});
