import type { APIRoute, GetStaticPaths } from 'astro';
import { join } from 'node:path';
import { siteConfig } from '../../../site.config.mjs';
import { SITE_NAME } from '@/consts';
import { getGraph } from '@/lib/content';
import { renderOgImage } from '@/lib/og-image';
import { OgImagePool } from '@/lib/og-image-pool';
import { type SocialCard, socialCards, socialImagePath } from '@/lib/social-cards';
import { sitePath } from '@/lib/urls';

export const getStaticPaths = (async () => {
  const graph = await getGraph();
  return socialCards(graph).map((card) => ({
    params: { card: socialImagePath(card.page).replace(/^og\//, '').replace(/\.png$/, '') },
    props: { card },
  }));
}) satisfies GetStaticPaths;

let images: Map<string, Promise<Uint8Array<ArrayBuffer>>> | undefined;

/**
 * Astro asks for one image at a time; the first request starts every card of the
 * site on a pool of worker threads, so the rest are drawn in parallel and each
 * later request only waits for its own.
 */
function drawAll(cards: SocialCard[], site: URL | undefined): Map<string, Promise<Uint8Array<ArrayBuffer>>> {
  const pool = new OgImagePool();
  const cacheDir = join(siteConfig.cacheDir, 'og-images');
  const drawn = new Map(
    cards.map((card) => {
      const page = new URL(sitePath(card.page), site);
      return [card.page, pool.render({ title: card.title, kicker: card.kicker, address: `${page.host}${page.pathname}` }, SITE_NAME, cacheDir)] as const;
    }),
  );
  void Promise.allSettled(drawn.values()).then(() => pool.close());
  return drawn;
}

export const GET: APIRoute<{ card: SocialCard }> = async ({ props, site }) => {
  let png: Uint8Array<ArrayBuffer>;
  if (import.meta.env.DEV) {
    // While writing, draw just the card asked for, from the current content.
    const page = new URL(sitePath(props.card.page), site);
    png = await renderOgImage({ title: props.card.title, kicker: props.card.kicker, address: `${page.host}${page.pathname}` }, SITE_NAME);
  } else {
    images ??= drawAll(socialCards(await getGraph()), site);
    png = await images.get(props.card.page)!;
  }
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
