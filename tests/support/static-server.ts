import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The build's compressed copies beside each text file, in the order a server prefers them. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /**
   * Send the build's .br or .gz copy of a file when the request accepts it, as nginx's
   * brotli_static and gzip_static do in production, so bytes measured here are bytes as sent.
   */
  precompressed?: boolean;
}

/**
 * Serves a built site from `root` on 127.0.0.1 the way a static host does:
 * directory URLs get index.html, unknown paths get 404.html with status 404.
 * `base` is the path the site is mounted under (e.g. "/atlas/").
 */
export async function serveStatic(root: string, base = '/', { precompressed = false }: StaticServerOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const inside = pathname.startsWith(base) ? pathname.slice(base.length - 1) : undefined;
    let file = inside === undefined ? undefined : normalize(join(root, inside));
    if (file && !file.startsWith(normalize(root))) file = undefined;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file !== undefined && existsSync(file);
    const path = found ? file! : join(root, '404.html');
    if (!existsSync(path)) {
      // A fixture site without a 404 page: answer like a bare host.
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const accepted = precompressed ? String(request.headers['accept-encoding'] ?? '') : '';
    const copy = PRECOMPRESSED.find(({ encoding, suffix }) => accepted.includes(encoding) && existsSync(path + suffix));
    response.writeHead(found ? 200 : 404, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      ...(precompressed && { Vary: 'Accept-Encoding' }),
      ...(copy && { 'Content-Encoding': copy.encoding }),
    });
    createReadStream(copy ? path + copy.suffix : path).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
