import type { AstroPrerenderer, RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { observePrerender, type RenderedFile } from './observe-prerender.ts';

/** Stands in for Astro's default prerenderer, which keeps its state on itself between calls. */
function fakePrerenderer(respond: (url: URL) => Response | { response: Response; metadata: unknown }) {
  const calls: string[] = [];
  const prerenderer = {
    name: 'astro:default',
    app: undefined as string | undefined,
    async setup() {
      calls.push('setup');
      prerenderer.app = 'ready';
    },
    async getStaticPaths() {
      calls.push(`paths:${prerenderer.app}`);
      return [];
    },
    async render(request: Request) {
      calls.push(`render:${prerenderer.app}`);
      return respond(new URL(request.url)) as Response;
    },
    async teardown() {
      calls.push('teardown');
    },
  } satisfies AstroPrerenderer & { app: string | undefined };
  return { prerenderer, calls };
}

const options = { routeData: {} as RouteData, collectMetadata: true };
const html = (text: string, status = 200) =>
  new Response(`<!doctype html><p>${text}</p>`, { status, headers: { 'content-type': 'text/html', 'x-kept': 'yes' } });

async function observe(base: string, url: string, respond: Parameters<typeof fakePrerenderer>[0]) {
  const seen: RenderedFile[] = [];
  const { prerenderer, calls } = fakePrerenderer(respond);
  const observed = observePrerender(prerenderer, base, (file) => seen.push(file));
  await observed.setup?.();
  const rendered = await observed.render(new Request(url), options);
  return { seen, calls, observed, rendered };
}

describe('observing what Astro renders', () => {
  it('hands over each page with the file it will be written to, and returns the same response to Astro', async () => {
    const { seen, rendered } = await observe('/', 'http://localhost/skills/redis/', () => html('Redis'));
    expect(seen.map((file) => [file.path, file.body.toString()])).toEqual([['skills/redis/index.html', '<!doctype html><p>Redis</p>']]);
    const response = rendered as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-kept')).toBe('yes');
    expect(await response.text()).toBe('<!doctype html><p>Redis</p>');
  });

  it('names endpoints by their path, the home page index.html and the 404 page 404.html, without the base path', async () => {
    const paths = async (base: string, url: string) => (await observe(base, url, () => html('x'))).seen.map((file) => file.path);
    expect(await paths('/', 'http://localhost/api/skills.json')).toEqual(['api/skills.json']);
    expect(await paths('/', 'http://localhost/')).toEqual(['index.html']);
    expect(await paths('/atlas/', 'http://localhost/atlas/skills/redis/')).toEqual(['skills/redis/index.html']);
    expect(await paths('/atlas', 'http://localhost/atlas/')).toEqual(['index.html']);
    expect(await paths('/', 'http://localhost/guides/caf%C3%A9/')).toEqual(['guides/café/index.html']);
    // Astro requests the 404 page as /404/ and writes 404.html.
    expect(await paths('/atlas/', 'http://localhost/atlas/404/')).toEqual(['404.html']);
  });

  it('keeps the metadata Astro’s incremental build records with a page', async () => {
    const metadata = { contentEntryKeys: ['skills/redis'] };
    const { rendered } = await observe('/', 'http://localhost/skills/redis/', () => ({ response: html('Redis'), metadata }));
    const result = rendered as { response: Response; metadata: unknown };
    expect(result.metadata).toBe(metadata);
    expect(await result.response.text()).toBe('<!doctype html><p>Redis</p>');
  });

  it('leaves out responses that are not written as a page: errors, redirects and empty bodies', async () => {
    for (const response of [html('Not found', 404), new Response(null, { status: 301, headers: { location: '/' } }), new Response(null)]) {
      const { seen, rendered } = await observe('/', 'http://localhost/old/', () => response);
      expect(seen).toEqual([]);
      expect(rendered).toBe(response);
    }
  });

  it('passes every other call through to Astro’s prerenderer, which keeps its own state', async () => {
    const { calls, observed } = await observe('/', 'http://localhost/', () => html('home'));
    await observed.getStaticPaths();
    await observed.teardown?.();
    expect(calls).toEqual(['setup', 'render:ready', 'paths:ready', 'teardown']);
    expect(observed.name).toBe('astro:default (observed)');
  });
});
