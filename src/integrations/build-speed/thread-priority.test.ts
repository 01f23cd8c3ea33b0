import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/** The nice value a worker thread reports after calling lowestPriority(), and the main thread's after it. */
async function inWorker(): Promise<{ worker: number; main: number }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(new URL('./thread-priority.ts', import.meta.url).href)}).then(({ lowestPriority }) => {
      lowestPriority();
      parentPort.postMessage(require('node:os').getPriority());
    });`;
  const worker = new Worker(code, { eval: true });
  const nice = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  return { worker: nice, main: getPriority() };
}

describe('lowestPriority', () => {
  it.runIf(process.platform === 'linux')('lowers the calling thread to nice 19 and leaves the others as they were', async () => {
    const before = getPriority();
    const { worker, main } = await inWorker();
    expect(worker).toBe(19);
    expect(main).toBe(before);
  });
});
