import type { APIRoute, GetStaticPaths } from 'astro';
import { apiUrls, jsonResponse } from '@/lib/api-urls';
import { frontmatterPageKey } from '@/lib/build-cache-keys';
import { getGraph } from '@/lib/content';
import { apiEntry } from '@/lib/content-api';
import type { AtlasEntry } from '@/lib/graph';

export const getStaticPaths = (async () => {
  const graph = await getGraph();
  return graph.all().map((entry) => ({
    params: { collection: entry.collection, id: entry.id },
    props: { entry },
    cacheKey: frontmatterPageKey(graph, `api/${entry.collection}/${entry.id}.json`),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: AtlasEntry }> = async ({ props, site }) => jsonResponse(apiEntry(await getGraph(), props.entry, apiUrls(site)));
