/** Words per minute for technical prose; slower than the usual 238 for fiction. */
const WORDS_PER_MINUTE = 200;

/**
 * Strips what a reader does not read as prose from an MDX body (the text after the
 * frontmatter): fenced code, JSX tags, expressions, markdown punctuation and link targets.
 */
export function proseText(mdxBody: string): string {
  return mdxBody
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#>*_`|[\]-]+/g, ' ');
}

/** Number of words of prose in an MDX body (code blocks and markup excluded). */
export function countWords(mdxBody: string): number {
  const words = proseText(mdxBody).match(/[\p{L}\p{N}][\p{L}\p{N}'’.+#/]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes to read `words` words of prose, never less than one. */
export function minutesToRead(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
