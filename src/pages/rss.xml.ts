import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '@/consts';
import { getGraph } from '@/lib/content/content';
import { feedItems } from '@/lib/views/feed';
import { entryPath, sitePath } from '@/lib/site/urls';

export const GET: APIRoute = async ({ site }) => {
  const graph = await getGraph();
  const items = feedItems(graph);
  const self = new URL(sitePath('rss.xml'), site).href;
  return rss({
    title: `${SITE_NAME}: new and updated pages`,
    description: SITE_DESCRIPTION,
    site: new URL(sitePath(), site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      '<language>en</language>',
      `<atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
      ...(items[0] ? [`<lastBuildDate>${items[0].updated.toUTCString()}</lastBuildDate>`] : []),
    ].join(''),
    items: items.map((item) => {
      const link = new URL(entryPath(item.entry), site).href;
      return {
        title: item.entry.data.title,
        description: item.entry.data.description,
        link,
        pubDate: item.updated,
        categories: item.categories,
        // A new guid for each update, so feed readers show an updated page again.
        customData: `<guid isPermaLink="false">${link}#updated-${item.updated.toISOString().slice(0, 10)}</guid>`,
      };
    }),
  });
};
