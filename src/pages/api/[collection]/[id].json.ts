import type { APIRoute, GetStaticPaths } from 'astro';
import { apiUrls, jsonResponse } from '@/lib/views/api-urls';
import { frontmatterPageKey } from '@/integrations/build-speed/build-cache-keys';
import { getGraph } from '@/lib/content/content';
import { apiEntry } from '@/lib/views/content-api';
import type { AtlasEntry } from '@/lib/views/graph';

export const getStaticPaths = (async () => {
  const graph = await getGraph();
  return graph.all().map((entry) => ({
    params: { collection: entry.collection, id: entry.id },
    props: { entry },
    cacheKey: frontmatterPageKey(graph, `api/${entry.collection}/${entry.id}.json`),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: AtlasEntry }> = async ({ props, site }) => jsonResponse(apiEntry(await getGraph(), props.entry, apiUrls(site)));
