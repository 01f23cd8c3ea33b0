/**
 * Draws many social cards at once on worker threads (src/lib/build/worker-pool.ts), one per
 * core. Falls back to drawing on the calling thread when asked for no workers.
 */
import { availableParallelism } from 'node:os';
import { type OgCard, renderOgImage } from './og-image.ts';
import type { OgJob } from './og-worker.ts';
import { WorkerPool } from '../build/worker-pool.ts';

export class OgImagePool {
  readonly #pool: WorkerPool<OgJob, Uint8Array<ArrayBuffer>>;

  /**
   * @param size number of worker threads; 0 draws on the calling thread. By default one
   *   core is left to the calling thread, which renders pages while the cards are drawn.
   */
  constructor(size = Math.max(1, Math.min(availableParallelism() - 1, 4))) {
    this.#pool = new WorkerPool('src/lib/social-cards/og-worker.ts', size);
  }

  async render(card: OgCard, siteName: string, cacheDir?: string): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#pool.size === 0) return renderOgImage(card, siteName, cacheDir);
    try {
      return await this.#pool.run({ card, siteName, cacheDir });
    } catch (error) {
      throw new Error(`Drawing the social card "${card.title}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, {
        cause: error,
      });
    }
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
