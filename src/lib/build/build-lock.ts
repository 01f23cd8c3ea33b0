/**
 * One build at a time per output folder. scripts/build.ts builds into `<dist>.partial` and swaps it
 * in at the end; a second build started meanwhile would delete that folder under the first, and the
 * first could then publish the second's half-written output. The lock is a file beside the output
 * holding the owner's process id; a lock whose process is gone (a build that was killed) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock at `path` for this process, or throws an error naming the build that holds it.
 * @param what the folder the lock protects, for the message
 * @returns a function that releases the lock
 */
export function acquireBuildLock(path: string, what: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidLine = '', started = 'at an unknown time'] = readFileSync(path, 'utf8').split('\n');
      const pid = Number(pidLine);
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid) && pid !== process.pid) {
        throw new Error(
          `Another build of ${what} is running (process ${pid}, started ${started}). ` +
            `Wait for it to finish or stop it. If no build is running, delete ${path}.`,
          { cause: error },
        );
      }
      // Left by a build that no longer runs: take it over.
      rmSync(path, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
    closeSync(fd);
    return () => rmSync(path, { force: true });
  }
  throw new Error(`Could not take the build lock ${path}: another build keeps taking it.`);
}
