import type { AstroPrerenderer } from 'astro';

/** A file Astro has just rendered and is about to write. */
export interface RenderedFile {
  /**
   * Where it will be, below the site root and without the base path: a page at `/skills/redis/`
   * is `skills/redis/index.html`, an endpoint at `/api/skills.json` is `api/skills.json`.
   */
  path: string;
  body: Buffer;
}

/** Pages Astro writes as `404.html` and `500.html`, not in a folder of their own (astro/dist/core/build/common.js). */
const STATUS_CODE_PAGES = new Set(['404', '500']);

/**
 * Where Astro writes a path's output, below the output folder (format: directory): `path` is below
 * the site root, without the base path. A page gets `index.html` in its folder, the 404 page is
 * `404.html`, an endpoint is its own path.
 */
export function outputFileOf(path: string, page: boolean): string {
  const below = path.replace(/^\/+/, '');
  if (!page) return below;
  const bare = below.replace(/\/$/, '');
  if (STATUS_CODE_PAGES.has(bare)) return `${bare}.html`;
  return bare === '' ? 'index.html' : `${bare}/index.html`;
}

/**
 * Where the file for a request Astro renders goes, below the output folder: the URL's path without
 * the base path (`/` or e.g. `/atlas/`). Astro requests pages with a trailing slash (the 404 page
 * as /404/) and endpoints by their file name.
 */
export function outputPathOf(url: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pathname = decodeURIComponent(new URL(url).pathname);
  const below = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
  return outputFileOf(below, below === '' || below.endsWith('/'));
}

/**
 * A prerenderer that forwards every call to `astro` (Astro's own, which keeps its state on itself,
 * so each call goes to it as `this`), except those `own` replaces. `label` is added to its name.
 */
export function wrapPrerenderer<Own extends Partial<AstroPrerenderer>>(astro: AstroPrerenderer, label: string, own: Own): AstroPrerenderer & Own {
  const { setup, collectStaticImages, teardown } = astro;
  return {
    ...astro,
    name: `${astro.name} (${label})`,
    ...(setup && { setup: () => setup.call(astro) }),
    getStaticPaths: () => astro.getStaticPaths(),
    render: (request, options) => astro.render(request, options),
    ...(collectStaticImages && { collectStaticImages: () => collectStaticImages.call(astro) }),
    ...(teardown && { teardown: () => teardown.call(astro) }),
    ...own,
  };
}

/**
 * Wraps Astro's prerenderer (the `astro:build:start` hook's `setPrerenderer`) so `onFile` sees
 * each rendered page and endpoint as Astro gets it: successful responses only, and only those
 * Astro renders in this build — a rebuild restores unchanged files from its cache without
 * rendering them. The response Astro writes carries the same bytes.
 *
 * @param base the site's base path (`/` or e.g. `/atlas/`), taken off the request URL.
 */
export function observePrerender(prerenderer: AstroPrerenderer, base: string, onFile: (file: RenderedFile) => void): AstroPrerenderer {
  return wrapPrerenderer(prerenderer, 'observed', {
    async render(request: Request, options: Parameters<AstroPrerenderer['render']>[1]) {
      const rendered = await prerenderer.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      if (response.status !== 200 || !response.body) return rendered;
      const body = Buffer.from(await response.arrayBuffer());
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      onFile({ path: outputPathOf(request.url, base), body });
      return rendered instanceof Response ? copy : { ...rendered, response: copy };
    },
  });
}
