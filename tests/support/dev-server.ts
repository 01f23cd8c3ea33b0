import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './fixture-build.ts';

export interface DevServer {
  /** The private copy of the project the server runs in. */
  root: string;
  url: (path?: string) => string;
  /** Everything the dev server printed so far, without colour codes. */
  output: () => string;
  /** Resolves once the output contains `text` (or rejects after `timeout` ms). */
  waitForOutput: (text: string, timeout?: number) => Promise<void>;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A private copy of the project (node_modules linked) to run Astro in. Astro keeps
 * state in <root>/.astro/ that other builds in the same tree would overwrite.
 */
export function privateProjectCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-root-'));
  for (const item of ['src', 'public', 'astro.config.mjs', 'site.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, item), join(root, item), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** `astro dev` on 127.0.0.1 and a free port, serving `contentDir`, in a private copy of the project. */
export async function startDevServer(contentDir: string, prepare?: (root: string) => void): Promise<DevServer> {
  const root = privateProjectCopy();
  prepare?.(root);
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: {
      // A test runner's mode (vitest sets MODE, DEV, PROD…) must not leak into the dev server, as in scripts/build.ts.
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST.*)$/.test(key))),
      ATLAS_CONTENT_DIR: contentDir,
      ATLAS_CACHE_DIR: join(root, 'cache/'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // eslint-disable-next-line no-control-regex
  const append = (chunk: Buffer) => (output += chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/g, ''));
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);

  const waitForOutput = async (text: string, timeout = 60_000) => {
    const start = Date.now();
    while (!output.includes(text)) {
      if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}) before printing "${text}":\n${output}`);
      if (Date.now() - start > timeout) throw new Error(`astro dev did not print "${text}" within ${timeout} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await waitForOutput(`http://127.0.0.1:${port}/`);

  return {
    root,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    output: () => output,
    waitForOutput,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
