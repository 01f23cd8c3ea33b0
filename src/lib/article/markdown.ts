/**
 * How articles' Markdown is processed, in one place. astro.config.mjs gives these
 * settings to Astro; the render workers (render-worker.ts) build the same settings
 * again from here, because plugin functions cannot be sent to another thread.
 */
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import type { ThemeRegistrationRaw } from 'shiki';
import { codeColourClasses } from '../theme/code-colour-classes.ts';
import { codeThemes } from '../theme/code-themes.ts';
import { siteLinks } from '../site/site-links.ts';

/** The project's `markdown` settings (astro.config.mjs). */
export function articleMarkdown(base: string) {
  return {
    // Links and images in articles are written root-relative; under a base path they get it.
    processor: satteri({ hastPlugins: [siteLinks(base)] }),
    // Token colours go out as custom properties only (no inline colour, no inline overflow):
    // global.css picks the scheme's colours, and both themes are raised to AA contrast.
    shikiConfig: { themes: codeThemes, defaultColor: false as const, wrap: null },
  };
}

export type MarkdownSettings = Pick<AstroConfig['markdown'], 'processor' | 'syntaxHighlight' | 'shikiConfig' | 'gfm' | 'smartypants'>;
/** Markdown settings without their functions, as they are sent to a worker. */
export type PortableMarkdown = Omit<MarkdownSettings, 'processor'> & { shikiConfig: Omit<MarkdownSettings['shikiConfig'], 'transformers'> };

/**
 * The settings a worker rebuilds from `portable`: the processor from articleMarkdown(),
 * and the code-colour transformer that the codeColours integration adds
 * (src/integrations/code-colours.ts).
 */
export function rebuildMarkdown(portable: PortableMarkdown, base: string): MarkdownSettings {
  const themes = portable.shikiConfig.themes as Record<string, ThemeRegistrationRaw>;
  return {
    ...portable,
    processor: articleMarkdown(base).processor,
    shikiConfig: { ...portable.shikiConfig, transformers: [codeColourClasses(themes).transformer] },
  } as MarkdownSettings;
}

/** Names of the plugins and transformers in some settings, to compare two of them. */
function pluginNames(markdown: MarkdownSettings): string {
  const options = (
    markdown.processor as
      { options?: { mdastPlugins?: ({ name?: string } | undefined)[]; hastPlugins?: ({ name?: string } | undefined)[] } } | undefined
  )?.options;
  return JSON.stringify([
    options?.mdastPlugins?.map((plugin) => plugin?.name ?? null) ?? [],
    options?.hastPlugins?.map((plugin) => plugin?.name ?? null) ?? [],
    markdown.shikiConfig.transformers?.map((transformer) => transformer?.name ?? null) ?? [],
  ]);
}

/**
 * The settings without functions, if a worker can rebuild them exactly: if someone
 * adds a plugin to astro.config.mjs that rebuildMarkdown() does not know, this returns
 * undefined and articles are rendered on the main thread, slower but right.
 */
export function portableMarkdown(markdown: MarkdownSettings, base: string): PortableMarkdown | undefined {
  const { processor: _processor, shikiConfig, ...rest } = markdown;
  const { transformers: _transformers, ...shiki } = shikiConfig;
  const portable = { ...rest, shikiConfig: shiki } as PortableMarkdown;
  return pluginNames(rebuildMarkdown(portable, base)) === pluginNames(markdown) ? portable : undefined;
}
