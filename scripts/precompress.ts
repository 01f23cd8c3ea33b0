/**
 * Writes `x.br` and `x.gz` beside every text file over 1 KB in a built site
 * (src/integrations/precompression/precompress.ts). Builds do this themselves; this is for a folder built otherwise.
 *
 *   node scripts/precompress.ts [dist]
 */
import { resolve } from 'node:path';
import { precompress } from '../src/integrations/precompression/precompress.ts';

const dir = resolve(process.argv[2] ?? 'dist');
const started = performance.now();
const result = await precompress(dir);
console.log(
  `Precompressed ${result.files} files, ${result.reused} from the cache (${(result.bytes / 1024).toFixed(0)} KB → ${(result.brotliBytes / 1024).toFixed(0)} KB brotli, ` +
    `${(result.gzipBytes / 1024).toFixed(0)} KB gzip) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
