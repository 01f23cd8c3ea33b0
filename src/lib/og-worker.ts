/**
 * Worker thread that draws social cards for OgImagePool (og-image-pool.ts). Run by
 * Node directly from src/ (type stripping), so it imports with relative .ts paths.
 */
import { parentPort } from 'node:worker_threads';
import { type OgCard, renderOgImage } from './og-image.ts';

export interface OgJob {
  id: number;
  card: OgCard;
  siteName: string;
  cacheDir?: string | undefined;
}

parentPort?.on('message', async ({ id, card, siteName, cacheDir }: OgJob) => {
  try {
    const png = await renderOgImage(card, siteName, cacheDir);
    parentPort!.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
