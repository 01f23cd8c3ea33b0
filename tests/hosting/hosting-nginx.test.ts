import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  COMPRESS_MIN_BYTES,
  contentTypeFor,
  IMMUTABLE,
  REVALIDATE,
  SECURITY_HEADERS,
} from '../../src/integrations/hosting/response-headers';
import { PAGEFIND_WASM } from '../../src/integrations/precompression/precompress';
import { distFiles, requireDist } from '../support/dist';
import { fetchRaw, nginxUnavailable, type NginxServer, serveWithNginx } from '../support/nginx';

const unavailable = nginxUnavailable();
if (unavailable) console.warn(`\n${unavailable}\n`);

/** Every file a reader can request: the build output without the precompressed siblings and _headers. */
const servedFiles = () => distFiles().filter((file) => !/\.(br|gz)$/.test(file) && file !== '_headers');
/** URL path a file is requested at: pages by their folder, everything else by name. */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>, where: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name.toLowerCase()], `${name} on ${where}`).toBe(value);
}

describe.skipIf(unavailable !== undefined)('dist/ served by nginx with deploy/nginx.conf', () => {
  let server: NginxServer;
  const get = (path: string, headers: Record<string, string> = {}) => fetchRaw(`${server.origin}${path}`, headers);

  beforeAll(async () => {
    server = await serveWithNginx(requireDist());
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves every file with its content type, cache lifetime and the security headers', async () => {
    const files = servedFiles();
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) {
      const url = urlOf(file);
      const response = await get(url);
      const found = `${response.status} ${response.headers['content-type']} | ${response.headers['cache-control']}`;
      const wanted = `200 ${contentTypeFor(file)} | ${cacheControlFor(url)}`;
      if (found !== wanted) problems.push(`${url}: got ${found}, want ${wanted}`);
      expectSecurityHeaders(response.headers, url);
    }
    expect(problems).toEqual([]);
  });

  it('caches content-hashed bundles and search chunks for a year, and revalidates pages, feeds, sitemap and Pagefind entry files', async () => {
    const files = servedFiles();
    const hashed = files.filter((file) => /^_astro\/|^pagefind\/(fragment|index|filter)\/|\.pf_meta$|^search\/titles-[\w-]+\.json$/.test(file));
    expect(hashed.some((file) => file.startsWith('_astro/'))).toBe(true);
    expect(hashed.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    expect(hashed.some((file) => file.startsWith('search/titles-'))).toBe(true);
    for (const file of hashed) expect((await get(urlOf(file))).headers['cache-control'], file).toBe(IMMUTABLE);
    const revalidated = [
      '/',
      '/skills/redis/',
      '/sitemap-index.xml',
      '/robots.txt',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.en.pagefind',
    ];
    if (files.includes('rss.xml')) revalidated.push('/rss.xml');
    for (const url of revalidated) expect((await get(url)).headers['cache-control'], url).toBe(REVALIDATE);
  });

  it('answers a revalidation of an unchanged page with 304 Not Modified', async () => {
    const first = await get('/skills/redis/');
    expect(first.headers['etag']).toBeTruthy();
    const again = await get('/skills/redis/', { 'If-None-Match': String(first.headers['etag']) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('sends the precompressed brotli or gzip file the browser accepts, and the plain file otherwise', async () => {
    const dist = requireDist();
    const all = new Set(distFiles());
    const compressed = servedFiles().filter((file) => all.has(`${file}.br`));
    expect(compressed.some((file) => file.endsWith('.html'))).toBe(true);
    expect(compressed.some((file) => file.endsWith('.css'))).toBe(true);
    expect(compressed.some((file) => file.endsWith('.js'))).toBe(true);
    expect(compressed.some((file) => PAGEFIND_WASM.test(file))).toBe(true);
    for (const file of compressed) {
      const url = urlOf(file);
      const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers['vary'], url).toContain('Accept-Encoding');
      expect(br.body.equals(readFileSync(join(dist, `${file}.br`))), `${url} is the .br file`).toBe(true);
      const gz = await get(url, { 'Accept-Encoding': 'gzip' });
      if (PAGEFIND_WASM.test(file)) {
        // Pagefind's WebAssembly has only a .br (of its payload): without brotli, the gzipped file Pagefind wrote, as it is.
        expect(gz.headers['content-encoding'], url).toBeUndefined();
        expect(gz.body.equals(readFileSync(join(dist, file))), `${url} is the file itself`).toBe(true);
        continue;
      }
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(gz.body.equals(readFileSync(join(dist, `${file}.gz`))), `${url} is the .gz file`).toBe(true);
      const plain = await get(url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.body.equals(readFileSync(join(dist, file))), `${url} is the file itself`).toBe(true);
    }
  });

  it('sends small files as they are', async () => {
    const small = servedFiles().find((file) => file.endsWith('.txt') && readFileSync(join(requireDist(), file)).length <= COMPRESS_MIN_BYTES);
    expect(small).toBeDefined();
    const response = await get(urlOf(small!), { 'Accept-Encoding': 'gzip, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('answers unknown paths, and folders without a page, with the 404 page and status 404', async () => {
    const page404 = readFileSync(join(requireDist(), '404.html'));
    for (const url of ['/skills/no-such-skill/', '/no/such/file.js', '/_astro/', '/pagefind/fragment/']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control'], `${url}: a 404 must never be cached for a year`).toBe(REVALIDATE);
      expect(response.body.equals(page404), `${url} gets dist/404.html`).toBe(true);
      expectSecurityHeaders(response.headers, url);
    }
  });

  it('redirects a page address without its trailing slash, relative to the host the reader used', async () => {
    const response = await get('/skills/redis');
    expect(response.status).toBe(301);
    expect(response.headers['location']).toBe('/skills/redis/');
  });

  it('does not serve the _headers file meant for Netlify and Cloudflare Pages', async () => {
    expect((await get('/_headers')).status).toBe(404);
  });
});

if (unavailable) {
  describe('hosting tests under nginx', () => {
    it.skip(unavailable, () => {});
  });
}
