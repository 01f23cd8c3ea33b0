import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock } from './build-lock.ts';
import { tempDir } from '../../../tests/support/temp-files.ts';

const lockPath = () => join(tempDir('lock'), 'dist.lock');

describe('the build lock', () => {
  it('takes a free lock with this process id and removes it on release', () => {
    const path = lockPath();
    const release = acquireBuildLock(path, 'dist');
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses while a running build holds it, naming that process and the file to delete', () => {
    const path = lockPath();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path, `${other.pid}\n2026-11-26T22:00:00.000Z\n`);
      expect(() => acquireBuildLock(path, '/srv/site/dist')).toThrow(
        `Another build of /srv/site/dist is running (process ${other.pid}, started 2026-11-26T22:00:00.000Z). Wait for it to finish or stop it. If no build is running, delete ${path}.`,
      );
      expect(readFileSync(path, 'utf8')).toContain(String(other.pid));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a build that was killed', () => {
    const path = lockPath();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(path, `${gone.stdout.trim()}\n2026-11-26T22:00:00.000Z\n`);
    const release = acquireBuildLock(path, 'dist');
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
  });
});
