/**
 * Lays text out in lines for the social cards: fontkit shapes it (kerning and the
 * font's other positioning features), this module wraps it at spaces, clamps it to a
 * number of lines and ends a clamped line with an ellipsis, as CSS `line-clamp` does.
 */
import type { Font, Glyph } from 'fontkit';

/** A glyph and where its origin sits on the line, in pixels from the start of the line. */
export interface PlacedGlyph {
  glyph: Glyph;
  x: number;
}

export interface TextLine {
  glyphs: PlacedGlyph[];
  /** Advance width of the line in pixels. */
  width: number;
}

interface Run {
  glyphs: PlacedGlyph[];
  width: number;
}

const ELLIPSIS = '…';

/** Shapes words of one font at one size, remembering each: card titles share most of their words. */
export class TextShaper {
  readonly font: Font;
  readonly size: number;
  readonly letterSpacing: number;
  readonly #runs = new Map<string, Run>();

  /** @param letterSpacing extra pixels after every glyph, as CSS `letter-spacing`. */
  constructor(font: Font, size: number, letterSpacing = 0) {
    this.font = font;
    this.size = size;
    this.letterSpacing = letterSpacing;
  }

  /** Pixels per font unit. */
  get scale(): number {
    return this.size / this.font.unitsPerEm;
  }

  /** Height of a line at `line-height: normal`, and where the baseline sits in it. */
  get normalLine(): { height: number; ascent: number } {
    const { ascent, descent, lineGap } = this.font;
    return { height: (ascent - descent + lineGap) * this.scale, ascent: ascent * this.scale };
  }

  shape(text: string): Run {
    let run = this.#runs.get(text);
    if (!run) {
      const { glyphs, positions } = this.font.layout(text);
      const placed: PlacedGlyph[] = [];
      let pen = 0;
      glyphs.forEach((glyph, i) => {
        placed.push({ glyph, x: pen + positions[i]!.xOffset * this.scale });
        pen += positions[i]!.xAdvance * this.scale + this.letterSpacing;
      });
      run = { glyphs: placed, width: pen };
      this.#runs.set(text, run);
    }
    return run;
  }
}

export interface LayoutOptions {
  /** Widest a line may be, in pixels. */
  maxWidth: number;
  /** Lines to keep; the last kept line ends with "…" when text was cut. Default: no limit. */
  maxLines?: number;
}

/** Joins words with the space glyph between them. */
function line(runs: Run[], space: Run): TextLine {
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  const place = (run: Run) => {
    for (const placed of run.glyphs) glyphs.push({ glyph: placed.glyph, x: x + placed.x });
    x += run.width;
  };
  runs.forEach((run, i) => {
    if (i > 0) place(space);
    place(run);
  });
  return { glyphs, width: x };
}

/** Splits a word wider than a line at glyph boundaries, as `overflow-wrap: anywhere` does. */
function splitWide(run: Run, maxWidth: number): Run[] {
  const parts: Run[] = [];
  let current: PlacedGlyph[] = [];
  let start = 0;
  run.glyphs.forEach((placed, i) => {
    const end = i + 1 < run.glyphs.length ? run.glyphs[i + 1]!.x : run.width;
    if (current.length > 0 && end - start > maxWidth) {
      parts.push({ glyphs: current, width: placed.x - start });
      current = [];
      start = placed.x;
    }
    current.push({ glyph: placed.glyph, x: placed.x - start });
  });
  parts.push({ glyphs: current, width: run.width - start });
  return parts;
}

/**
 * Ends a line with an ellipsis, first cutting glyphs off its end (and any space left
 * last) until both fit in `maxWidth`.
 */
function withEllipsis(shaper: TextShaper, text: TextLine, maxWidth: number): TextLine {
  const ellipsis = shaper.shape(ELLIPSIS);
  const glyphs = [...text.glyphs];
  const spaceId = shaper.shape(' ').glyphs[0]?.glyph.id;
  let width = text.width;
  const endsInSpace = () => glyphs.at(-1)?.glyph.id === spaceId;
  while (glyphs.length > 0 && (width + ellipsis.width > maxWidth || endsInSpace())) {
    width = glyphs.pop()!.x;
  }
  return { glyphs: [...glyphs, ...ellipsis.glyphs.map((placed) => ({ glyph: placed.glyph, x: width + placed.x }))], width: width + ellipsis.width };
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces (a word wider than a
 * line is split between glyphs). With `maxLines`, text beyond the last line is cut and
 * that line ends with an ellipsis.
 */
export function layoutText(shaper: TextShaper, text: string, { maxWidth, maxLines = Infinity }: LayoutOptions): TextLine[] {
  const words = text.split(/\s+/).filter(Boolean);
  const space = shaper.shape(' ');
  const lines: Run[][] = [];
  let current: Run[] = [];
  let width = 0;
  for (const word of words) {
    for (const run of splitWide(shaper.shape(word), maxWidth)) {
      const needed = current.length === 0 ? run.width : width + space.width + run.width;
      if (current.length > 0 && needed > maxWidth) {
        lines.push(current);
        current = [run];
        width = run.width;
      } else {
        current.push(run);
        width = needed;
      }
    }
  }
  if (current.length > 0) lines.push(current);
  const laidOut = lines.map((runs) => line(runs, space));
  if (laidOut.length <= maxLines) return laidOut;
  const kept = laidOut.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(shaper, kept[maxLines - 1]!, maxWidth);
  return kept;
}

/** One line that never wraps: text wider than `maxWidth` ends with an ellipsis, as `text-overflow: ellipsis`. */
export function singleLine(shaper: TextShaper, text: string, maxWidth: number): TextLine {
  const run = shaper.shape(text.trim());
  return run.width <= maxWidth ? { glyphs: run.glyphs, width: run.width } : withEllipsis(shaper, run, maxWidth);
}
