import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeColourClasses } from '../theme/code-colour-classes.ts';
import { codeThemes } from '../theme/code-themes.ts';
import { siteLinks } from '../site/site-links.ts';
import { articleMarkdown, type MarkdownSettings, portableMarkdown } from './markdown.ts';
import { ArticleError } from './render.ts';
import { articleSaver } from './render-pool.ts';
import { tempDir } from '../../../tests/support/temp-files.ts';

/** The settings as Astro resolves them from astro.config.mjs, with the transformer the codeColours integration adds. */
const resolved = (base: string): MarkdownSettings => {
  const { processor, shikiConfig } = articleMarkdown(base);
  return {
    processor,
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
    gfm: true,
    smartypants: true,
    shikiConfig: { ...shikiConfig, langs: [], langAlias: {}, theme: 'github-dark', transformers: [codeColourClasses(codeThemes).transformer] },
  } as unknown as MarkdownSettings;
};

const ARTICLE = `## Caching at the edge

Read [Redis](/skills/redis/) first.

\`\`\`python
cache.set("user:42", payload, ex=300)
\`\`\`

<Callout type="tip">Measure before you cache.</Callout>
`;

const savers: { done: () => void }[] = [];
afterAll(() => savers.forEach((saver) => saver.done()));

describe('article rendering on worker threads', () => {
  it('knows it can rebuild the project’s settings in a worker, and refuses settings with a plugin it does not know', () => {
    expect(portableMarkdown(resolved('/atlas/'), '/atlas/')).toBeDefined();
    const extra = resolved('/atlas/');
    (extra.processor as { options: { hastPlugins: unknown[] } }).options.hastPlugins.push({ name: 'someone-elses-plugin' });
    expect(portableMarkdown(extra, '/atlas/')).toBeUndefined();
    // A base path that adds the link plugin on one side only does not match either.
    expect(portableMarkdown(resolved('/atlas/'), '/')).toBeUndefined();
    expect(siteLinks('/')).toBeUndefined();
  });

  it('renders on workers exactly the HTML and headings this thread renders', async () => {
    const config = { markdown: resolved('/atlas/'), base: '/atlas/', cacheDir: pathToFileURL(`${tempDir('cache')}/`) };
    const [inThread, onWorkers] = await Promise.all([articleSaver(config, false), articleSaver(config, true)]);
    savers.push(inThread, onWorkers);
    const [a, b] = [tempDir('render'), tempDir('render')];
    const here = await inThread.save(ARTICLE, '/site/content/guides/caching.mdx', a);
    const there = await onWorkers.save(ARTICLE, '/site/content/guides/caching.mdx', b);
    const html = readFileSync(there.articleFile, 'utf8');
    expect(html).toBe(readFileSync(here.articleFile, 'utf8'));
    expect(there.headings).toEqual(here.headings);
    expect(there.articleFile.startsWith(b)).toBe(true);
    // What the workers rebuilt is really there: base-path links, code colour classes, the component.
    expect(html).toContain('href="/atlas/skills/redis/"');
    expect(html).toMatch(/<pre class="astro-code[^"]*"/);
    expect(html).not.toMatch(/style="[^"]*color/);
    expect(html).toContain('Measure before you cache.');
  });

  it('reports an article’s MDX error from a worker with its line, as on this thread', async () => {
    const saver = await articleSaver({ markdown: resolved('/'), base: '/', cacheDir: pathToFileURL(`${tempDir('cache')}/`) }, true);
    savers.push(saver);
    const error = await saver.save('# Title\n\nText\n\n<Callout>unclosed\n', '/site/content/guides/broken.mdx', tmpdir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArticleError);
    expect((error as ArticleError).line).toBeGreaterThanOrEqual(5);
  });
});
