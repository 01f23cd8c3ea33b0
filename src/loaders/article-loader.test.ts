import type { LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BROKEN_ENTRY_FIELD, contentErrors } from '../lib/content/content-errors.ts';
import { articleMarkdown } from '../lib/article/markdown.ts';
import { articleLoader, fileNameProblems, readFrontmatter } from './article-loader.ts';

/** Markdown settings as Astro hands them to a loader: the site's, with Astro's defaults filled in. */
function markdownSettings() {
  const { processor, shikiConfig } = articleMarkdown('/');
  return {
    processor,
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
    gfm: true,
    smartypants: true,
    shikiConfig: { ...shikiConfig, langs: [], langAlias: {}, transformers: [] },
  };
}

const schema = z.strictObject({
  title: z.string({ error: 'is required: the page title' }),
  order: z.number({ error: 'must be a whole number' }).optional(),
  updated: z.string().optional(),
});

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project folder with `content/skills/` holding `files`. */
function project(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'atlas-loader-'));
  folders.push(root);
  const folder = join(root, 'content/skills');
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return { root, folder };
}

type Entry = { id: string; data: Record<string, unknown>; digest?: string | number; filePath?: string; rendered?: unknown };

/** The parts of Astro's loader context the loader uses, as the Content Loader API documents them. */
function context(root: string, parse = (data: Record<string, unknown>) => schema.parse(data)) {
  const entries = new Map<string, Entry>();
  const meta = new Map<string, string>();
  const logged: string[] = [];
  const parsed: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    has: (id: string) => entries.has(id),
  };
  const value = {
    collection: 'skills',
    store,
    meta: { get: (key: string) => meta.get(key), set: (key: string, v: string) => void meta.set(key, v) },
    logger: { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) },
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(join(root, '.cache/')), markdown: markdownSettings(), base: '/' },
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id);
      return parse(data);
    },
  } as unknown as LoaderContext;
  return { context: value, entries, logged, parsed };
}

const article = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nSome text about ${title}.\n`;

describe('readFrontmatter', () => {
  it('reads the YAML and the body as Astro does', () => {
    expect(readFrontmatter('---\ntitle: Redis\norder: 2\n---\n\n## Hello\n', 'x.mdx')).toEqual({
      data: { title: 'Redis', order: 2 },
      body: '## Hello',
    });
  });

  it('names the file, the line of the bad YAML and what is wrong', () => {
    expect(() => readFrontmatter('---\ntitle: Redis\ncategory: databases: sql\n---\n', '/p/content/skills/redis.mdx')).toThrow(
      /redis\.mdx:3: the frontmatter is not valid YAML: bad indentation of a mapping entry/,
    );
  });
});

describe('fileNameProblems', () => {
  it('refuses names that are not slugs, two names for one slug and Markdown files', () => {
    const messages = fileNameProblems('/p/content/skills', ['redis.mdx', 'Redis.mdx', 'My Cache.mdx', 'notes.md', 'image.png']).map(
      (problem) => problem.error.message,
    );
    expect(messages).toHaveLength(4);
    expect(messages.join('\n')).toContain('Two files claim the URL slug "redis"');
    expect(messages.join('\n')).toContain('Rename it to my-cache.mdx.');
    expect(messages.join('\n')).toContain('notes.md: articles are MDX files');
  });
});

describe('articleLoader', () => {
  it('stores each article with its parsed data, digest, path and rendered headings', async () => {
    const { root, folder } = project({ 'redis.mdx': `---\ntitle: Redis\n---\n\n## Data types\n\nStrings.\n` });
    const { context: ctx, entries } = context(root);
    await articleLoader({ folder, schema }).load(ctx);
    const entry = entries.get('redis')!;
    expect(entry.data).toEqual({ title: 'Redis' });
    expect(entry.filePath).toBe(relative(root, join(folder, 'redis.mdx')));
    expect(entry.digest).toBeTruthy();
    expect((entry.rendered as { metadata: { headings: { text: string }[] } }).metadata.headings.map((h) => h.text)).toEqual(['Data types']);
  });

  it('does not parse or render an unchanged file again, and removes the entry of a deleted file', async () => {
    const { root, folder } = project({ 'redis.mdx': article('Redis'), 'kafka.mdx': article('Kafka') });
    const { context: ctx, entries, parsed } = context(root);
    const loader = articleLoader({ folder, schema });
    await loader.load(ctx);
    expect(parsed.sort()).toEqual(['kafka', 'redis']);
    writeFileSync(join(folder, 'kafka.mdx'), article('Apache Kafka'));
    rmSync(join(folder, 'redis.mdx'));
    await loader.load(ctx);
    expect(parsed.sort()).toEqual(['kafka', 'kafka', 'redis']);
    expect([...entries.keys()]).toEqual(['kafka']);
    expect(entries.get('kafka')!.data.title).toBe('Apache Kafka');
  });

  it('stops a build at the line of the field that fails the schema', async () => {
    const { root, folder } = project({ 'redis.mdx': article('Redis', 'order: first\n') });
    const { context: ctx } = context(root);
    const error = await articleLoader({ folder, schema })
      .load(ctx)
      .catch((e: unknown) => e as Error & { loc?: { line: number } });
    expect(error).toBeInstanceOf(Error);
    expect(error!.loc?.line).toBe(3);
  });

  it('reports an impossible date with its line, before the schema sees it', async () => {
    const { root, folder } = project({ 'redis.mdx': article('Redis', 'updated: 2026-13-45\n') });
    const { context: ctx, parsed } = context(root);
    await expect(articleLoader({ folder, schema }).load(ctx)).rejects.toThrow(/redis\.mdx:3: field "updated": "2026-13-45" is not a real date/);
    expect(parsed).toEqual([]);
  });

  it('names every bad file of a build at once', async () => {
    const { root, folder } = project({ 'redis.mdx': article('Redis', 'updated: 2026-13-45\n'), 'My Kafka.mdx': article('Kafka') });
    const { context: ctx } = context(root);
    const error = (await articleLoader({ folder, schema })
      .load(ctx)
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Rename it to my-kafka.mdx.');
    expect(error.message).toContain('"2026-13-45" is not a real date');
  });

  it('in dev, keeps the server going: records a broken file, and follows the fix', async () => {
    const { root, folder } = project({ 'redis.mdx': article('Redis', 'order: first\n') });
    const { context: ctx, entries, logged } = context(root);
    const watcher = Object.assign(new EventEmitter(), { add: () => {} });
    const file = join(folder, 'redis.mdx');
    await articleLoader({ folder, schema }).load({ ...ctx, watcher } as unknown as LoaderContext);
    expect(entries.get('redis')!.data[BROKEN_ENTRY_FIELD]).toBeTruthy();
    expect(contentErrors().some((error) => (error as Error & { loc?: { file: string } }).loc?.file === file)).toBe(true);

    writeFileSync(file, article('Redis', 'order: 2\n'));
    watcher.emit('change', file);
    await vi.waitFor(() => expect(logged).toContain('Reloaded skills/redis.mdx'));
    expect(entries.get('redis')!.data).toEqual({ title: 'Redis', order: 2 });
    expect(contentErrors().some((error) => (error as Error & { loc?: { file: string } }).loc?.file === file)).toBe(false);
  });
});
