/**
 * Articles to HTML, once, when content is loaded: the MDX body is compiled by Sätteri
 * (the same compiler and the same Markdown settings as Astro's MDX integration: Shiki
 * with the site's themes and colour classes, heading ids, base-path links), evaluated
 * with the HTML JSX runtime in ./html.ts, and its components rendered by
 * src/components/mdx/. The result is stored in Astro's content store beside the entry
 * and reused while the file is unchanged, so no article is ever a Vite module: builds
 * stay fast and flat in memory as the site grows (docs/performance.md).
 */
import {
  isSatteriProcessor,
  satteriCollectImagesPlugin,
  satteriCreateHighlightFn,
  satteriHeadingIdsPlugin,
  satteriHighlightPlugin,
  satteriImageMarkerPlugin,
} from '@astrojs/markdown-satteri';
import type { MarkdownHeading } from 'astro';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import type { ArticleContext } from '../../components/mdx/context.ts';
import { Diagram } from '../../components/mdx/Diagram.ts';
import { mdxComponents } from '../../components/mdx/index.ts';
import { articleImages } from './article-images.ts';
import { Fragment, type Html, jsx, jsxs } from './html.ts';
import { LineError } from './line-error.ts';
import type { MarkdownSettings } from './markdown.ts';
import { DIAGRAM_COMPONENT, type DiagramData, mermaidDiagrams, WriterError, writerChecks } from './writer-checks.ts';

/** An article as Astro's content store keeps it (`entry.rendered`). */
export interface RenderedArticle {
  html: string;
  /** `imagePaths`: the images beside the article it shows, as written (`./name.png`), for Astro's image pipeline. */
  metadata: { headings: MarkdownHeading[]; imagePaths: string[] };
}

/** Renders one article body; `file` is its path, for error messages and plugins. */
export type ArticleRenderer = (body: string, file: string) => Promise<RenderedArticle>;

/** A problem in an article's MDX, with the line in the file (frontmatter included). */
export class ArticleError extends LineError {}

/**
 * A renderer using the project's Markdown settings (astro.config.mjs `markdown`) and base path.
 * `diagramCache` is the folder where drawn diagrams are kept between builds.
 */
export async function createArticleRenderer(config: { markdown: MarkdownSettings; base: string; diagramCache?: string }): Promise<ArticleRenderer> {
  const { markdown } = config;
  const processor = markdown.processor && isSatteriProcessor(markdown.processor) ? markdown.processor.options : undefined;
  // Astro's own types for these settings are looser than Sätteri's (optional vs. absent).
  type HighlightSettings = Parameters<typeof satteriCreateHighlightFn>;
  // Shiki normalises the theme objects it is given, in place. Astro hashes config.markdown to
  // decide whether its build cache is valid, so Shiki gets copies: the hash must not depend on
  // whether this thread happened to render an article (workers render them in cold builds).
  const shikiConfig = { ...markdown.shikiConfig, themes: structuredClone(markdown.shikiConfig.themes) };
  const highlight = await satteriCreateHighlightFn(markdown.syntaxHighlight as HighlightSettings[0], shikiConfig as HighlightSettings[1]);
  const excludeLangs = typeof markdown.syntaxHighlight === 'object' ? markdown.syntaxHighlight.excludeLangs : undefined;
  const context: ArticleContext = { base: config.base };
  const components = Object.fromEntries(
    Object.entries(mdxComponents).map(([name, component]) => [
      name,
      (props: Record<string, unknown>) => (component as (p: unknown, c: ArticleContext) => Html)(props, context),
    ]),
  );

  const checks = writerChecks(Object.keys(mdxComponents));
  const diagrams = mermaidDiagrams(config.diagramCache);

  return async (body, file) => {
    const astro = { frontmatter: {}, headings: [] as MarkdownHeading[], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
    const drawn: DiagramData = { diagrams: [] };
    let code: string;
    try {
      const result = await mdxToJs(body, {
        mdastPlugins: [checks, diagrams, ...(processor?.mdastPlugins ?? []), satteriCollectImagesPlugin()],
        hastPlugins: [
          ...(highlight ? [satteriHighlightPlugin(highlight, excludeLangs)] : []),
          ...(processor?.hastPlugins ?? []),
          satteriImageMarkerPlugin(),
          articleImages(),
          satteriHeadingIdsPlugin(),
        ],
        features: { ...processor?.features, gfm: markdown.gfm !== false, smartPunctuation: markdown.smartypants !== false },
        fileURL: pathToFileURL(file),
        outputFormat: 'function-body',
        elementAttributeNameCase: 'html',
        data: { astro, diagrams: drawn.diagrams },
      });
      code = result.code;
      astro.headings = (result.data['astro'] as typeof astro | undefined)?.headings ?? astro.headings;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof WriterError) throw new ArticleError(error.message, error.line);
      const at = /^(\d+):(\d+):\s*/.exec(message);
      throw new ArticleError(at ? message.slice(at[0].length) : message, at ? Number(at[1]) : (error as { line?: number }).line);
    }
    try {
      const content = (new Function(code) as (runtime: unknown) => { default: (props: unknown) => Html })({ Fragment, jsx, jsxs });
      const withDiagrams = {
        ...components,
        [DIAGRAM_COMPONENT]: ({ index }: { index: string }) => Diagram({ diagram: drawn.diagrams[Number(index)]!, number: Number(index) }),
      };
      return {
        html: content.default({ components: withDiagrams }).value,
        metadata: { headings: astro.headings, imagePaths: [...astro.localImagePaths] },
      };
    } catch (error) {
      // A component that does not exist was already refused, at its line, by writerChecks.
      throw new ArticleError(error instanceof Error ? error.message : String(error));
    }
  };
}
