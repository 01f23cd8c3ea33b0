import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CACHE_RULES,
  cacheControlFor,
  contentTypeFor,
  HEADER_CSP,
  IMMUTABLE,
  PAGE_CSP,
  renderHeadersFile,
  renderNginxConf,
  REVALIDATE,
  SECURITY_HEADERS,
} from './response-headers.ts';

/** Rules of a _headers file as [path pattern, headers]. */
function parseHeadersFile(text: string): [RegExp, Record<string, string>][] {
  const rules: [RegExp, Record<string, string>][] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      const pattern = line
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      rules.push([new RegExp(`^${pattern}$`), {}]);
    } else {
      const [name, ...value] = line.trim().split(': ');
      rules.at(-1)![1][name!] = value.join(': ');
    }
  }
  return rules;
}

/** What Netlify / Cloudflare Pages send for a path: every matching rule merged, repeats comma-joined. */
function headersFor(text: string, path: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [pattern, headers] of parseHeadersFile(text)) {
    if (!pattern.test(path)) continue;
    for (const [name, value] of Object.entries(headers)) merged[name] = merged[name] ? `${merged[name]}, ${value}` : value;
  }
  return merged;
}

const SAMPLE_PATHS = [
  '/',
  '/skills/redis/',
  '/404.html',
  '/sitemap-index.xml',
  '/rss.xml',
  '/_astro/BaseLayout.DV5dzDQ-.css',
  '/_astro/search-page-start-BDmEj1_t.js',
  '/pagefind/pagefind.js',
  '/pagefind/pagefind-entry.json',
  '/pagefind/wasm.en.pagefind',
  '/pagefind/pagefind.en_2795c5f2a6.pf_meta',
  '/pagefind/fragment/en_11b1d42.pf_fragment',
  '/pagefind/index/en_1641c76.pf_index',
  '/pagefind/filter/en_a77fae8.pf_filter',
  '/search/titles-Xq3_vB-9aZ.json',
];

describe('cache lifetimes', () => {
  it('keeps content-hashed files for a year and revalidates everything else', () => {
    expect(cacheControlFor('/_astro/BaseLayout.DV5dzDQ-.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('/pagefind/fragment/en_11b1d42.pf_fragment')).toBe(IMMUTABLE);
    expect(cacheControlFor('/pagefind/pagefind.en_2795c5f2a6.pf_meta')).toBe(IMMUTABLE);
    expect(cacheControlFor('/search/titles-Xq3_vB-9aZ.json')).toBe(IMMUTABLE);
    for (const path of [
      '/',
      '/skills/redis/',
      '/rss.xml',
      '/sitemap-index.xml',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.en.pagefind',
      '/search/',
    ]) {
      expect(cacheControlFor(path), path).toBe(REVALIDATE);
    }
  });
});

describe('content types', () => {
  it('names a type, with a charset for text, for each kind of file the build emits', () => {
    expect(contentTypeFor('/skills/redis/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/sitemap-0.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeFor('/pagefind/pagefind-entry.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('/x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('/pagefind/fragment/en_1.pf_fragment')).toBe('application/octet-stream');
    expect(contentTypeFor('/og/skills/redis.png')).toBe('image/png');
  });
});

describe('_headers (Netlify / Cloudflare Pages)', () => {
  const file = renderHeadersFile();

  it('sends every security header, once, on every path', () => {
    for (const path of SAMPLE_PATHS) {
      const headers = headersFor(file, path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${name} on ${path}`).toBe(value);
    }
  });

  it('sets Cache-Control only where the rules say a year, and never twice for one path', () => {
    for (const path of SAMPLE_PATHS) {
      const cacheControl = headersFor(file, path)['Cache-Control'];
      // Unset means the host default, which both hosts document as REVALIDATE.
      expect(cacheControl ?? REVALIDATE, path).toBe(cacheControlFor(path));
    }
  });

  it('writes the hashed-path rules with and without a base path', () => {
    const based = renderHeadersFile('/atlas/');
    expect(headersFor(based, '/atlas/_astro/a.1b2c3d.js')['Cache-Control']).toBe(IMMUTABLE);
    expect(headersFor(based, '/_astro/a.1b2c3d.js')['Cache-Control']).toBe(IMMUTABLE);
    expect(headersFor(based, '/atlas/skills/redis/')['Cache-Control']).toBeUndefined();
  });
});

describe('Content-Security-Policy', () => {
  it('keeps the header free of fetch directives that would override the pages’ script and style hashes', () => {
    expect(HEADER_CSP).toContain("frame-ancestors 'none'");
    expect(HEADER_CSP).not.toMatch(/(^|; )(default-src|script-src|style-src)/);
  });

  it('allows no inline script, no other origin, and WebAssembly for Pagefind', () => {
    expect(PAGE_CSP.scriptResources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(PAGE_CSP.styleResources).toEqual(["'self'"]);
    expect(PAGE_CSP.directives).toContain("default-src 'self'");
    expect(PAGE_CSP.directives.join(' ')).not.toMatch(/unsafe-inline|https?:|\*/);
  });
});

describe('deploy/nginx.conf', () => {
  it('is exactly what the generator writes from this module (regenerate: npm run nginx-conf)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../../deploy/nginx.conf'), 'utf8');
    expect(committed).toBe(renderNginxConf());
  });

  it('repeats every security header in every location, since nginx drops inherited add_header in a block that has its own', () => {
    const conf = renderNginxConf({ base: '/atlas/' });
    const locations = conf
      .split(/\n\s*location /)
      .slice(1)
      .filter((block) => block.includes('add_header'));
    expect(locations.length).toBe(1 + CACHE_RULES.length);
    for (const block of locations) {
      const own = block.split(/\n\s*location /)[0]!;
      for (const name of Object.keys(SECURITY_HEADERS)) expect(own, block.split('\n')[0]).toContain(`add_header ${name} `);
    }
  });
});
