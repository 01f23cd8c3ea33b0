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

/**
 * Where the file for a request Astro renders goes, below the output folder: the URL's path without
 * the base path (`/` or e.g. `/atlas/`), `index.html` for a page.
 */
export function outputPathOf(url: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pathname = decodeURIComponent(new URL(url).pathname);
  const below = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
  return below === '' || below.endsWith('/') ? `${below}index.html` : below;
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
  const { setup, collectStaticImages, teardown } = prerenderer;
  return {
    ...prerenderer,
    name: `${prerenderer.name} (observed)`,
    // Every call goes to Astro's prerenderer itself, which keeps its state on itself.
    ...(setup && { setup: () => setup.call(prerenderer) }),
    getStaticPaths: () => prerenderer.getStaticPaths(),
    ...(collectStaticImages && { collectStaticImages: () => collectStaticImages.call(prerenderer) }),
    ...(teardown && { teardown: () => teardown.call(prerenderer) }),
    async render(request, options) {
      const rendered = await prerenderer.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      if (response.status !== 200 || !response.body) return rendered;
      const body = Buffer.from(await response.arrayBuffer());
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      onFile({ path: outputPathOf(request.url, base), body });
      return rendered instanceof Response ? copy : { ...rendered, response: copy };
    },
  };
}
