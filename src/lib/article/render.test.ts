import { describe, expect, it } from 'vitest';
import { codeColourClasses } from '../theme/code-colour-classes.ts';
import { articleMarkdown } from './markdown.ts';
import { createArticleRenderer } from './render.ts';

describe('the article renderer', () => {
  // Astro hashes config.markdown to decide whether its build cache is still valid. Shiki normalises
  // the theme objects it is given in place; if the renderer let it touch the settings' own themes,
  // a build that rendered an article on the main thread would hash differently from one that
  // rendered none, and every page would be rebuilt.
  it('leaves the Markdown settings it is given exactly as they were', async () => {
    const { processor, shikiConfig } = articleMarkdown('/');
    const markdown = {
      processor,
      syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
      gfm: true,
      smartypants: true,
      shikiConfig: { ...shikiConfig, langs: [], langAlias: {}, transformers: [codeColourClasses(shikiConfig.themes).transformer] },
    };
    const before = JSON.stringify(markdown);
    const render = await createArticleRenderer({ markdown: markdown as never, base: '/' });
    await render('```ts\nconst ttl = 300;\n```\n', '/site/content/guides/caching.mdx');
    expect(JSON.stringify(markdown)).toBe(before);
  });
});
