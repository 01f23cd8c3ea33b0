/**
 * A JSX runtime that renders straight to HTML strings: MDX articles are evaluated
 * with it at content-sync time (src/lib/article/render.ts), so an article's HTML is
 * made once, cached in Astro's content store, and never compiled by Vite.
 *
 * Text and attribute values are escaped; markup made by this runtime is carried in
 * `Html`, so it is never escaped twice.
 */

/** Markup that is already safe HTML. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What a component or element may have as children. */
export type Child = Html | string | number | boolean | null | undefined | readonly Child[];
/** A component: props in, HTML out. */
export type Component<P = Record<string, unknown>> = (props: P & { children?: Child }) => Html;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or an attribute value, escaped for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Children as HTML: strings escaped, Html kept, empty values dropped, arrays flattened. */
export function renderChildren(children: Child): string {
  if (children === null || children === undefined || typeof children === 'boolean') return '';
  if (children instanceof Html) return children.value;
  if (Array.isArray(children)) return (children as readonly Child[]).map(renderChildren).join('');
  return escapeHtml(String(children));
}

function attributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value === null || value === undefined || value === false) continue;
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeHtml(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  return out;
}

/** `<tag …>children</tag>` with escaped attributes; `null`, `undefined` and `false` attributes are left out. */
export function element(tag: string, props: Record<string, unknown> = {}, children?: Child): Html {
  if (VOID_ELEMENTS.has(tag)) return new Html(`<${tag}${attributes(props)}>`);
  return new Html(`<${tag}${attributes(props)}>${renderChildren(children ?? (props['children'] as Child))}</${tag}>`);
}

/** Fragment: children without a wrapper. */
export const Fragment = Symbol.for('backend-atlas.fragment');

type ElementType = string | typeof Fragment | Component;

/** The automatic JSX runtime's `jsx`/`jsxs`, as MDX calls them. */
export function jsx(type: ElementType, props: Record<string, unknown> | null): Html {
  const all = props ?? {};
  if (type === Fragment) return new Html(renderChildren(all['children'] as Child));
  if (typeof type === 'function') return type(all);
  return element(type, all);
}
export const jsxs = jsx;
