/**
 * Runs on every page as it is rendered (at build time; in dev too, where pages carry no policy).
 * Pages only: each page's Content-Security-Policy names the hashes of its own inline code, not
 * the whole site's (src/integrations/hosting/csp-prune.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { pruneCspHashes } from './integrations/hosting/csp-prune.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(pruneCspHashes(await response.text()), response);
});
