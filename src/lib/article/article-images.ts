/**
 * Images beside an article (`![alt](./name.png)`) go through Astro's image pipeline:
 * Astro's own Sätteri plugins collect them and mark each <img> for it (`__ASTRO_IMAGE_`),
 * the content loader hands their paths to Astro (`rendered.metadata.imagePaths`), and the
 * page renders the article with `render()` from astro:content, which calls getImage() for
 * each mark. This plugin adds what the mark does not say: raster images get a srcset of
 * widths for small screens, and the article's first image loads at once, the rest lazily.
 */
import type { HastPluginDefinition } from 'satteri';

const MARK = '__ASTRO_IMAGE_';

/** Widths offered to the browser for a raster image (Astro leaves out any wider than the file). */
export const IMAGE_WIDTHS = [480, 800, 1200, 1600];
/** The article column is at most about 44rem wide; on a phone an image spans the screen. */
export const IMAGE_SIZES = '(min-width: 50rem) 44rem, 100vw';

export function articleImages(): HastPluginDefinition {
  let first = true;
  return {
    name: 'backend-atlas:article-images',
    element: {
      filter: ['img'],
      visit(node, ctx) {
        const mark = node.properties[MARK];
        if (typeof mark !== 'string') return;
        const image = JSON.parse(mark) as Record<string, unknown>;
        if (!/\.svg$/i.test(String(image['src']))) Object.assign(image, { widths: IMAGE_WIDTHS, sizes: IMAGE_SIZES });
        if (first) image['priority'] = true;
        first = false;
        ctx.setProperty(node, MARK, JSON.stringify(image));
      },
    },
  };
}
