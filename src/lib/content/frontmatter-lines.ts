import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/** The YAML between the opening and closing --- lines and the text after them, or undefined when the file has no frontmatter. */
export function splitFrontmatter(source: string): { yaml: string; body: string } | undefined {
  const match = source.startsWith('---') ? FRONTMATTER.exec(source) : null;
  return match?.index === 0 ? { yaml: match[1]!, body: source.slice(match[0].length) } : undefined;
}

/** The YAML between the opening and closing --- lines, or undefined when the file has none. */
export function frontmatterText(source: string): string | undefined {
  return splitFrontmatter(source)?.yaml;
}

/**
 * Where each frontmatter field sits in an MDX file, so an error about a field can
 * name its line. Lines count from the top of the file (line 1 is the opening ---).
 */
export class FrontmatterLines {
  readonly #document;
  readonly #lineCounter = new LineCounter();

  constructor(source: string) {
    const yaml = frontmatterText(source);
    this.#document = yaml === undefined ? undefined : parseDocument(yaml, { lineCounter: this.#lineCounter, uniqueKeys: false });
  }

  #line(node: Node | null | undefined): number | undefined {
    return node?.range ? this.#lineCounter.linePos(node.range[0]).line + 1 : undefined;
  }

  /** Line of a field by its path (["skills", 0, "skill"]), else of its nearest parent that is written; 1 if none is. */
  lineOf(path: readonly PropertyKey[]): number {
    const document = this.#document;
    if (!document) return 1;
    for (let depth = path.length; depth > 0; depth--) {
      const line = this.#line(document.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined);
      if (line !== undefined) return line;
      // A key written with no value (`title:`) has no value node: point at the key.
      const parent = depth > 1 ? document.getIn(path.slice(0, depth - 1) as unknown[], true) : document.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[depth - 1]);
        const keyLine = pair && isScalar(pair.key) ? this.#line(pair.key) : undefined;
        if (keyLine !== undefined) return keyLine;
      }
    }
    return 1;
  }

  /** Line of a key of the top-level mapping, e.g. a misspelt field name; 1 if it is not there. */
  lineOfKey(key: string): number {
    const root = this.#document?.contents;
    if (!isMap(root)) return 1;
    const pair = root.items.find((item) => isScalar(item.key) && item.key.value === key);
    return (pair && isScalar(pair.key) && this.#line(pair.key)) || 1;
  }
}
