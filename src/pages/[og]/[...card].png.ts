import type { APIRoute, GetStaticPaths } from 'astro';
import { cardKey } from '@/lib/build-cache-keys';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { siteConfig } from '../../../site.config.mjs';
import { SITE_NAME } from '@/consts';
import { getGraph } from '@/lib/content';
import { type OgCard, ogCardKey, renderOgImage } from '@/lib/og-image';
import { OgImagePool } from '@/lib/og-image-pool';
import { type SocialCard, socialCards, socialImagePath } from '@/lib/social-cards';
import { sitePath } from '@/lib/urls';

export const getStaticPaths = (async () => {
  const graph = await getGraph();
  return socialCards(graph).map((card) => ({
    params: {
      card: socialImagePath(card.page)
        .replace(/^og\//, '')
        .replace(/\.png$/, ''),
    },
    props: { card },
    cacheKey: cardKey(card),
  }));
}) satisfies GetStaticPaths;

let images: Map<string, Promise<Uint8Array<ArrayBuffer>>> | undefined;
const CACHE_DIR = join(siteConfig.cacheDir, 'og-images');

const drawing = (card: SocialCard, site: URL | undefined): OgCard => {
  const page = new URL(sitePath(card.page), site);
  return { title: card.title, kicker: card.kicker, address: `${page.host}${page.pathname}` };
};

/**
 * Astro asks for one image at a time; the first request starts every card that is not
 * in the card cache on a pool of worker threads, so the rest are drawn in parallel and
 * each later request only waits for its own. Cards drawn by an earlier build are read
 * from the cache when asked for; in a rebuild, Astro asks only for cards whose
 * cacheKey changed.
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
  let png: Uint8Array<ArrayBuffer>;
  if (import.meta.env.DEV) {
    // While writing, draw just the card asked for, from the current content.
    png = await renderOgImage(drawing(props.card, site), SITE_NAME);
  } else {
    images ??= drawAll(socialCards(await getGraph()), site);
    png = await (images.get(props.card.page) ?? renderOgImage(drawing(props.card, site), SITE_NAME, CACHE_DIR));
  }
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
