/**
 * Worker thread that draws social cards for OgImagePool (og-image-pool.ts). Run by
 * Node directly from src/ (type stripping), so it imports with relative .ts paths.
 */
import { type OgCard, renderOgImage } from './og-image.ts';
import { serveJobs } from '../build/worker-pool.ts';

export interface OgJob {
  card: OgCard;
  siteName: string;
  cacheDir?: string | undefined;
}

serveJobs<OgJob, Uint8Array<ArrayBuffer>>(async ({ card, siteName, cacheDir }) => {
  const png = await renderOgImage(card, siteName, cacheDir);
  return { result: png, transfer: [png.buffer] };
});
