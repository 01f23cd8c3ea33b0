import type { APIRoute, GetStaticPaths } from 'astro';
import { apiUrls, jsonResponse } from '@/lib/api-urls';
import { frontmatterPageKey } from '@/lib/build-cache-keys';
import { COLLECTION_NAMES, type CollectionName } from '@/lib/collections';
import { getGraph } from '@/lib/content';
import { apiCollection } from '@/lib/content-api';

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
