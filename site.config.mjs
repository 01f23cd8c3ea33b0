// The one place that says where the site lives. Override per deploy with
// SITE_URL (origin, e.g. https://docs.example.org) and BASE_PATH (e.g. /atlas/).
const rawBase = process.env.BASE_PATH ?? '/';
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

export const siteConfig = {
  site: process.env.SITE_URL ?? 'https://backend-atlas.example.org',
  base,
  /** Folder the collections are read from; tests and the benchmark point it at fixtures. */
  contentDir: process.env.ATLAS_CONTENT_DIR ?? './content',
  /** Where "edit this page" links point. */
  repositoryUrl: process.env.REPOSITORY_URL ?? 'https://github.com/backend-atlas/backend-atlas',
};
