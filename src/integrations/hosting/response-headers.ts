/**
 * The one source of truth for how the built site is served: security headers, the
 * Content-Security-Policy, cache lifetimes and content types. Rendered two ways from
 * the same data — `dist/_headers` for Netlify / Cloudflare Pages (renderHeadersFile)
 * and `deploy/nginx.conf` for self-hosting (renderNginxConf) — and fed to Astro's
 * `security.csp` (PAGE_CSP), so the three can never disagree.
 *
 * How the two CSPs combine: Astro writes a per-page `<meta http-equiv>` policy with the
 * SHA-256 of every inline script and style it emits (PAGE_CSP plus those hashes). The
 * server sends HEADER_CSP on every response. A browser enforces both, so a resource must
 * pass each. The header therefore holds only directives that cannot conflict with the
 * page's hashes — chiefly `frame-ancestors`, which a meta policy cannot carry — and never
 * `default-src`/`script-src`/`style-src`, which would block the hashed inline code.
 */

/** Cache-Control for files whose name changes when their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control for everything else: keep a copy, but ask the server before each use. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Policy sent as a response header on every path (see the module comment). */
export const HEADER_CSP = ["frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'", "form-action 'self'"].join('; ');

/** A CSP directive as Astro's `security.csp.directives` accepts it, e.g. "img-src 'self'". */
type CspDirective =
  `${'default' | 'img' | 'font' | 'connect' | 'worker' | 'manifest' | 'frame' | 'object'}-src ${string}` | `${'base-uri' | 'form-action'} ${string}`;

/**
 * Policy Astro writes into every page (`security.csp` in astro.config.mjs); Astro adds
 * `script-src`/`style-src` with the hashes of the inline code it emits.
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine; nothing may
 * be loaded from another origin.
 */
export const PAGE_CSP: { directives: CspDirective[]; scriptResources: string[]; styleResources: string[] } = {
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptResources: ["'self'", "'wasm-unsafe-eval'"],
  styleResources: ["'self'"],
};

/** Headers on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_CSP,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export interface CacheRule {
  /** Path below the site root; `*` matches any run of characters (the _headers splat). */
  path: string;
  cacheControl: string;
  why: string;
}

/** Paths whose names carry a content hash. Everything else is REVALIDATE. */
export const CACHE_RULES: readonly CacheRule[] = [
  { path: '/_astro/*', cacheControl: IMMUTABLE, why: 'scripts, styles and images bundled by Astro, named by content hash' },
  { path: '/pagefind/fragment/*', cacheControl: IMMUTABLE, why: 'search result fragments, named by content hash' },
  { path: '/pagefind/index/*', cacheControl: IMMUTABLE, why: 'search index chunks, named by content hash' },
  { path: '/pagefind/filter/*', cacheControl: IMMUTABLE, why: 'search filter chunks, named by content hash' },
  { path: '/pagefind/*.pf_meta', cacheControl: IMMUTABLE, why: 'search index metadata, named by content hash' },
  { path: '/search/titles-*.json', cacheControl: IMMUTABLE, why: 'the header search’s title index, named by content hash' },
];

/**
 * Content type per file extension: every kind of file the build emits. The nginx server
 * block uses exactly this map; static hosts already know the common ones, so _headers
 * only names the Pagefind files they cannot know.
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  xml: 'application/xml',
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  webmanifest: 'application/manifest+json',
  txt: 'text/plain',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  wasm: 'application/wasm',
  // Pagefind's own files: gzip-compressed binary the Pagefind script decodes itself.
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

/** Types served with `; charset=utf-8`. */
export const TEXT_TYPES = [...new Set(Object.values(CONTENT_TYPES))].filter(
  (type) => type.startsWith('text/') || /(json|xml|javascript)$/.test(type),
);

/** Extensions precompressed at build time (.br and .gz beside the file) when over COMPRESS_MIN_BYTES. */
export const COMPRESSIBLE_EXTENSIONS = ['html', 'css', 'js', 'mjs', 'json', 'xml', 'rss', 'atom', 'webmanifest', 'txt', 'svg', 'wasm'];
export const COMPRESS_MIN_BYTES = 1024;

/** The Cache-Control a file at `path` (below the site root, e.g. "/_astro/a.1b2c.css") is served with. */
export function cacheControlFor(path: string): string {
  return CACHE_RULES.find((rule) => globToRegExp(rule.path).test(path))?.cacheControl ?? REVALIDATE;
}

/** The content type a file is served with, charset included for text. */
export function contentTypeFor(path: string): string {
  const type = CONTENT_TYPES[/\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  return TEXT_TYPES.includes(type) ? `${type}; charset=utf-8` : type;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function joinBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

/**
 * `_headers` for Netlify and Cloudflare Pages. Both merge every rule whose path matches and
 * join repeated headers with commas, so each header appears in one matching rule only:
 * security headers on /*, Cache-Control on the hashed paths. Everything else gets these
 * hosts' default, `public, max-age=0, must-revalidate` (REVALIDATE).
 * With a base path, the hashed-path rules are written both with and without it, as hosts
 * differ in whether they see the prefix (a subfolder deploy) or not (a proxy that strips it).
 */
export function renderHeadersFile(base = '/'): string {
  const lines = ['# Generated by src/integrations/hosting/response-headers.ts at build time: edit that file, not this one.', ''];
  const block = (path: string, headers: Record<string, string>, why?: string) => {
    if (why) lines.push(`# ${why}`);
    lines.push(path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), '');
  };
  block('/*', { ...SECURITY_HEADERS }, 'Every response');
  const prefixes = base === '/' ? ['/'] : ['/', base];
  for (const rule of CACHE_RULES) {
    for (const prefix of prefixes) block(joinBase(prefix, rule.path), { 'Cache-Control': rule.cacheControl }, rule.why);
  }
  for (const extension of ['pagefind', 'pf_meta', 'pf_index', 'pf_fragment', 'pf_filter']) {
    for (const prefix of prefixes) block(joinBase(prefix, `/pagefind/*.${extension}`), { 'Content-Type': CONTENT_TYPES[extension]! });
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export interface NginxOptions {
  /** Base path the site is served under, e.g. "/" or "/atlas/". */
  base?: string;
  /** Folder holding the built site (the contents of dist/). */
  root?: string;
  serverName?: string;
  /** `listen` parameters, one directive each. */
  listen?: string[];
}

/** nginx `location` for a cache rule: a prefix match where the path allows, else a regex. */
function nginxLocation(path: string): string {
  if (path.endsWith('/*') && !path.slice(0, -1).includes('*')) return `^~ ${path.slice(0, -1)}`;
  return `~ ${globToRegExp(path).source.replace(/\\\//g, '/')}`;
}

/**
 * A ready nginx `server` block serving the built site with the same headers as `_headers`.
 * Needs nginx's gzip_static (built in) and brotli_static (Debian: libnginx-mod-http-brotli-static)
 * to serve the .gz/.br files the build writes beside each text file.
 */
export function renderNginxConf(options: NginxOptions = {}): string {
  const { base = '/', root = '/var/www/backend-atlas', serverName = 'backend-atlas.example.org', listen = ['80', '[::]:80'] } = options;
  const indent = (depth: number) => '    '.repeat(depth);
  // Security headers go on every response, errors included (`always`). A year-long
  // Cache-Control goes on successful responses only, so a 404 is never cached for a year.
  const headers = (cacheControl: string, depth: number) => [
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${indent(depth)}add_header ${name} "${value}" always;`),
    `${indent(depth)}add_header Cache-Control "${cacheControl}"${cacheControl === IMMUTABLE ? '' : ' always'};`,
  ];
  const types = Object.entries(
    Object.entries(CONTENT_TYPES).reduce<Record<string, string[]>>((byType, [extension, type]) => {
      (byType[type] ??= []).push(extension);
      return byType;
    }, {}),
  ).map(([type, extensions]) => `${indent(2)}${type} ${extensions.join(' ')};`);
  const site = (path: string) => joinBase(base, path);

  const out = [
    '# Generated by `npm run nginx-conf` from src/integrations/hosting/response-headers.ts: edit that file, not this one.',
    '# A test (tests/hosting) fails if this file and the generator disagree.',
    '#',
    `# Serves the built site (the contents of dist/) at ${base}, with precompressed .br/.gz files,`,
    '# security headers, one-year caching for content-hashed files and the 404 page.',
    '# Needs: nginx with gzip_static (built in) and brotli_static',
    '# (Debian/Ubuntu: apt-get install nginx libnginx-mod-http-brotli-static).',
    '# Put it in the http block (e.g. /etc/nginx/sites-enabled/) and add TLS (listen 443 ssl; ...).',
    'server {',
    ...listen.map((value) => `${indent(1)}listen ${value};`),
    `${indent(1)}server_name ${serverName};`,
    '',
    `${indent(1)}server_tokens off;`,
    `${indent(1)}# Redirects (e.g. /skills → /skills/) keep the scheme and host the reader used.`,
    `${indent(1)}absolute_redirect off;`,
    `${indent(1)}index index.html;`,
    `${indent(1)}# Unknown paths, and folders without a page, get the site's 404 page with status 404.`,
    `${indent(1)}error_page 404 ${site('/404.html')};`,
    `${indent(1)}error_page 403 =404 ${site('/404.html')};`,
    '',
    `${indent(1)}# Content types: exactly the kinds of file the build emits.`,
    `${indent(1)}types {`,
    ...types,
    `${indent(1)}}`,
    `${indent(1)}default_type application/octet-stream;`,
    `${indent(1)}charset utf-8;`,
    `${indent(1)}charset_types ${TEXT_TYPES.filter((type) => type !== 'text/html').join(' ')};`,
    '',
    `${indent(1)}# The build writes x.br and x.gz beside every text file over ${COMPRESS_MIN_BYTES} bytes.`,
    `${indent(1)}brotli_static on;`,
    `${indent(1)}gzip_static on;`,
    `${indent(1)}gzip_vary on;`,
    '',
  ];
  if (base === '/') out.push(`${indent(1)}root ${root};`, '');
  else out.push(`${indent(1)}location = ${base.replace(/\/$/, '')} {`, `${indent(2)}return 301 ${base};`, `${indent(1)}}`, '');
  out.push(`${indent(1)}location ${base === '/' ? '/' : `^~ ${base}`} {`);
  if (base !== '/') out.push(`${indent(2)}alias ${root.replace(/\/?$/, '/')};`);
  out.push(...headers(REVALIDATE, 2), '');
  out.push(
    `${indent(2)}# Read by Netlify / Cloudflare Pages, not meant for readers.`,
    `${indent(2)}location = ${site('/_headers')} {`,
    `${indent(3)}return 404;`,
    `${indent(2)}}`,
  );
  for (const rule of CACHE_RULES) {
    out.push(
      '',
      `${indent(2)}# ${rule.why}`,
      `${indent(2)}location ${nginxLocation(site(rule.path))} {`,
      ...headers(rule.cacheControl, 3),
      `${indent(2)}}`,
    );
  }
  out.push(`${indent(1)}}`, '}');
  return `${out.join('\n')}\n`;
}
