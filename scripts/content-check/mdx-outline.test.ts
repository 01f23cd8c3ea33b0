import { describe, expect, it } from 'vitest';
import { MdxSyntaxError, outlineMdx } from './mdx-outline.ts';

const page = (body: string) => `---\ntitle: A page\n---\n\n${body}`;

describe('outlineMdx', () => {
  it('gives headings the ids Astro gives them: github-slugger over the text, duplicates numbered', () => {
    const { headings } = outlineMdx(page('## What "full-stack" means\n\n## Caching\n\n### Caching\n\n## C# and .NET'));
    expect(headings.map((h) => [h.depth, h.slug, h.line])).toEqual([
      [2, 'what-full-stack-means', 5],
      [2, 'caching', 7],
      [3, 'caching-1', 9],
      [2, 'c-and-net', 11],
    ]);
  });

  it('finds links in Markdown, in JSX attributes and inside component props', () => {
    const { links } = outlineMdx(
      page(
        'See [SQL](/skills/sql/).\n\n<RoleCard title="SRE" href="/roles/site-reliability-engineer/" />\n\n<SkillsTable skills={[{ name: "Go", href: \'/skills/go/\' }]} />',
      ),
    );
    expect(links).toEqual([
      { href: '/skills/sql/', line: 5 },
      { href: '/roles/site-reliability-engineer/', line: 7 },
      { href: '/skills/go/', line: 9 },
    ]);
  });

  it('leaves code out of the prose and the links', () => {
    const { blocks, links, components } = outlineMdx(
      page('Prose with `50%` inline code.\n\n```ts\nconst a = <OrderDto>x; // [x](/nowhere/) 17%\n```'),
    );
    expect(blocks.map((b) => b.text)).toEqual(['Prose with inline code.']);
    expect(links).toEqual([]);
    expect(components).toEqual([]);
  });

  it('reads images from Markdown and JSX, telling a missing alt from an empty one', () => {
    const { images } = outlineMdx(page('![](/a.png)\n\n![A chart](/b.png)\n\n<img src="/c.png" />\n\n<img src="/d.png" alt="" />'));
    expect(images).toEqual([
      { src: '/a.png', alt: '', line: 5, jsx: false },
      { src: '/b.png', alt: 'A chart', line: 7, jsx: false },
      { src: '/c.png', alt: undefined, line: 9, jsx: true },
      { src: '/d.png', alt: '', line: 11, jsx: true },
    ]);
  });

  it('reports MDX that does not parse with the line of the whole file', () => {
    expect(() => outlineMdx(page('Text.\n\n<Callout type="tip">\n\nNever closed.'))).toThrow(MdxSyntaxError);
    try {
      outlineMdx(page('Text.\n\n<Callout type="tip">\n\nNever closed.'));
    } catch (error) {
      expect((error as MdxSyntaxError).line).toBe(7);
      expect((error as MdxSyntaxError).message).toBe('Expected a closing tag for `<Callout>`');
    }
  });
});
