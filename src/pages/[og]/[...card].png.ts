import type { APIRoute, GetStaticPaths } from 'astro';
import { cardKey } from '@/integrations/build-speed/build-cache-keys';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { siteConfig } from '../../../site.config.mjs';
import { SITE_NAME } from '@/consts';
import { getGraph } from '@/lib/content/content';
import { type OgCard, ogCardKey, renderOgImage } from '@/lib/social-cards/og-image';
import { OgImagePool } from '@/lib/social-cards/og-image-pool';
import { type SocialCard, socialCards, socialImagePath } from '@/lib/social-cards/social-cards';
import { sitePath } from '@/lib/site/urls';

const SITE = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
let images: Map<string, Promise<Uint8Array<ArrayBuffer>>> | undefined;
const CACHE_DIR = join(siteConfig.cacheDir, 'og-images');

/**
 * Social card images, /og/<page>.png. The first folder is a parameter (`[og]`, always
 * "og") rather than a plain folder only to set when Astro builds these: it builds routes
 * in priority order, and a named parameter before a rest parameter ranks below the
 * article pages, so the images come last. Drawing starts on worker threads as soon as
 * Astro collects the paths, before any page is rendered, so cards are drawn while the
 * pages render on the main thread and are ready, or nearly, when Astro asks for them.
 */
export const getStaticPaths = (async () => {
  const graph = await getGraph();
  const cards = socialCards(graph);
  if (!import.meta.env.DEV) images ??= drawAll(cards, SITE);
  return cards.map((card) => ({
    params: {
      og: 'og',
      card: socialImagePath(card.page)
        .replace(/^og\//, '')
        .replace(/\.png$/, ''),
    },
    props: { card },
    cacheKey: cardKey(card),
  }));
}) satisfies GetStaticPaths;

const drawing = (card: SocialCard, site: URL | undefined): OgCard => {
  const page = new URL(sitePath(card.page), site);
  return { title: card.title, kicker: card.kicker, address: `${page.host}${page.pathname}` };
};

/**
 * Starts drawing, on a pool of worker threads, every card not in the card cache. Cards
 * drawn by an earlier build are read from the cache when asked for; in a rebuild,
 * Astro asks only for cards whose cacheKey changed.
 */
function drawAll(cards: SocialCard[], site: URL | undefined): Map<string, Promise<Uint8Array<ArrayBuffer>>> {
  const missing = cards.filter((card) => !existsSync(join(CACHE_DIR, `${ogCardKey(drawing(card, site), SITE_NAME)}.png`)));
  if (missing.length < 2) return new Map();
  const pool = new OgImagePool();
  const drawn = new Map(missing.map((card) => [card.page, pool.render(drawing(card, site), SITE_NAME, CACHE_DIR)] as const));
  void Promise.allSettled(drawn.values()).then(() => pool.close());
  return drawn;
}

export const GET: APIRoute<{ card: SocialCard }> = async ({ props, site }) => {
  // While writing (dev), draw just the card asked for, from the current content.
  const png = await (images?.get(props.card.page) ??
    renderOgImage(drawing(props.card, site), SITE_NAME, import.meta.env.DEV ? undefined : CACHE_DIR));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
