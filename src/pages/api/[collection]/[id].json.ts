import type { APIRoute, GetStaticPaths } from 'astro';
import { apiUrls, jsonResponse } from '@/lib/api-urls';
import { apiEntryKey } from '@/lib/build-cache-keys';
import { getGraph } from '@/lib/content';
import { apiEntry } from '@/lib/content-api';
import type { AtlasEntry } from '@/lib/graph';

export const getStaticPaths = (async () => {
  const graph = await getGraph();
  return graph
    .all()
    .map((entry) => ({ params: { collection: entry.collection, id: entry.id }, props: { entry }, cacheKey: apiEntryKey(graph, entry) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: AtlasEntry }> = async ({ props, site }) => jsonResponse(apiEntry(await getGraph(), props.entry, apiUrls(site)));
