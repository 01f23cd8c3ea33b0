/**
 * Code blocks without inline `style` attributes.
 *
 * Shiki writes every token's colours as a `style="--shiki-light:…;--shiki-dark:…"` attribute.
 * The site's Content-Security-Policy allows no inline styles: a hash can allow a `<style>`
 * element but not a `style` attribute (that would take `'unsafe-hashes'` and one hash per
 * distinct attribute, changing whenever an article adds a language). So each declaration
 * becomes a class instead (`--shiki-light:#d73a49` → `sl-d73a49`), and one stylesheet,
 * derived from the same themes, defines every class the themes can produce. The custom
 * properties are unchanged, so the CSS that paints code (global.css) keeps working.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { ShikiTransformer, ThemeRegistrationRaw } from 'shiki';

/** Short class prefixes for the custom properties Shiki emits with `defaultColor: false`. */
const PROPERTY_PREFIX: Record<string, string> = {
  '': 's',
  '-bg': 'sb',
  '-font-style': 'sfs',
  '-font-weight': 'sfw',
  '-text-decoration': 'std',
};
const SHIKI_PROPERTY = /^--shiki-([a-z0-9]+)(-bg|-font-style|-font-weight|-text-decoration)?$/;

/** Class for one `--shiki-<theme>…: value` declaration, e.g. ("--shiki-dark", "#E1E4E8") → "sd-e1e4e8". */
export function declarationClass(property: string, value: string): string | undefined {
  const match = SHIKI_PROPERTY.exec(property);
  if (!match) return undefined;
  const [, theme, suffix = ''] = match;
  const slug = value.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${PROPERTY_PREFIX[suffix]}${theme!.slice(0, 1)}-${slug}`;
}

/** Declarations of a `style` attribute, values lower-cased (Shiki mixes #FFF and #fff). */
function parseStyle(style: string): [string, string][] {
  return style
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      return [
        part.slice(0, colon).trim(),
        part
          .slice(colon + 1)
          .trim()
          .toLowerCase(),
      ];
    });
}

/** Shiki's hast puts classes in `class` (a string); other hast producers use `className` (an array). */
function addClasses(element: Element, classes: string[]): void {
  if (classes.length === 0) return;
  const key = 'className' in element.properties && !('class' in element.properties) ? 'className' : 'class';
  const current = element.properties[key];
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/).filter(Boolean) : [];
  if (key === 'class') element.properties['class'] = [...list, ...classes].join(' ');
  else element.properties['className'] = [...list, ...classes];
}

/** Every value a theme can give a token or a block, per property suffix. */
function themeValues(theme: ThemeRegistrationRaw): Record<string, Set<string>> {
  const values: Record<string, Set<string>> = Object.fromEntries(Object.keys(PROPERTY_PREFIX).map((s) => [s, new Set<string>()]));
  const foregrounds = [theme.fg, theme.colors?.['editor.foreground']];
  const backgrounds = [theme.bg, theme.colors?.['editor.background']];
  for (const rule of theme.tokenColors ?? theme.settings ?? []) {
    foregrounds.push(rule.settings.foreground);
    backgrounds.push(rule.settings.background);
    for (const style of (rule.settings.fontStyle ?? '').split(/\s+/)) {
      if (style === 'italic') values['-font-style']!.add('italic');
      if (style === 'bold') values['-font-weight']!.add('bold');
      if (style === 'underline') values['-text-decoration']!.add('underline');
      if (style === 'strikethrough') values['-text-decoration']!.add('line-through');
    }
  }
  const isColour = (value: unknown): value is string => typeof value === 'string' && value.startsWith('#');
  for (const colour of foregrounds.filter(isColour)) values['']!.add(colour.toLowerCase());
  for (const colour of backgrounds.filter(isColour)) values['-bg']!.add(colour.toLowerCase());
  return values;
}

export interface CodeColourClasses {
  /** Shiki transformer that turns the `style` attributes of a highlighted block into classes. */
  transformer: ShikiTransformer;
  /** One rule per class the themes can produce. */
  css: string;
}

/**
 * @param themes the same `{ light, dark }` themes given to Astro's `shikiConfig.themes`
 */
export function codeColourClasses(themes: Record<string, ThemeRegistrationRaw>): CodeColourClasses {
  const initials = Object.keys(themes).map((name) => name.slice(0, 1));
  if (new Set(initials).size !== initials.length) {
    throw new Error(`Code theme names must start with different letters (class names use the initial): ${Object.keys(themes).join(', ')}`);
  }
  const rules = new Map<string, string>();
  for (const [name, theme] of Object.entries(themes)) {
    for (const [suffix, values] of Object.entries(themeValues(theme))) {
      for (const value of values) {
        const property = `--shiki-${name}${suffix}`;
        rules.set(declarationClass(property, value)!, `${property}:${value}`);
      }
    }
  }
  const known = new Set(rules.keys());
  const css = [...rules].map(([name, declaration]) => `.${name}{${declaration}}`).join('\n');

  /** Replaces `style` with classes; declarations equal to the block's own are dropped (inherited). */
  const toClasses = (element: Element, inherited: Map<string, string>, language: string): void => {
    const style = element.properties['style'];
    if (typeof style !== 'string') return;
    const classes: string[] = [];
    for (const [property, value] of parseStyle(style)) {
      if (inherited.get(property) === value) continue;
      const name = declarationClass(property, value);
      if (!name) {
        throw new Error(
          `A ${language} code block has the inline style "${property}: ${value}", which the site's Content-Security-Policy blocks. ` +
            'Remove the Shiki option that adds it (e.g. `wrap`), or map it to a class in src/lib/theme/code-colour-classes.ts.',
        );
      }
      if (!known.has(name)) {
        throw new Error(
          `A ${language} code block uses the colour ${property}: ${value}, which is not in the themes given to codeColourClasses(); ` +
            'pass it the same themes as markdown.shikiConfig.themes in astro.config.mjs.',
        );
      }
      classes.push(name);
    }
    delete element.properties['style'];
    addClasses(element, classes);
  };

  const transformer: ShikiTransformer = {
    name: 'backend-atlas:code-colour-classes',
    root(root: Root) {
      const pre = root.children.find((node): node is Element => node.type === 'element' && node.tagName === 'pre');
      if (!pre) return;
      const language = this.options.lang;
      const blockStyle = typeof pre.properties['style'] === 'string' ? new Map(parseStyle(pre.properties['style'])) : new Map<string, string>();
      // Token colours equal to the block's own are inherited through the custom properties.
      const inherited = new Map([...blockStyle].filter(([property]) => !property.endsWith('-bg')));
      toClasses(pre, new Map(), language);
      const walk = (nodes: ElementContent[]) => {
        for (const node of nodes) {
          if (node.type !== 'element') continue;
          toClasses(node, inherited, language);
          walk(node.children);
        }
      };
      walk(pre.children);
    },
  };
  return { transformer, css };
}
