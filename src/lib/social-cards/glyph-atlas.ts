/**
 * Coverage masks of glyphs at one font size, rasterised by sharp (librsvg) the first
 * time each glyph is needed and kept for every later card, because copying a card's glyphs
 * from here costs a small fraction of rasterising the card whole (measured: docs/performance.md).
 *
 * Each glyph is drawn at PHASES horizontal sub-pixel offsets, so glyphs keep the
 * spacing the font gives them instead of snapping to whole pixels. Every glyph sits in
 * a cell of its own at a whole-pixel position, so its mask does not depend on which
 * other glyphs were drawn in the same batch: cards come out identical in any order.
 */
import type { Font, Glyph } from 'fontkit';

/** Horizontal sub-pixel positions per glyph: a quarter pixel is finer than the eye resolves at card sizes. */
export const PHASES = 4;

/** Alpha coverage (0–255) of one glyph, placed relative to its pen position on the baseline. */
export interface GlyphMask {
  width: number;
  height: number;
  /** Pixels from the pen's whole-pixel x to the mask's left edge. */
  left: number;
  /** Pixels from the baseline to the mask's top edge (negative: above). */
  top: number;
  alpha: Uint8Array;
}

type Sharp = (typeof import('sharp'))['default'];

/** Where a glyph's drawing lands in its cell, in whole pixels around the pen. */
function extent(glyph: Glyph, scale: number) {
  const { minX, minY, maxX, maxY } = glyph.bbox;
  if (!(maxX > minX && maxY > minY)) return undefined;
  // One pixel of margin for antialiasing, one more on the right for the sub-pixel shift.
  const left = Math.floor(minX * scale) - 1;
  const right = Math.ceil(maxX * scale) + 2;
  const above = Math.ceil(maxY * scale) + 1;
  const below = Math.ceil(-minY * scale) + 1;
  return { left, width: right - left, above, height: above + below };
}

/** Sheets are at most this wide; more cells go on more rows. */
const SHEET_WIDTH = 4096;

export class GlyphAtlas {
  readonly #font: Font;
  readonly #size: number;
  readonly #sharp: Sharp;
  /** Masks by glyph id, one per phase; `null` for glyphs that draw nothing (spaces). */
  readonly #masks = new Map<number, (GlyphMask | null)[]>();
  /** Batches being rasterised, by the ids of the glyphs in them: a card drawn meanwhile waits for them. */
  readonly #pending = new Map<number, Promise<void>>();

  constructor(font: Font, size: number, sharp: Sharp) {
    this.#font = font;
    this.#size = size;
    this.#sharp = sharp;
  }

  /** The mask of a glyph drawn `phase`/PHASES of a pixel right of a whole pixel; `null` if it draws nothing. */
  mask(glyph: Glyph, phase: number): GlyphMask | null {
    const mask = this.#masks.get(glyph.id)?.[phase];
    if (mask === undefined) throw new Error(`Glyph ${glyph.id} at ${this.#size}px was not prepared; await prepare() first.`);
    return mask;
  }

  /** Rasterises, in one pass, the glyphs among `glyphs` not drawn before, and waits for any still being drawn. */
  async prepare(glyphs: Iterable<Glyph>): Promise<void> {
    const unique = [...new Set(glyphs)];
    const waits = new Set(unique.flatMap((glyph) => this.#pending.get(glyph.id) ?? []));
    const fresh = unique.filter((glyph) => !this.#masks.has(glyph.id));
    if (fresh.length > 0) {
      const batch = this.#rasterise(fresh).catch((error: unknown) => {
        for (const glyph of fresh) this.#masks.delete(glyph.id);
        throw error;
      });
      for (const glyph of fresh) this.#pending.set(glyph.id, batch);
      waits.add(batch.finally(() => fresh.forEach((glyph) => this.#pending.delete(glyph.id))));
    }
    await Promise.all(waits);
  }

  async #rasterise(glyphs: Glyph[]): Promise<void> {
    const scale = this.#size / this.#font.unitsPerEm;
    const cells: { glyph: Glyph; phase: number; x: number; y: number; box: NonNullable<ReturnType<typeof extent>> }[] = [];
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    for (const glyph of glyphs) {
      const box = extent(glyph, scale);
      if (!box) {
        this.#masks.set(glyph.id, Array<null>(PHASES).fill(null));
        continue;
      }
      this.#masks.set(glyph.id, []);
      for (let phase = 0; phase < PHASES; phase++) {
        if (x + box.width > SHEET_WIDTH) {
          x = 0;
          y += rowHeight;
          rowHeight = 0;
        }
        cells.push({ glyph, phase, x, y, box });
        x += box.width;
        rowHeight = Math.max(rowHeight, box.height);
      }
    }
    if (cells.length === 0) return;

    const paths = cells.map(({ glyph, phase, x, y, box }) => {
      const originX = x - box.left + phase / PHASES;
      const originY = y + box.above;
      return `<path transform="translate(${originX} ${originY}) scale(${scale} ${-scale})" d="${glyph.path.toSVG()}"/>`;
    });
    const width = Math.max(...cells.map((cell) => cell.x + cell.box.width));
    const height = y + rowHeight;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${paths.join('')}</svg>`;
    const sheet = await this.#sharp(Buffer.from(svg)).ensureAlpha().extractChannel(3).raw().toBuffer();

    for (const { glyph, phase, x, y, box } of cells) {
      const alpha = new Uint8Array(box.width * box.height);
      for (let row = 0; row < box.height; row++) {
        const start = (y + row) * width + x;
        alpha.set(sheet.subarray(start, start + box.width), row * box.width);
      }
      this.#masks.get(glyph.id)![phase] = { width: box.width, height: box.height, left: box.left, top: -box.above, alpha };
    }
  }
}
