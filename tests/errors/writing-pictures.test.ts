/**
 * Pictures in articles, through the real build: images beside an article come out of
 * Astro's image pipeline, ```mermaid fences come out as figures, a rebuild redraws only the
 * diagrams that changed, and every mistake a writer can make with them stops the build at
 * its line with what to write instead.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from '../support/dev-server';
import { buildContent, copyFixture, editFile, ROOT, type FixtureBuild } from '../support/fixture-build';

const PICTURES = join(ROOT, 'tests/fixtures/pictures');
const ARTICLE = 'guides/pictures-in-articles.mdx';

function withPictures(): string {
  const content = copyFixture();
  cpSync(PICTURES, content, { recursive: true });
  return content;
}

const pageOf = (build: FixtureBuild) => parse(readFileSync(join(build.distDir, 'guides/pictures-in-articles/index.html'), 'utf8'));
const drawings = (content: string) => join(content, '..', 'cache', 'diagrams');

describe('pictures in a built article', () => {
  let content: string;
  let build: FixtureBuild;
  beforeAll(() => {
    content = withPictures();
    build = buildContent(content);
  });

  it('serves a raster image beside the article as hashed WebP in several widths, sized, and eager as the first image', () => {
    expect(build.status, build.output).toBe(0);
    const img = pageOf(build).querySelector('.prose img[alt^="Three coloured boxes"]')!;
    expect(img.getAttribute('src')).toMatch(/^\/_astro\/three-tiers\.[\w-]+\.webp$/);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1400', '700']);
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    const candidates = img
      .getAttribute('srcset')!
      .split(', ')
      .map((candidate) => candidate.split(' '));
    // The file is 1,400 pixels wide: no candidate is wider than the file.
    expect(candidates.map(([, width]) => width)).toEqual(['480w', '800w', '1200w', '1400w']);
    for (const [url] of candidates) expect(existsSync(join(build.distDir, url!)), url).toBe(true);
    expect(img.getAttribute('sizes')).toBe('(min-width: 50rem) 44rem, 100vw');
  });

  it('serves an SVG beside the article as a hashed file, sized and lazy', () => {
    const img = pageOf(build).querySelector('.prose img[alt^="Three boxes for the browser cache"]')!;
    expect(img.getAttribute('src')).toMatch(/^\/_astro\/cache-layers\.[\w-]+\.svg$/);
    expect([img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading')]).toEqual(['600', '200', 'lazy']);
    expect(readFileSync(join(build.distDir, img.getAttribute('src')!), 'utf8')).toContain('<title>Three cache layers</title>');
  });

  it('turns both diagrams into captioned figures with an SVG and the same content as text', () => {
    const figures = pageOf(build).querySelectorAll('.prose figure.diagram');
    expect(figures.map((figure) => figure.querySelector('figcaption')!.text)).toEqual([
      'How a request reaches the database and comes back',
      'Signing in with an identity provider',
    ]);
    const [flow, sequence] = figures;
    expect(flow!.querySelector('svg')!.getAttribute('aria-label')).toBe('How a request reaches the database and comes back');
    expect(flow!.querySelectorAll('.diagram-text li').map((li) => li.text)).toEqual([
      'Browser → Load balancer: HTTPS',
      'Load balancer → App server',
      'App server → Redis: cache hit',
      'App server → PostgreSQL: cache miss',
    ]);
    expect(sequence!.querySelectorAll('.diagram-text li').map((li) => li.text)[5]).toBe('App → Identity provider: exchange the code for tokens');
    // The ids two diagrams on one page use are their own.
    const ids = pageOf(build)
      .querySelectorAll('[id]')
      .map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('redraws only the diagram that changed and shows a changed image, on a rebuild', async () => {
    const before = new Map(readdirSync(drawings(content)).map((name) => [name, statSync(join(drawings(content), name)).mtimeMs]));
    expect(before.size).toBe(2);
    const imageBefore = pageOf(build).querySelector('.prose img')!.getAttribute('src');
    editFile(content, ARTICLE, (text) => text.replace('participant I as Identity provider', 'participant I as Identity server'));
    // Another picture under the same name: the article's text does not change.
    const { default: sharp } = await import('sharp');
    await sharp({ create: { width: 900, height: 300, channels: 3, background: '#0b5cad' } })
      .png()
      .toFile(join(content, 'guides/three-tiers.png'));
    const rebuild = buildContent(content);
    expect(rebuild.status, rebuild.output).toBe(0);
    const after = readdirSync(drawings(content));
    expect(after).toHaveLength(3);
    for (const [name, mtime] of before) expect(statSync(join(drawings(content), name)).mtimeMs).toBe(mtime);
    const img = pageOf(rebuild).querySelector('.prose img')!;
    expect(img.getAttribute('src')).not.toBe(imageBefore);
    expect(img.getAttribute('width')).toBe('900');
    expect(existsSync(join(rebuild.distDir, img.getAttribute('src')!))).toBe(true);
    expect(
      pageOf(rebuild)
        .querySelectorAll('.diagram-text li')
        .some((li) => li.text.includes('Identity server')),
    ).toBe(true);
  });
});

describe('mistakes with pictures stop the build at their line', () => {
  it('names each broken article with its line and what to write instead, and publishes nothing', () => {
    const content = withPictures();
    const add = (name: string, body: string) =>
      writeFileSync(
        join(content, 'guides', `${name}.mdx`),
        `---\ntitle: ${name}\ndescription: A fixture article with one mistake a writer could make with a picture.\nupdated: 2026-12-07\nsection: overview\n---\n\n${body}`,
      );
    add('imports', 'Intro.\n\nimport Box from "../../src/components/Box.astro"\n\n<Box />\n');
    add('unknown-component', 'Intro.\n\n<Figure src="./three-tiers.png" />\n');
    add('missing-image', 'Intro.\n\n![The request path](./request-path.png)\n');
    add('no-alt', 'Intro.\n\n![](./three-tiers.png)\n');
    add('bad-diagram', 'Intro.\n\n```mermaid caption="Broken"\nflowchart TD\n  A --> B\n  B -->\n```\n');
    add('no-caption', 'Intro.\n\n```mermaid\nflowchart TD\n  A --> B\n```\n');
    const build = buildContent(content);
    expect(build.status).not.toBe(0);
    expect(build.distExists).toBe(false);
    expect(build.output).toContain(
      'guides/imports.mdx:10: "import Box from "../../src/components/Box.astro"": articles cannot import or export. Use the components every article already has (Callout, ComparisonTable, Fact, KeyTakeaways, RoleCard, SkillsTable), and for a picture write ![What the picture shows](./name.png) with the file beside the article.',
    );
    expect(build.output).toContain(
      'guides/unknown-component.mdx:10: <Figure> is not a component articles can use: the components articles can use are Callout,',
    );
    expect(build.output).toContain(
      'guides/missing-image.mdx:10: ![The request path](./request-path.png): there is no file ./request-path.png beside the article: check the name, and that the file is next to the .mdx file and committed.',
    );
    expect(build.output).toContain('guides/no-alt.mdx:10: ![](./three-tiers.png) has no alt text: describe what the image shows');
    expect(build.output).toMatch(/guides\/bad-diagram\.mdx:13: diagram: the diagram does not parse at "B -->": Expecting .+, got /);
    expect(build.output).toContain('guides/no-caption.mdx:10: diagram: a diagram needs a caption that says what it shows');
  });

  it('stops at a .md file in a collection folder instead of leaving the page out', () => {
    const content = withPictures();
    copyFileSync(join(content, ARTICLE), join(content, 'guides/notes.md'));
    const build = buildContent(content);
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(
      'guides/notes.md: articles are MDX files, so this file would not be published. Rename it to notes.mdx (Markdown is valid MDX; a bare < or { in the text needs escaping as \\< or \\{).',
    );
  });
});

describe('pictures in npm run dev', () => {
  it('shows a changed image and an edited diagram without a restart', async () => {
    const content = withPictures();
    const dev = await startDevServer(content);
    const firstImage = async () => {
      const html = parse(await (await fetch(dev.url('/guides/pictures-in-articles/'))).text());
      return { html, img: html.querySelector('.prose img')! };
    };
    try {
      const before = await firstImage();
      expect(before.img.getAttribute('width')).toBe('1400');
      const pixels = async (src: string) => Buffer.from(await (await fetch(dev.url(src))).arrayBuffer());
      const oldPixels = await pixels(before.img.getAttribute('src')!);
      const { default: sharp } = await import('sharp');
      await sharp({ create: { width: 900, height: 300, channels: 3, background: '#0b5cad' } })
        .png()
        .toFile(join(content, 'guides/three-tiers.png'));
      editFile(content, ARTICLE, (text) => text.replace('L --> A[App server]', 'L --> A[Application server]'));
      let after = await firstImage();
      for (
        let tries = 0;
        tries < 80 && after.html.querySelectorAll('.diagram-text li').every((li) => !li.text.includes('Application server'));
        tries++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        after = await firstImage();
      }
      expect(after.html.querySelectorAll('.diagram-text li').map((li) => li.text)).toContain('Load balancer → Application server');
      expect(after.img.getAttribute('width')).toBe('900');
      expect((await pixels(after.img.getAttribute('src')!)).equals(oldPixels)).toBe(false);
    } finally {
      await dev.stop();
    }
  });
});
