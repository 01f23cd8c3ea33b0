import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNginxConf } from '../../src/integrations/hosting/response-headers.ts';
import { ROOT } from './fixture-build.ts';

/** The committed server block, served by the tests exactly as written except `listen` and `root`. */
export const DEPLOY_CONF = join(ROOT, 'deploy/nginx.conf');

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', '/usr/bin/nginx'];

/** Path of the nginx binary, or undefined when nginx is not installed. */
export function nginxBinary(): string | undefined {
  const fromEnv = process.env['NGINX_PATH'];
  if (fromEnv) return fromEnv;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

export const NGINX_MISSING =
  'nginx is not installed, so the tests that serve dist/ with deploy/nginx.conf are skipped ' +
  '(install it with: apt-get install nginx libnginx-mod-http-brotli-static — .ci/run does this in CI)';

const brotliMissing = (binary: string) =>
  `nginx (${binary}) has no brotli_static module, which deploy/nginx.conf needs, so the tests that serve dist/ with it are skipped ` +
  '(install it with: apt-get install libnginx-mod-http-brotli-static — .ci/run does this in CI)';

let unavailable: { reason: string | undefined } | undefined;

/**
 * Why the tests cannot serve dist/ with nginx on this machine, or undefined when they can.
 * The module check is `nginx -t` on the configuration the tests run, so it finds the module
 * however this nginx loads it (built in, modules-enabled, another path). Any other error in
 * that configuration is not a reason to skip: the tests then run and fail with nginx's message.
 */
export function nginxUnavailable(): string | undefined {
  unavailable ??= { reason: findWhyUnavailable() };
  return unavailable.reason;
}

function findWhyUnavailable(): string | undefined {
  const binary = nginxBinary();
  if (!binary) return NGINX_MISSING;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-nginx-check-'));
  try {
    const conf = writeNginxConf(dir, dir, '/', 8080);
    const test = spawnSync(binary, ['-t', '-c', conf, '-e', join(dir, 'error.log')], { encoding: 'utf8' });
    return test.status !== 0 && /unknown directive "brotli/.test(test.stderr) ? brotliMissing(binary) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface NginxServer {
  /** Site URL, ending in the base path, e.g. http://127.0.0.1:41234/atlas/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The server block for a test: the committed file for base "/", the generator's output otherwise. */
function serverBlock(dist: string, base: string, port: number): string {
  const conf = base === '/' ? readFileSync(DEPLOY_CONF, 'utf8') : renderNginxConf({ base });
  let listens = 0;
  let roots = 0;
  const adapted = conf
    .replace(/^(\s*)listen [^;]+;\n/gm, (_match, space: string) => (listens++ === 0 ? `${space}listen 127.0.0.1:${port};\n` : ''))
    .replace(/^(\s*)server_name [^;]+;/m, '$1server_name 127.0.0.1;')
    .replace(/^(\s*)(root|alias) [^;]+;/gm, (_match, space: string, directive: string) => {
      roots++;
      return `${space}${directive} ${directive === 'alias' ? `${dist}/` : dist};`;
    });
  if (listens === 0 || roots !== 1)
    throw new Error(`${DEPLOY_CONF}: expected listen directives and one root or alias, found ${listens} and ${roots}`);
  return adapted;
}

/**
 * Writes into `dir` an nginx.conf that serves `dist` on 127.0.0.1:`port` with deploy/nginx.conf
 * (for another base path, the generator's server block for that base), and returns its path.
 * Modules come from the system's modules-enabled folder (Debian), as a system nginx would load them.
 */
function writeNginxConf(dir: string, dist: string, base: string, port: number): string {
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  writeFileSync(join(dir, 'site.conf'), serverBlock(dist, base, port));
  const modules = existsSync('/etc/nginx/modules-enabled') ? 'include /etc/nginx/modules-enabled/*.conf;' : '';
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      // Workers must read dist/ wherever the test put it.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      modules,
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      '  sendfile on;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((temp) => `  ${temp === 'body' ? 'client_body' : temp}_temp_path ${dir}/${temp};`),
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  );
  return conf;
}

/** Runs nginx on 127.0.0.1 with deploy/nginx.conf serving `dist` (writeNginxConf), on a free port. */
export async function serveWithNginx(dist: string, base = '/'): Promise<NginxServer> {
  const binary = nginxBinary();
  if (!binary) throw new Error(NGINX_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-nginx-'));
  const port = await freePort();
  const conf = writeNginxConf(dir, dist, base, port);
  const child: ChildProcess = spawn(binary, ['-c', conf, '-e', join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const failure = () => {
    const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
    return new Error(`nginx did not start with ${join(dir, 'site.conf')}:\n${stderr}${log}`);
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw failure();
    try {
      await fetchRaw(`${origin}/`);
      break;
    } catch {
      if (attempt > 100) {
        child.kill('SIGKILL');
        throw failure();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url: `${origin}${base}`,
    origin,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as sent (not decompressed). */
  body: Buffer;
}

/** A GET without any automatic decompression, so tests see what the server sent. */
export function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
