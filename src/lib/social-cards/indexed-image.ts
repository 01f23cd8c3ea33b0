/**
 * A palette image for the social cards: one byte per pixel, an index into a palette of
 * a background colour and, for each ink, INK_LEVELS blends of that ink over the
 * background. Antialiased text drawn in one ink over a flat background only ever needs
 * those colours, so no quantiser has to search for a palette, and the PNG stays small.
 *
 * PNG is written here rather than by a PNG library: the only one on npm that writes
 * palette PNGs, fast-png, deflates in JavaScript, many times slower than node:zlib
 * (measured: docs/performance.md). The format part is the four chunks below.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { GlyphMask } from './glyph-atlas.ts';

/**
 * Blends of each ink over the background (1/5 … 5/5 of the ink; 0 is the background
 * itself). Five levels antialias text as smoothly to the eye as fifteen at card sizes,
 * and with three inks the palette has 16 colours, so pixels pack two to a byte: half
 * the data to compress, and smaller files than with fifteen levels.
 */
export const INK_LEVELS = 5;

type Rgb = readonly [number, number, number];

const hexRgb = (hex: string): Rgb => {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
};

/** Palette: [background, ink 0 level 1…15, ink 1 level 1…15, …]. */
export class InkPalette {
  readonly colours: Rgb[];

  constructor(background: string, inks: string[]) {
    const base = hexRgb(background);
    this.colours = [base];
    for (const ink of inks.map(hexRgb)) {
      for (let level = 1; level <= INK_LEVELS; level++) {
        this.colours.push(base.map((channel, i) => Math.round(channel + ((ink[i]! - channel) * level) / INK_LEVELS)) as unknown as Rgb);
      }
    }
  }

  /** Palette index of `ink` at `level` (0 = background). */
  index(ink: number, level: number): number {
    return level === 0 ? 0 : 1 + ink * INK_LEVELS + level - 1;
  }

  /** The palette index nearest to a colour, among the background and the levels of `ink`. */
  nearest(rgb: Rgb, ink: number): number {
    let best = 0;
    let bestDistance = Infinity;
    for (let level = 0; level <= INK_LEVELS; level++) {
      const colour = this.colours[this.index(ink, level)]!;
      const distance = (colour[0] - rgb[0]) ** 2 + (colour[1] - rgb[1]) ** 2 + (colour[2] - rgb[2]) ** 2;
      if (distance < bestDistance) {
        best = this.index(ink, level);
        bestDistance = distance;
      }
    }
    return best;
  }
}

/** Ink level for each coverage value 0–255. */
const LEVEL_OF_COVERAGE = Uint8Array.from({ length: 256 }, (_, coverage) => Math.round((coverage * INK_LEVELS) / 255));

const PNG_SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export class IndexedImage {
  readonly width: number;
  readonly height: number;
  readonly palette: InkPalette;
  /** Palette indexes, row by row. Draw with drawMask(): a pixel set directly in an image that has been cloned is not seen by png(). */
  readonly pixels: Uint8Array;
  /** PNG rows (filter byte and packed pixels) of the image this one was cloned from, as it was then. */
  #cloneRows: Uint8Array | undefined;
  /** This image's own PNG rows, kept while it is unchanged, for its clones. */
  #rows: Uint8Array | undefined;
  /** Rows drawn on since the image was cloned: only those are packed again for the PNG. */
  readonly #drawnRows: Uint8Array;

  constructor(width: number, height: number, palette: InkPalette, pixels = new Uint8Array(width * height)) {
    if (pixels.length !== width * height) throw new Error(`Expected ${width * height} pixels, got ${pixels.length}.`);
    this.width = width;
    this.height = height;
    this.palette = palette;
    this.pixels = pixels;
    this.#drawnRows = new Uint8Array(height);
  }

  /** Bits per pixel in the PNG: 4 when the palette has at most 16 colours, else 8. */
  get #depth(): 4 | 8 {
    return this.palette.colours.length <= 16 ? 4 : 8;
  }

  get #rowBytes(): number {
    return this.#depth === 8 ? this.width : Math.ceil(this.width / 2);
  }

  /** Writes row `y` into PNG rows: its filter type (0, none: it suits palette images), then its pixels. */
  #packRow(rows: Uint8Array, y: number): void {
    const row = this.pixels.subarray(y * this.width, (y + 1) * this.width);
    const at = y * (this.#rowBytes + 1);
    rows[at] = 0;
    if (this.#depth === 8) rows.set(row, at + 1);
    // Two pixels a byte, the first in the high nibble.
    else for (let x = 0; x < this.width; x += 2) rows[at + 1 + x / 2] = (row[x]! << 4) | (row[x + 1] ?? 0);
  }

  /** All PNG rows: those of the image it was cloned from, with the rows drawn on since packed again. */
  #pngRows(): Uint8Array {
    const rows = this.#cloneRows ? this.#cloneRows.slice() : new Uint8Array((this.#rowBytes + 1) * this.height);
    for (let y = 0; y < this.height; y++) if (!this.#cloneRows || this.#drawnRows[y]) this.#packRow(rows, y);
    return rows;
  }

  /**
   * Maps an RGBA raster of shapes drawn in one ink over the background (as sharp
   * returns it) onto the palette.
   */
  static fromRgba(width: number, height: number, rgba: Uint8Array, palette: InkPalette, ink: number): IndexedImage {
    const pixels = new Uint8Array(width * height);
    const known = new Map<number, number>();
    for (let i = 0; i < pixels.length; i++) {
      const key = (rgba[i * 4]! << 16) | (rgba[i * 4 + 1]! << 8) | rgba[i * 4 + 2]!;
      let index = known.get(key);
      if (index === undefined) {
        index = palette.nearest([rgba[i * 4]!, rgba[i * 4 + 1]!, rgba[i * 4 + 2]!], ink);
        known.set(key, index);
      }
      pixels[i] = index;
    }
    return new IndexedImage(width, height, palette, pixels);
  }

  /** A copy to draw on; a card is its frame, cloned, with its text drawn. */
  clone(): IndexedImage {
    const copy = new IndexedImage(this.width, this.height, this.palette, this.pixels.slice());
    this.#rows ??= this.#pngRows();
    copy.#cloneRows = this.#rows;
    return copy;
  }

  /**
   * Draws a glyph mask in `ink` with its pen at (`x`, `baseline`). Where glyphs
   * overlap, the stronger coverage wins. Assumes the area under the mask is background
   * or the same ink, which holds for text on the cards' flat background.
   */
  drawMask(mask: GlyphMask, x: number, baseline: number, ink: number): void {
    const first = this.palette.index(ink, 1);
    this.#rows = undefined;
    for (let row = 0; row < mask.height; row++) {
      const y = baseline + mask.top + row;
      if (y < 0 || y >= this.height) continue;
      this.#drawnRows[y] = 1;
      for (let column = 0; column < mask.width; column++) {
        const px = x + mask.left + column;
        const level = LEVEL_OF_COVERAGE[mask.alpha[row * mask.width + column]!]!;
        if (level === 0 || px < 0 || px >= this.width) continue;
        const at = y * this.width + px;
        const current = this.pixels[at]!;
        const currentLevel = current >= first && current < first + INK_LEVELS ? current - first + 1 : 0;
        if (level > currentLevel) this.pixels[at] = first + level - 1;
      }
    }
  }

  /** The image as a palette PNG: 4 bits a pixel when the palette has at most 16 colours, else 8. */
  png(): Uint8Array<ArrayBuffer> {
    const header = new Uint8Array(13);
    const view = new DataView(header.buffer);
    view.setUint32(0, this.width);
    view.setUint32(4, this.height);
    header.set([this.#depth, 3, 0, 0, 0], 8); // colour type 3 (palette), deflate, no filter, no interlace
    const parts = [
      PNG_SIGNATURE,
      chunk('IHDR', header),
      chunk('PLTE', Uint8Array.from(this.palette.colours.flat())),
      // zlib level 4: much faster than the default 6, for slightly larger files (docs/performance.md).
      chunk('IDAT', deflateSync(this.#pngRows(), { level: 4 })),
      chunk('IEND', new Uint8Array(0)),
    ];
    const png = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      png.set(part, offset);
      offset += part.length;
    }
    return png;
  }
}
