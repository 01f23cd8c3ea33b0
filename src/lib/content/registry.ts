/**
 * content/sources.yaml and content/facts.yaml, read and checked once per process (in plain
 * Node: the schemas, the article renderer's workers and `npm run check` all use it). A mistake
 * in either file stops the build with its file, line, field and what is allowed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { siteConfig } from '../../../site.config.mjs';
import { type Fact, factsFileSchema, type RegisteredSource, sourcesFileSchema } from '../../schemas/registry.ts';
import { FrontmatterLines } from './frontmatter-lines.ts';
import { closest } from '../views/graph.ts';

/** The registry's files, at the top of the content folder. */
export const REGISTRY_FILES = ['sources.yaml', 'facts.yaml'];

export interface Registry {
  sources: ReadonlyMap<string, RegisteredSource>;
  facts: ReadonlyMap<string, Fact>;
}

/** A mistake in a registry file, with its line. */
export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

const shown = (file: string) => relative(process.cwd(), file);

function readYaml<T>(file: string, schema: z.ZodType<T>): T | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw new RegistryError(`${shown(file)}: not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = new FrontmatterLines(`---\n${text}\n---\n`);
  throw new RegistryError(
    result.error.issues
      .map((issue) => `${shown(file)}:${lines.lineOf(issue.path) - 1}: ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`)
      .join('\n'),
  );
}

const cache = new Map<string, { stamp: string; registry: Registry }>();
let activeDir: string = siteConfig.contentDir;

/** Makes `contentDir` the folder whose registry the schemas resolve ids against (`npm run check <folder>`). */
export function useRegistryOf(contentDir: string): void {
  activeDir = contentDir;
}

/** The registry of a content folder (default: the one being built or checked), read again when either file changes. */
export function loadRegistry(contentDir: string = activeDir): Registry {
  const dir = resolve(contentDir);
  const files = REGISTRY_FILES.map((name) => join(dir, name));
  // Called for every source id and fact a build resolves: one stat per file tells whether to read again.
  const stamp = files
    .map((file) => statSync(file, { throwIfNoEntry: false }))
    .map((stat) => (stat ? `${stat.mtimeMs}:${stat.size}` : '-'))
    .join('|');
  const known = cache.get(dir);
  if (known?.stamp === stamp) return known.registry;
  const sources = new Map(Object.entries(readYaml(files[0]!, sourcesFileSchema) ?? {}));
  const facts = new Map(Object.entries(readYaml(files[1]!, factsFileSchema) ?? {}));
  const problems = [...facts]
    .filter(([, fact]) => !sources.has(fact.source))
    .map(
      ([id, fact]) =>
        `${shown(files[1]!)}: ${id}.source: there is no source "${fact.source}" in ${shown(files[0]!)}${didYouMean(fact.source, sources.keys())}`,
    );
  if (problems.length > 0) throw new RegistryError(problems.join('\n'));
  const registry = { sources, facts };
  cache.set(dir, { stamp, registry });
  return registry;
}

/** " (did you mean "x"?)" for the known id nearest to `id`, if one is near. */
export function didYouMean(id: string, known: Iterable<string>): string {
  const best = closest(id, [...known]);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** Facts whose check is older than `months` on `today`, oldest first. */
export function staleFacts(registry: Registry, today: Date, months = 12): [string, Fact][] {
  const limit = new Date(today);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return [...registry.facts].filter(([, fact]) => fact.checked < limit).sort(([, a], [, b]) => a.checked.getTime() - b.checked.getTime());
}
