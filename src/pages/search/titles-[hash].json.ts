import type { APIRoute, GetStaticPaths } from 'astro';
import { frontmatterPageKey } from '@/integrations/build-speed/build-cache-keys';
import { getGraph } from '@/lib/content/content';
import { siteTitleIndex } from '@/lib/search/title-index-file';

/** The header popup's search index (src/lib/search/title-index.ts), named by a hash of its content. */
export const getStaticPaths = (async () => {
  const { hash, json } = await siteTitleIndex();
  return [{ params: { hash }, props: { json }, cacheKey: frontmatterPageKey(await getGraph(), 'search/titles.json') }];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ json: string }> = ({ props }) => new Response(props.json, { headers: { 'Content-Type': 'application/json' } });
