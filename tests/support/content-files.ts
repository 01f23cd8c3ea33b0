import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COLLECTION_NAMES } from '../../src/lib/content/collections';
import { factIdsIn } from '../../src/lib/article/facts';
import { loadRegistry } from '../../src/lib/content/registry';
import { ROOT } from './fixture-build';

export interface ContentFile {
  collection: string;
  id: string;
  /** Path relative to the project root. */
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** Reads every MDX file of a content folder as a writer wrote it (frontmatter + body). */
export function readContentFiles(contentDir = join(ROOT, 'content')): ContentFile[] {
  const files: ContentFile[] = [];
  for (const collection of [...COLLECTION_NAMES].sort()) {
    for (const name of readdirSync(join(contentDir, collection)).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const path = join(contentDir, collection, name);
      const source = readFileSync(path, 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
      files.push({
        collection,
        id: name.replace(/\.mdx$/, ''),
        file: path.slice(ROOT.length + 1),
        data: match ? (parse(match[1]!) as Record<string, unknown>) : {},
        body: match ? match[2]! : source,
      });
    }
  }
  return files;
}

/** The files that are published (not drafts). */
export const publishedContent = (contentDir?: string) => readContentFiles(contentDir).filter((f) => f.data['draft'] !== true);

/**
 * The addresses of the sources a page cites, as a reader sees them listed: the ids in its
 * frontmatter, resolved in content/sources.yaml, then the sources of the facts its text shows
 * (content/facts.yaml), each address once.
 */
export function citedSourceUrls(file: ContentFile, contentDir = join(ROOT, 'content')): string[] {
  const { sources, facts } = loadRegistry(contentDir);
  const urls = ((file.data['sources'] as (string | { url: string })[] | undefined) ?? []).map((source) =>
    typeof source === 'string' ? sources.get(source)!.url : source.url,
  );
  for (const id of factIdsIn(file.body)) {
    const url = sources.get(facts.get(id)!.source)!.url;
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}
