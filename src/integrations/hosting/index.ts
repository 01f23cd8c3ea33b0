import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { renderHeadersFile } from './response-headers.ts';

/**
 * Writes `_headers` (Netlify / Cloudflare Pages) into the built site from
 * src/integrations/hosting/response-headers.ts, the source deploy/nginx.conf is generated from too.
 */
export function hostingHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'backend-atlas:hosting-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        writeFileSync(new URL('_headers', dir), renderHeadersFile(base));
        logger.info('Wrote _headers (security headers and caching for static hosts)');
      },
    },
  };
}
