/** The title index of the published site, built once per content graph: for its route and every search box. */
import type { ContentGraph } from '../views/graph';
import { getGraph } from '../content/content';
import { entryPath, sitePath } from '../site/urls';
import { buildTitleIndex, titleIndexFile } from './title-index';

const files = new WeakMap<ContentGraph, ReturnType<typeof titleIndexFile>>();

/** The file, and its address: src/pages/search/titles-[hash].json.ts serves it (CACHE_RULES: `/search/titles-*.json`). */
export async function siteTitleIndex(): Promise<ReturnType<typeof titleIndexFile> & { url: string }> {
  const graph = await getGraph();
  let file = files.get(graph);
  if (!file) {
    file = titleIndexFile(buildTitleIndex(graph.all(), entryPath));
    files.set(graph, file);
  }
  return { ...file, url: sitePath(`search/${file.name}`) };
}
