import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeFileIn } from '../../../tests/support/temp-files.ts';
import { articleMarkdown } from './markdown.ts';
import { type ArticleError, createArticleRenderer } from './render.ts';

const renderer = createArticleRenderer({ markdown: articleMarkdown('/') as never, base: '/' });

/** Renders `body` as content/guides/a.mdx in a folder that also holds `files`; returns the HTML or the error. */
async function renderBeside(body: string, files: string[] = []) {
  const dir = tempDir('writer');
  for (const file of files) writeFileIn(join(dir, file), 'x');
  const render = await renderer;
  return render(body, join(dir, 'a.mdx')).catch((error: unknown) => error as ArticleError);
}

describe('what a writer types that would break or vanish', () => {
  it('refuses import and export lines, saying what to use instead', async () => {
    expect(await renderBeside('Intro.\n\nimport Box from "../../src/components/Box.astro"\n\n<Box />\n')).toMatchObject({
      name: 'ArticleError',
      line: 3,
      message:
        '"import Box from "../../src/components/Box.astro"": articles cannot import or export. Use the components every article already has (Callout, ComparisonTable, Fact, KeyTakeaways, RoleCard, SkillsTable), and for a picture write ![What the picture shows](./name.png) with the file beside the article.',
    });
    expect(await renderBeside('export const ttl = 300;\n')).toMatchObject({
      line: 1,
      message: expect.stringContaining('articles cannot import or export'),
    });
  });

  it('refuses a capitalised tag that is no component, inline too', async () => {
    expect(await renderBeside('A <Badge>new</Badge> word.\n')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/^<Badge> is not a component articles can use: the components articles can use are Callout, /),
    });
  });

  it('refuses a raw <img>, which would skip the image pipeline', async () => {
    expect(await renderBeside('Text.\n\n<img src="./a.png" alt="A chart" />\n', ['a.png'])).toMatchObject({
      line: 3,
      message:
        '<img> in an article skips the image pipeline (no modern format, no size, no lazy loading). Write ![What the picture shows](./name.png) with the file beside the article.',
    });
  });

  it('names a missing image file, a missing alt text, an image from public/ or elsewhere, and an unknown type', async () => {
    expect(await renderBeside('# T\n\n![A chart](./chart.png)\n')).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^!\[A chart\]\(\.\/chart\.png\): there is no file \.\/chart\.png beside the article/),
    });
    expect(await renderBeside('![](./chart.png)\n', ['chart.png'])).toMatchObject({
      line: 1,
      message: expect.stringContaining('![](./chart.png) has no alt text: describe what the image shows for readers who cannot see it'),
    });
    expect(await renderBeside('![A chart](/images/chart.svg)\n')).toMatchObject({
      message:
        '![A chart](/images/chart.svg) points into public/, where images are not optimised: save the file beside the article and write ![What the picture shows](./name.png).',
    });
    expect(await renderBeside('![A chart](https://example.com/chart.png)\n')).toMatchObject({
      message: expect.stringContaining(
        'loads an image from elsewhere, and the site serves only its own images: if its licence allows, save the file',
      ),
    });
    expect(await renderBeside('![A chart](./chart.gif)\n', ['chart.gif'])).toMatchObject({
      message: '![A chart](./chart.gif): ".gif" is not an image type articles can show: use one of .png, .jpg, .jpeg, .webp, .avif, .svg.',
    });
    expect(await renderBeside('![A chart][chart]\n\n[chart]: ./chart.png\n', ['chart.png'])).toMatchObject({
      message: expect.stringContaining('write images inline'),
    });
  });

  it('marks an image beside the article for Astro’s pipeline: the first loads at once, raster images get widths', async () => {
    const result = await renderBeside('![First](./a.png)\n\n![Second](./b%20c.svg)\n', ['a.png', 'b c.svg']);
    if (!('html' in result)) throw result;
    expect(result.metadata.imagePaths).toEqual(['./a.png', './b c.svg']);
    const marks = [...result.html.matchAll(/__ASTRO_IMAGE_="([^"]+)"/g)].map(
      (match) => JSON.parse(match[1]!.replaceAll('&quot;', '"')) as Record<string, unknown>,
    );
    expect(marks[0]).toMatchObject({ src: './a.png', alt: 'First', priority: true, widths: [480, 800, 1200, 1600] });
    expect(marks[1]).toMatchObject({ src: './b c.svg', alt: 'Second' });
    expect(marks[1]).not.toHaveProperty('priority');
    expect(marks[1]).not.toHaveProperty('widths');
  });

  it('turns a ```mermaid fence into a captioned figure with the SVG and its text alternative', async () => {
    const result = await renderBeside('Intro.\n\n```mermaid caption="Cache then database"\nflowchart LR\n  A[App] --> R[(Redis)]\n```\n\nAfter.\n');
    if (!('html' in result)) throw result;
    expect(result.html).toMatch(
      /^<p>Intro\.<\/p>\n?<figure class="diagram" data-diagram="flowchart"><figcaption id="diagram-1-caption">Cache then database<\/figcaption><div class="diagram-scroll" tabindex="0" role="group" aria-labelledby="diagram-1-caption" data-pagefind-ignore><svg class="diagram-svg" role="img" aria-label="Cache then database"/,
    );
    expect(result.html).toContain(
      '</svg></div><details class="diagram-text"><summary>The diagram as text <span class="diagram-summary">(1 connection between 2 parts)</span></summary><ul><li><strong>App</strong> → <strong>Redis</strong></li></ul></details></figure>',
    );
    expect(result.html).toContain('<p>After.</p>');
  });

  it('reports a diagram mistake at its line in the article', async () => {
    const body = 'Intro.\n\n```mermaid caption="Broken"\nflowchart LR\n  A --> B\n  B -->\n```\n';
    expect(await renderBeside(body)).toMatchObject({ line: 6, message: expect.stringMatching(/^diagram: the diagram does not parse at "B -->": /) });
    expect(await renderBeside('Intro.\n\n```mermaid\nflowchart LR\n  A --> B\n```\n')).toMatchObject({
      line: 3,
      message: expect.stringContaining('diagram: a diagram needs a caption that says what it shows'),
    });
  });
});
