/**
 * Sätteri (mdast) plugins that stop an article at the first thing that would otherwise
 * publish broken or go missing without a word, each with the line and what to write instead:
 * import/export lines, components that do not exist, images that would not go through
 * Astro's image pipeline, and diagram fences (```mermaid), which are drawn here
 * (diagram.ts) and put back as a component the renderer fills in.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginInstance } from 'satteri';
import { didYouMean, loadRegistry } from '../content/registry.ts';
import { cachedDiagram, DiagramError, diagramOptions, type DrawnDiagram } from './diagram.ts';
import { LineError } from './line-error.ts';

/** Image files an article can show, by extension. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.avif', '.svg'];

/** The component a ```mermaid fence becomes; articles cannot write it themselves (it has no position). */
export const DIAGRAM_COMPONENT = 'AtlasDiagram';

/** Where the renderer keeps what the diagram plugin drew, by the index the component carries. */
export interface DiagramData {
  diagrams: (DrawnDiagram & { caption: string })[];
}

/** A problem in an article at a line of its body (the renderer adds the frontmatter's lines). */
export class WriterError extends LineError {}

type Positioned = { position?: { start: { line: number } } | undefined };
const lineOf = (node: Positioned) => node.position?.start.line;

/** How to show a picture, as the messages put it. */
export const IMAGE_EXAMPLE = '![What the picture shows](./name.png) with the file beside the article';

/** What is wrong with an image a writer wrote, and what to do instead. */
export interface ImageProblem {
  problem: string;
  fix: string;
}

/** Why an image written as `![alt](url)` cannot be used, or undefined when it can. `articleFile` is the article's path. */
export function imageProblem(url: string, alt: string, articleFile: string | undefined): ImageProblem | undefined {
  const written = `![${alt}](${url})`;
  const beside = 'save the file beside the article and write ![What the picture shows](./name.png)';
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
    return { problem: `${written} loads an image from elsewhere, and the site serves only its own images`, fix: `if its licence allows, ${beside}` };
  }
  if (url.startsWith('/')) return { problem: `${written} points into public/, where images are not optimised`, fix: beside };
  const path = decodeURI(url.split(/[?#]/)[0]!);
  const extension = extname(path).toLowerCase();
  if (!IMAGE_EXTENSIONS.includes(extension)) {
    return {
      problem: `${written}: "${extension || 'no extension'}" is not an image type articles can show`,
      fix: `use one of ${IMAGE_EXTENSIONS.join(', ')}`,
    };
  }
  if (articleFile && !existsSync(resolve(dirname(articleFile), path))) {
    return {
      problem: `${written}: there is no file ${path} beside the article`,
      fix: 'check the name, and that the file is next to the .mdx file and committed',
    };
  }
  if (!alt.trim()) {
    return {
      problem: `${written} has no alt text`,
      fix: `describe what the image shows for readers who cannot see it, e.g. ![Requests flowing from the load balancer to two app servers](${url})`,
    };
  }
  return undefined;
}

/**
 * Checks what a writer typed. `components` are the names articles can use without importing them.
 */
export function writerChecks(components: readonly string[]): MdastPluginInstance & { name: string } {
  const known = components.filter((name) => /^[A-Z]/.test(name));
  const componentHelp = `the components articles can use are ${known.join(', ')} (src/components/mdx/index.ts), written without an import`;
  const jsx = (node: { name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[] } & Positioned) => {
    const name = node.name ?? '';
    // The diagram component is put in by the diagram plugin, which gives it no position.
    if (!node.position) return;
    if (name === 'img') {
      throw new WriterError(
        `<img> in an article skips the image pipeline (no modern format, no size, no lazy loading). Write ${IMAGE_EXAMPLE}.`,
        lineOf(node),
      );
    }
    if (/^[A-Z]/.test(name) && !known.includes(name)) {
      throw new WriterError(`<${name}> is not a component articles can use: ${componentHelp}.`, lineOf(node));
    }
    if (name === 'Fact') {
      const id = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
      const { facts } = loadRegistry();
      if (typeof id !== 'string')
        throw new WriterError('<Fact> needs the id of a fact in content/facts.yaml, written in quotes: <Fact id="…" />.', lineOf(node));
      if (!facts.has(id)) {
        throw new WriterError(
          `<Fact id="${id}">: there is no fact "${id}" in content/facts.yaml${didYouMean(id, facts.keys())}; add it there (value, label, source, checked) or use an id it has.`,
          lineOf(node),
        );
      }
    }
  };
  return {
    name: 'backend-atlas:writer-checks',
    options: { position: true },
    mdxjsEsm(node) {
      const first = (node.value ?? '').split('\n')[0]!.trim();
      throw new WriterError(
        `"${first}": articles cannot import or export. Use the components every article already has (${known.join(', ')}), and for a picture write ${IMAGE_EXAMPLE}.`,
        lineOf(node),
      );
    },
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
    image(node, ctx) {
      const found = imageProblem(node.url ?? '', node.alt ?? '', ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined);
      if (found) throw new WriterError(`${found.problem}: ${found.fix}.`, lineOf(node));
    },
    imageReference(node) {
      throw new WriterError(
        `![${node.alt ?? ''}][${node.identifier}]: write images inline, as ${IMAGE_EXAMPLE}, so they go through the image pipeline.`,
        lineOf(node),
      );
    },
  };
}

/**
 * Draws each ```mermaid fence (diagram.ts) and puts a DIAGRAM_COMPONENT in its place; what was
 * drawn goes in `ctx.data.diagrams`. `cacheDir` keeps drawings between builds.
 */
export function mermaidDiagrams(cacheDir: string | undefined): MdastPluginInstance & { name: string } {
  return {
    name: 'backend-atlas:mermaid-diagrams',
    options: { position: true },
    async code(node, ctx) {
      if (node.lang !== 'mermaid') return;
      const fence = lineOf(node) ?? 0;
      try {
        const { caption } = diagramOptions(node.meta);
        const drawn = await cachedDiagram(node.value, caption, cacheDir);
        const data = ctx.data as unknown as Partial<DiagramData>;
        data.diagrams ??= [];
        data.diagrams.push({ ...drawn, caption });
        ctx.replaceNode(node, {
          type: 'mdxJsxFlowElement',
          name: DIAGRAM_COMPONENT,
          attributes: [{ type: 'mdxJsxAttribute', name: 'index', value: String(data.diagrams.length - 1) }],
          children: [],
        } as never);
      } catch (error) {
        if (error instanceof DiagramError) {
          // The fence is the diagram's line 0; its first line of Mermaid is the fence's next line.
          throw new WriterError(`diagram: ${error.message}`, error.line === undefined ? fence : fence + error.line);
        }
        throw error;
      }
    },
  };
}
