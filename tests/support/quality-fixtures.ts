import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The origin fixture sites pretend to live at (the checks take it as an option). */
export const FIXTURE_SITE = 'https://fixture.example.org';

export interface FixturePageOptions {
  /** URL path of the page, e.g. "/" or "/skills/redis/". */
  path: string;
  title: string;
  /** 50–160 characters, unique per page. */
  description?: string;
  /** HTML inside <main> after the h1. */
  body?: string;
  /** Extra HTML in <head> (styles, JSON-LD…). */
  head?: string;
  /** Replaces the default skip link + header (to plant keyboard defects). */
  beforeMain?: string;
  noindex?: boolean;
}

/** CSS every fixture page gets: the site's readable colours in both schemes and its focus style. */
const BASE_STYLE = `
  :root { color-scheme: light dark; }
  html { color: light-dark(#1a1f26, #e6e9ee); background: light-dark(#ffffff, #10151c); font: 16px/1.6 sans-serif; }
  a { color: light-dark(#0b5cad, #7cb8ff); }
  :focus-visible { outline: 3px solid light-dark(#b4237a, #ff9ed8); outline-offset: 2px; }
  .skip-link { position: absolute; left: 1rem; top: -100px; }
  .skip-link:focus { top: 0.5rem; }
  main:focus { outline: none; }
  nav a { display: inline-block; padding: 0.25rem; }
`;

/**
 * A small, complete page that passes every site-wide check (valid HTML, no axe violation,
 * skip link, visible focus, metadata), so a test can plant exactly one defect in it.
 */
export function fixturePage({ path, title, description, body = '', head = '', beforeMain, noindex = false }: FixturePageOptions): string {
  const url = new URL(path, FIXTURE_SITE).href;
  const text = description ?? `A fixture page called ${title}, written to test the site-wide quality checks.`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <meta name="description" content="${text}">
${noindex ? '    <meta name="robots" content="noindex">' : `    <link rel="canonical" href="${url}">\n    <meta property="og:url" content="${url}">`}
    <style>${BASE_STYLE}</style>
${head}
  </head>
  <body>
${beforeMain ?? '    <a class="skip-link" href="#main">Skip to content</a>\n    <header><nav aria-label="Main"><a href="/">Home</a> <a href="/about/">About</a></nav></header>'}
    <main id="main" tabindex="-1">
      <h1>${title}</h1>
${body}
    </main>
  </body>
</html>
`;
}

/** Sitemap files listing the given URL paths, as @astrojs/sitemap writes them. */
export function sitemapFiles(paths: string[]): Record<string, string> {
  const urls = paths.map((path) => `<url><loc>${new URL(path, FIXTURE_SITE).href}</loc></url>`).join('');
  return {
    'sitemap-index.xml': `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${FIXTURE_SITE}/sitemap-0.xml</loc></sitemap></sitemapindex>`,
    'sitemap-0.xml': `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
  };
}

/** Writes files (path relative to the site root → content) into a new temporary "dist" folder. */
export function writeSite(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'atlas-quality-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), content);
  }
  return dist;
}

/** Page file for a URL path: "/skills/redis/" → "skills/redis/index.html". */
export const fileOf = (path: string) => `${path.replace(/^\//, '')}index.html`;
