/**
 * Runs jobs on a few worker threads: the build's CPU-heavy steps (rendering articles,
 * drawing social cards) run on JavaScript threads, so one thread does one job at a
 * time; with a worker per core they use the whole machine. Workers are plain Node
 * scripts under src/ (run with type stripping, relative .ts imports) that call
 * `serveJobs()`.
 */
import { join } from 'node:path';
import { parentPort, type Transferable, Worker } from 'node:worker_threads';

/** A job's error as it crosses threads: its message and stack, and any own fields (e.g. a line number). */
interface SentError {
  message: string;
  stack?: string | undefined;
  fields: Record<string, unknown>;
}

type Reply<Result> = { id: number; result: Result } | { id: number; error: SentError };

interface Pending<Job, Result> {
  id: number;
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/** Jobs in flight per worker: enough to keep it busy between messages, few enough to bound memory. */
const IN_FLIGHT = 2;

export class WorkerPool<Job, Result> {
  readonly #workers: { worker: Worker; jobs: Map<number, Pending<Job, Result>> }[] = [];
  readonly #queue: Pending<Job, Result>[] = [];
  #next = 0;
  #closed = false;

  /**
   * @param script path of the worker script from the project root; it is resolved from
   *   the working directory because the caller may itself run from a bundle in a scratch folder.
   * @param workerData passed to every worker (structured-cloneable).
   */
  constructor(script: string, size: number, workerData?: unknown) {
    for (let i = 0; i < size; i++) {
      const slot = { worker: new Worker(join(process.cwd(), script), { workerData }), jobs: new Map<number, Pending<Job, Result>>() };
      // Never keep the build process alive on their account.
      slot.worker.unref();
      slot.worker.on('message', (reply: Reply<Result>) => {
        const pending = slot.jobs.get(reply.id);
        slot.jobs.delete(reply.id);
        if ('error' in reply) pending?.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }, reply.error.fields));
        else pending?.resolve(reply.result);
        this.#pump();
      });
      slot.worker.on('error', (error) => {
        for (const pending of slot.jobs.values()) pending.reject(error);
        slot.jobs.clear();
      });
      this.#workers.push(slot);
    }
  }

  get size(): number {
    return this.#workers.length;
  }

  run(job: Job): Promise<Result> {
    if (this.#closed) return Promise.reject(new Error('This worker pool is closed; no worker is left to run the job.'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, job, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    for (const slot of this.#workers) {
      while (slot.jobs.size < IN_FLIGHT && this.#queue.length > 0) {
        const pending = this.#queue.shift()!;
        slot.jobs.set(pending.id, pending);
        slot.worker.postMessage({ id: pending.id, job: pending.job });
      }
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new Error('The worker pool was closed before the job ran.'));
    await Promise.all(this.#workers.map((slot) => slot.worker.terminate()));
    this.#workers.length = 0;
  }
}

/**
 * The worker's side: answers each job with `handle`'s result, or with its error. A
 * result's `transfer` list moves buffers to the caller instead of copying them.
 */
export function serveJobs<Job, Result>(handle: (job: Job) => Promise<{ result: Result; transfer?: Transferable[] }>): void {
  parentPort?.on('message', async ({ id, job }: { id: number; job: Job }) => {
    try {
      const { result, transfer } = await handle(job);
      parentPort!.postMessage({ id, result } satisfies Reply<Result>, transfer ?? []);
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      const fields = Object.fromEntries(Object.entries(error).filter(([, value]) => value === null || typeof value !== 'object'));
      parentPort!.postMessage({ id, error: { message: error.message, stack: error.stack, fields } } satisfies Reply<Result>);
    }
  });
}
