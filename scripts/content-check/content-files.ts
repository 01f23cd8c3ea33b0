/**
 * Reads a content folder the way the build does: one folder per collection,
 * one .mdx file per entry, YAML frontmatter parsed by js-yaml (Astro's parser,
 * so values and syntax errors match the build), and FrontmatterLines so every
 * problem can name the line it is on.
 */
import { load as loadYaml, YAMLException } from 'js-yaml';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { IMAGE_EXTENSIONS } from '../../src/lib/article/writer-checks.ts';
import { REGISTRY_FILES } from '../../src/lib/content/registry.ts';
import { FrontmatterLines, frontmatterText } from '../../src/lib/content/frontmatter-lines.ts';

export interface ContentFile {
  /** Name of the folder the file is in, e.g. "skills". */
  folder: string;
  /** File name without .mdx, as written (may be an invalid slug). */
  name: string;
  /** Absolute path. */
  path: string;
  /** Path as shown in messages: relative to the working directory. */
  shown: string;
  source: string;
  /** The frontmatter's fields as the build sees them; undefined when it is missing or does not parse. */
  data: Record<string, unknown> | undefined;
  /** Why the frontmatter could not be read, with the file line. */
  frontmatterError: { line: number; message: string; fix: string } | undefined;
  /** Line of a frontmatter field (by path, e.g. ["skills", 0, "skill"]), or of its nearest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Line of a key in the top-level frontmatter mapping, e.g. a misspelt field name. */
  lineOfKey(key: string): number;
}

export interface ContentFolder {
  files: ContentFile[];
  /** Folders in content/ that hold no collection, and files the build ignores. */
  strays: { shown: string; kind: 'folder' | 'file' }[];
}

function readFile(folder: string, name: string, path: string): ContentFile {
  const source = readFileSync(path, 'utf8');
  const shown = relative(process.cwd(), path) || path;
  const yamlText = frontmatterText(source);
  let data: Record<string, unknown> | undefined;
  let frontmatterError: ContentFile['frontmatterError'];

  if (yamlText === undefined) {
    frontmatterError = {
      line: 1,
      message: 'the file has no frontmatter',
      fix: 'start it with a line of ---, the fields, and another line of ---; `npm run new` writes one for you',
    };
  } else {
    try {
      const loaded = loadYaml(yamlText, { filename: shown });
      if (loaded === null || loaded === undefined) data = {};
      else if (typeof loaded === 'object' && !Array.isArray(loaded)) data = loaded as Record<string, unknown>;
      else
        frontmatterError = {
          line: 2,
          message: 'the frontmatter is not a list of "field: value" lines',
          fix: 'write one field per line, e.g. title: Redis',
        };
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      frontmatterError = {
        line: (error.mark?.line ?? 0) + 2,
        message: `the frontmatter is not valid YAML: ${error.reason}`,
        fix: 'check the indentation, and put quotes around a value that contains a colon followed by a space',
      };
    }
  }

  const lines = new FrontmatterLines(source);

  return {
    folder,
    name,
    path,
    shown,
    source,
    data,
    frontmatterError,
    lineOf: (path) => lines.lineOf(path),
    lineOfKey: (key) => lines.lineOfKey(key),
  };
}

/** Every MDX file under `contentDir`, collection folder by collection folder, in a stable order. */
export function readContentFolder(contentDir: string, collections: readonly string[]): ContentFolder {
  const result: ContentFolder = { files: [], strays: [] };
  for (const folder of readdirSync(contentDir).sort()) {
    const folderPath = join(contentDir, folder);
    if (!statSync(folderPath).isDirectory()) {
      // The shared data: every cited source and every fact that goes stale (src/lib/content/registry.ts).
      if (REGISTRY_FILES.includes(folder)) continue;
      if (!folder.startsWith('.')) result.strays.push({ shown: relative(process.cwd(), folderPath), kind: 'file' });
      continue;
    }
    if (!collections.includes(folder)) {
      result.strays.push({ shown: relative(process.cwd(), folderPath), kind: 'folder' });
      continue;
    }
    for (const entry of readdirSync(folderPath).sort()) {
      const path = join(folderPath, entry);
      if (entry.startsWith('.')) continue;
      if (entry.endsWith('.mdx') && statSync(path).isFile()) result.files.push(readFile(folder, entry.slice(0, -4), path));
      // Images live beside the articles that show them.
      else if (IMAGE_EXTENSIONS.includes(extname(entry).toLowerCase()) && statSync(path).isFile()) continue;
      else result.strays.push({ shown: relative(process.cwd(), path), kind: statSync(path).isDirectory() ? 'folder' : 'file' });
    }
  }
  return result;
}
