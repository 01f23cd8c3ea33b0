/**
 * Draws many social cards at once on worker threads, one per core. Satori's layout
 * runs on the JavaScript thread, so a single thread draws one card at a time; with a
 * worker per core the cards of a build take a fraction of the time. Falls back to
 * drawing on the calling thread when asked for no workers.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type OgCard, renderOgImage } from './og-image.ts';

interface Job {
  id: number;
  card: OgCard;
  siteName: string;
  cacheDir: string | undefined;
  resolve: (png: Uint8Array<ArrayBuffer>) => void;
  reject: (error: Error) => void;
}

/** Cards in flight per worker: enough to overlap layout with rasterising, few enough to bound memory. */
const IN_FLIGHT = 2;

export class OgImagePool {
  readonly #workers: { worker: Worker; jobs: Map<number, Job> }[] = [];
  readonly #queue: Job[] = [];
  #next = 0;

  /** @param size number of worker threads; 0 draws on the calling thread. */
  constructor(size = Math.min(availableParallelism(), 4)) {
    // Node runs the worker's TypeScript directly; its path is resolved from the project
    // root because this module may itself run from a bundle in a scratch folder.
    const script = join(process.cwd(), 'src/lib/og-worker.ts');
    for (let i = 0; i < size; i++) {
      const slot = { worker: new Worker(script), jobs: new Map<number, Job>() };
      // Never keep the build process alive on their account.
      slot.worker.unref();
      slot.worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array<ArrayBuffer>; error?: string }) => {
        const job = slot.jobs.get(id);
        slot.jobs.delete(id);
        if (png) job?.resolve(new Uint8Array(png.buffer));
        else job?.reject(new Error(`Drawing the social card "${job?.card.title}" failed: ${error}`));
        this.#pump();
      });
      slot.worker.on('error', (error) => {
        for (const job of slot.jobs.values()) job.reject(error);
        slot.jobs.clear();
      });
      this.#workers.push(slot);
    }
  }

  render(card: OgCard, siteName: string, cacheDir?: string): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#workers.length === 0) return renderOgImage(card, siteName, cacheDir);
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, card, siteName, cacheDir, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    for (const slot of this.#workers) {
      while (slot.jobs.size < IN_FLIGHT && this.#queue.length > 0) {
        const job = this.#queue.shift()!;
        slot.jobs.set(job.id, job);
        slot.worker.postMessage({ id: job.id, card: job.card, siteName: job.siteName, cacheDir: job.cacheDir });
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((slot) => slot.worker.terminate()));
    this.#workers.length = 0;
  }
}
