import type { APIRoute, GetStaticPaths } from 'astro';
import { apiUrls, jsonResponse } from '@/lib/views/api-urls';
import { frontmatterPageKey } from '@/integrations/build-speed/build-cache-keys';
import { COLLECTION_NAMES, type CollectionName } from '@/lib/content/collections';
import { getGraph } from '@/lib/content/content';
import { apiCollection } from '@/lib/views/content-api';

export const getStaticPaths = (async () => {
  const graph = await getGraph();
  return COLLECTION_NAMES.map((collection) => ({
    params: { collection },
    props: { collection },
    cacheKey: frontmatterPageKey(graph, `api/${collection}.json`),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ collection: CollectionName }> = async ({ props, site }) =>
  jsonResponse(apiCollection(await getGraph(), props.collection, apiUrls(site)));
