// The one place that says where the site lives. Override per deploy with
// SITE_URL (origin, e.g. https://docs.example.org) and BASE_PATH (e.g. /atlas/).
const rawBase = process.env.BASE_PATH ?? '/';
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const contentDir = process.env.ATLAS_CONTENT_DIR ?? './content';

export const siteConfig = {
  site: process.env.SITE_URL ?? 'https://backend-atlas.example.org',
  base,
  /** Folder the collections are read from; tests and the benchmark point it at fixtures. */
  contentDir,
  /**
   * Astro caches parsed content here. A build of another content folder (a test
   * fixture, the benchmark corpus) gets its own cache so entries never leak between them.
   */
  cacheDir:
    process.env.ATLAS_CACHE_DIR ??
    (process.env.ATLAS_CONTENT_DIR ? `./node_modules/.astro/content-${contentDir.replace(/[^a-zA-Z0-9]+/g, '_')}/` : './node_modules/.astro/'),
  /** Where "edit this page" links point. */
  repositoryUrl: process.env.REPOSITORY_URL ?? 'https://github.com/backend-atlas/backend-atlas',
};
