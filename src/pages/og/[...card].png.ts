import type { APIRoute, GetStaticPaths } from 'astro';
import { cardKey } from '@/lib/build-cache-keys';
import { join } from 'node:path';
import { siteConfig } from '../../../site.config.mjs';
import { SITE_NAME } from '@/consts';
import { getGraph } from '@/lib/content';
import { renderOgImage } from '@/lib/og-image';
import { type SocialCard, socialCards, socialImagePath } from '@/lib/social-cards';
import { sitePath } from '@/lib/urls';

export const getStaticPaths = (async () => {
  const graph = await getGraph();
  return socialCards(graph).map((card) => ({
    params: { card: socialImagePath(card.page).replace(/^og\//, '').replace(/\.png$/, '') },
    props: { card },
    cacheKey: cardKey(card),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props, site }) => {
  const page = new URL(sitePath(props.card.page), site);
  const png = await renderOgImage(
    { title: props.card.title, kicker: props.card.kicker, address: `${page.host}${page.pathname}` },
    SITE_NAME,
    join(siteConfig.cacheDir, 'og-images'),
  );
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
