import type { ApiUrls } from './content-api.ts';
import { entryPath, sitePath } from '../site/urls.ts';

/** Absolute addresses for API files, from the site's origin and base path. */
export function apiUrls(site: URL | undefined): ApiUrls {
  const absolute = (path: string) => new URL(path, site).href;
  return { site: absolute(sitePath()), page: (entry) => absolute(entryPath(entry)), file: (path) => absolute(sitePath(path)) };
}

/** A JSON file response, pretty-printed for people who open it in a browser. */
export function jsonResponse(data: unknown): Response {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
