import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../../../site.config.mjs';
import { observePrerender } from '../build-speed/observe-prerender.ts';
import { compressAsRendered, placeOnWorker } from './precompress-queue.ts';
import { BUNDLE } from '../search/pagefind-bundle.ts';
import { precompress, type PrecompressResult } from './precompress.ts';
import { ASTRO_CACHED_OUTPUT, restoreByLink, type LinkedOutput } from '../build-speed/restore-by-link.ts';
import { frontmatterDigest, keyViews } from '../build-speed/view-keys.ts';

/**
 * Writes `.br` and `.gz` beside every text file over 1 KB (src/integrations/precompression/precompress.ts).
 * Pages, feeds and API files are compressed into the build cache as Astro renders them;
 * once Astro has written them, a pass over the output links those copies beside them
 * (and compresses the bundles and anything a rebuild restored from Astro's cache), while
 * the sitemap and the search index are built. What those write is compressed at the end.
 * Listed after them in astro.config.mjs, so its end comes after theirs. Compressed copies are
 * kept in the build cache, so a rebuild only compresses files that changed.
 */
export function precompressed(): AstroIntegration {
  let cacheDir = '';
  let base = '/';
  let root = '';
  let started = 0;
  let rendered: ReturnType<typeof compressAsRendered> | undefined;
  let early: Promise<number> | undefined;
  /** Waits once for the worker to finish (and closes it): how many files were compressed as they rendered. */
  const compressedEarly = () => (early ??= rendered?.drained() ?? Promise.resolve(0));
  let pages: Promise<PrecompressResult> | undefined;
  let cachedOutput = '';
  let outDir = '';
  let linking = false;
  let linkedOutput: LinkedOutput | undefined;
  return {
    name: 'backend-atlas:precompressed',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'precompressed');
        cachedOutput = join(fileURLToPath(config.cacheDir), ASTRO_CACHED_OUTPUT);
        outDir = fileURLToPath(config.outDir);
        // Linking needs Astro's incremental build (the cache it links from) and the output layout
        // restore-by-link.ts maps paths to (format: directory).
        linking = Boolean(config.experimental.incrementalBuild) && config.build.format === 'directory';
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const queue = compressAsRendered(cacheDir);
        rendered = queue;
        // Read while Vite bundles the routes; the keys are needed when Astro asks for the paths.
        const digest = frontmatterDigest(resolve(root, siteConfig.contentDir), siteConfig);
        digest.catch(() => {});
        // Wraps Astro's own prerenderer. Astro keeps only the last prerenderer set, so the other
        // wrappers this build needs are set here too: cache keys for the site-wide views
        // (src/integrations/build-speed/view-keys.ts) and unchanged outputs restored as hard links
        // (src/integrations/build-speed/restore-by-link.ts). An adapter that brings its own prerenderer would replace
        // them all: Astro then renders the views and copies unchanged outputs, and the pass over the
        // output still compresses everything.
        setPrerenderer((astro) => {
          let prerenderer = keyViews(astro, () => digest);
          if (linking) {
            const linker = restoreByLink(prerenderer, { outDir, cachedOutput, base });
            linkedOutput = linker;
            prerenderer = linker;
          }
          return observePrerender(prerenderer, base, (file) => queue.add(file));
        });
      },
      'astro:build:generated': ({ dir }) => {
        started = performance.now();
        const site = fileURLToPath(dir);
        // What is already compressed is placed on a low-priority worker: Pagefind, which starts
        // now too and takes longer, gets the CPU first.
        // Pagefind's folder is left to the pass at the end: Pagefind is writing it meanwhile.
        pages = compressedEarly().then(() => precompress(site, cacheDir, new Set(), (files) => placeOnWorker(site, cacheDir, files), [BUNDLE]));
        // Awaited at the end of the build; until then a failure must not count as unhandled.
        pages.catch(() => {});
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        // A linked file Astro did not take as its output would be a stray page, and by now the
        // search index and the compression pass have seen it: the build stops instead of publishing it.
        const written = new Set([...assets.values()].flat().map((url) => fileURLToPath(url).slice(outDir.length)));
        const strays = [...(linkedOutput?.linked ?? [])].filter((file) => !written.has(file));
        if (strays.length > 0)
          throw new Error(
            `${strays.length} files linked from the build cache are not outputs Astro wrote, e.g. ${strays[0]} ` +
              `(src/integrations/build-speed/restore-by-link.ts maps paths to files differently from this Astro version). ` +
              `Deleting ${cachedOutput} lets one build through without linking; the next rebuild stops here again until that mapping is fixed.`,
          );
        if (linkedOutput && linkedOutput.linked.size + linkedOutput.unlinked.size > 0)
          logger.info(
            `Linked ${linkedOutput.linked.size} unchanged files from the build cache (${linkedOutput.unlinked.size} more were rendered again)`,
          );
        const first = await (pages ?? precompress(fileURLToPath(dir), cacheDir));
        const rest = await precompress(fileURLToPath(dir), cacheDir, new Set(first.seen));
        const early = await compressedEarly();
        const files = first.files + rest.files;
        const reused = first.reused + rest.reused;
        logger.info(
          `Precompressed ${files} files (.br and .gz beside each; ${early} compressed as they rendered` +
            `${rendered?.left ? `, ${rendered.left} left for later while the worker was busy` : ''}, ` +
            `${reused} placed from the cache) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
