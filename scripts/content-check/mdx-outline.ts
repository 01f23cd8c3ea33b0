/**
 * What the content check needs to know about an MDX file's body, read with the
 * parser Astro's MDX integration uses (Sätteri, with GFM and smart punctuation
 * on, as in the build): headings with the ids Astro gives them, links, images,
 * components, and the prose a reader sees. Lines are lines of the whole file.
 */
import Slugger from 'github-slugger';
import { type HastNode, mdxToHast } from 'satteri';

export interface OutlineHeading {
  depth: number;
  text: string;
  /** The id Astro gives the heading: github-slugger over its text, as in @astrojs/markdown-satteri. */
  slug: string;
  line: number;
}

export interface OutlineLink {
  href: string;
  line: number;
}

export interface OutlineImage {
  src: string;
  /** undefined when there is no alt attribute at all; "" for ![](…) or alt="". */
  alt: string | undefined;
  line: number;
  /** Written as a JSX <img> rather than markdown ![alt](src). */
  jsx: boolean;
}

export interface OutlineComponent {
  name: string;
  line: number;
}

export interface OutlineBlock {
  /** Prose of one block (paragraph, list item, table cell, component prop), code left out. */
  text: string;
  line: number;
}

export interface MdxOutline {
  headings: OutlineHeading[];
  links: OutlineLink[];
  images: OutlineImage[];
  components: OutlineComponent[];
  blocks: OutlineBlock[];
}

/** MDX that does not parse; `line` is a line of the whole file. */
export class MdxSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'MdxSyntaxError';
    this.line = line;
  }
}

const BLOCKS = new Set(['p', 'li', 'td', 'th', 'blockquote', 'dt', 'dd', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CODE = new Set(['pre', 'code']);
/** Paths written inside component props, e.g. rows={[{ href: '/skills/sql/' }]}. */
const PROP_PATH = /\b(?:href|src)\s*:\s*(['"`])([^'"`]*?)\1/g;
const STRING_LITERAL = /(['"`])((?:\\.|(?!\1).)*?)\1/g;

type Attribute = { type: string; name?: string; value?: string | { type: string; value: string } | null };

const lineOf = (node: HastNode) => node.position?.start.line ?? 1;
const childrenOf = (node: HastNode): HastNode[] => ('children' in node && Array.isArray(node.children) ? (node.children as HastNode[]) : []);

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && CODE.has(node.tagName)) return '';
  return childrenOf(node).map(textOf).join('');
}

function attributesOf(node: HastNode): Map<string, string | { expression: string }> {
  const out = new Map<string, string | { expression: string }>();
  for (const attribute of ((node as { attributes?: Attribute[] }).attributes ?? []) as Attribute[]) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    const value = attribute.value;
    if (typeof value === 'string') out.set(attribute.name, value);
    else if (value && typeof value === 'object') out.set(attribute.name, { expression: value.value });
    else out.set(attribute.name, '');
  }
  return out;
}

/** Reads the headings, links, images, components and prose of an MDX file. */
export function outlineMdx(source: string): MdxOutline {
  let tree: HastNode;
  try {
    tree = mdxToHast(source, { features: { gfm: true, smartPunctuation: true, frontmatter: true }, position: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const place = /^(\d+):(\d+):\s*/.exec(message);
    // "9:1: Expected a closing tag for `<Callout>` (9:1) (mdx-jsx:unexpected-character)" → the sentence alone.
    const text = (place ? message.slice(place[0].length) : message).replace(/(?:\s*\([^()]*\))+\s*$/, '');
    throw new MdxSyntaxError(text, place ? Number(place[1]) : 1);
  }

  const outline: MdxOutline = { headings: [], links: [], images: [], components: [], blocks: [] };
  const slugger = new Slugger();

  const visit = (node: HastNode): void => {
    if (node.type === 'element') {
      const tag = node.tagName;
      if (CODE.has(tag)) return;
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) {
        const text = textOf(node);
        outline.headings.push({ depth: Number(heading[1]), text, slug: slugger.slug(text), line: lineOf(node) });
      }
      const properties = node.properties ?? {};
      if (tag === 'a' && typeof properties['href'] === 'string') outline.links.push({ href: properties['href'], line: lineOf(node) });
      if (tag === 'img') {
        const alt = properties['alt'];
        outline.images.push({ src: String(properties['src'] ?? ''), alt: typeof alt === 'string' ? alt : undefined, line: lineOf(node), jsx: false });
      }
      if (BLOCKS.has(tag)) {
        const text = textOf(node).replace(/\s+/g, ' ').trim();
        if (text) outline.blocks.push({ text, line: lineOf(node) });
        // A paragraph's links and images are still visited below; its text is counted once.
        childrenOf(node).forEach(visitInline);
        return;
      }
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      visitJsx(node);
    }
    childrenOf(node).forEach(visit);
  };

  // Inside a block: collect links, images and components, but not the text again.
  const visitInline = (node: HastNode): void => {
    if (node.type === 'element') {
      if (CODE.has(node.tagName)) return;
      const properties = node.properties ?? {};
      if (node.tagName === 'a' && typeof properties['href'] === 'string') outline.links.push({ href: properties['href'], line: lineOf(node) });
      if (node.tagName === 'img') {
        const alt = properties['alt'];
        outline.images.push({ src: String(properties['src'] ?? ''), alt: typeof alt === 'string' ? alt : undefined, line: lineOf(node), jsx: false });
      }
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      visitJsx(node, false);
    }
    childrenOf(node).forEach(visitInline);
  };

  const visitJsx = (node: HastNode, collectText = true): void => {
    const name = (node as { name?: string | null }).name ?? '';
    const line = lineOf(node);
    const attributes = attributesOf(node);
    if (/^[A-Z]/.test(name)) outline.components.push({ name, line });
    const heading = /^h([1-6])$/.exec(name);
    if (heading) {
      const text = childrenOf(node).map(textOf).join('');
      outline.headings.push({ depth: Number(heading[1]), text, slug: slugger.slug(text), line });
    }
    if (name === 'img') {
      const alt = attributes.get('alt');
      outline.images.push({
        src: typeof attributes.get('src') === 'string' ? (attributes.get('src') as string) : '',
        alt: typeof alt === 'string' ? alt : undefined,
        line,
        jsx: true,
      });
    }
    for (const [attribute, value] of attributes) {
      if (typeof value === 'string') {
        if (attribute === 'href') outline.links.push({ href: value, line });
        else if (collectText && /^[A-Z]/.test(name) && attribute !== 'src') {
          outline.blocks.push({ text: value, line });
        }
      } else {
        for (const match of value.expression.matchAll(PROP_PATH)) outline.links.push({ href: match[2]!, line });
        if (collectText) {
          for (const match of value.expression.matchAll(STRING_LITERAL)) outline.blocks.push({ text: match[2]!, line });
        }
      }
    }
  };

  visit(tree);
  return outline;
}
