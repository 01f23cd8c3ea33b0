import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IndexedImage, INK_LEVELS, InkPalette } from './indexed-image.ts';

const palette = new InkPalette('#10151c', ['#f4f6f9', '#aab3bf', '#7cb8ff']);

/** Decodes a PNG with sharp (libspng), independently of the encoder under test. */
async function decode(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
  return { info, pixel };
}

describe('palette images for social cards', () => {
  it('holds the background and INK_LEVELS blends of each ink, the strongest being the ink itself', () => {
    expect(palette.colours).toHaveLength(1 + 3 * INK_LEVELS);
    expect(palette.colours[0]).toEqual([0x10, 0x15, 0x1c]);
    expect(palette.colours[palette.index(2, INK_LEVELS)]).toEqual([0x7c, 0xb8, 0xff]);
    expect(palette.nearest([0x7c, 0xb8, 0xff], 2)).toBe(palette.index(2, INK_LEVELS));
    expect(palette.nearest([0x11, 0x15, 0x1c], 2)).toBe(0);
  });

  it('writes a PNG that another decoder reads back pixel for pixel, at 4 bits a pixel', async () => {
    const image = new IndexedImage(5, 3, palette);
    image.pixels.set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15]);
    const png = image.png();
    expect(png[24]).toBe(4); // IHDR bit depth
    const { info, pixel } = await decode(png);
    expect([info.width, info.height]).toEqual([5, 3]);
    for (let i = 0; i < 15; i++) expect(pixel(i % 5, Math.floor(i / 5)), `pixel ${i}`).toEqual(palette.colours[image.pixels[i]!]);
  });

  it('uses 8 bits a pixel when the palette has more than 16 colours', async () => {
    const wide = new InkPalette('#000000', ['#ff0000', '#00ff00', '#0000ff', '#ffffff']);
    const image = new IndexedImage(3, 1, wide, Uint8Array.of(0, 17, 20));
    const png = image.png();
    expect(png[24]).toBe(8);
    const { pixel } = await decode(png);
    expect(pixel(1, 0)).toEqual(wide.colours[17]);
    expect(pixel(2, 0)).toEqual(wide.colours[20]);
  });

  it('draws a coverage mask in an ink at its pen position, the stronger coverage winning where two overlap', () => {
    const image = new IndexedImage(6, 4, palette);
    const mask = { width: 2, height: 2, left: -1, top: -2, alpha: Uint8Array.of(255, 128, 0, 20) };
    image.drawMask(mask, 2, 3, 1);
    expect(image.pixels[1 * 6 + 1]).toBe(palette.index(1, INK_LEVELS));
    expect(image.pixels[1 * 6 + 2]).toBe(palette.index(1, Math.round((128 * INK_LEVELS) / 255)));
    expect(image.pixels[2 * 6 + 1]).toBe(0);
    // Faint coverage under a level rounds to background; a weaker overlap never lightens a pixel.
    expect(image.pixels[2 * 6 + 2]).toBe(palette.index(1, Math.round((20 * INK_LEVELS) / 255)));
    image.drawMask({ ...mask, alpha: Uint8Array.of(60, 60, 60, 60) }, 2, 3, 1);
    expect(image.pixels[1 * 6 + 1]).toBe(palette.index(1, INK_LEVELS));
    // Masks hanging off the edge are clipped.
    expect(() => image.drawMask(mask, 0, 1, 0)).not.toThrow();
  });

  it('writes a card drawn on a clone of its frame exactly as if every row were packed afresh', () => {
    const frame = new IndexedImage(7, 5, palette);
    frame.pixels.fill(3, 0, 7);
    const card = frame.clone();
    card.drawMask({ width: 3, height: 2, left: 0, top: -2, alpha: Uint8Array.of(255, 90, 255, 10, 255, 200) }, 2, 4, 2);
    expect(card.png()).toEqual(new IndexedImage(7, 5, palette, card.pixels.slice()).png());
    // The frame itself is unchanged by what is drawn on its clone.
    expect(frame.png()).toEqual(new IndexedImage(7, 5, palette, frame.pixels.slice()).png());
    expect(card.png()).not.toEqual(frame.png());
  });

  it('maps an RGBA raster of one ink over the background onto the palette', () => {
    const rgba = Uint8Array.of(0x10, 0x15, 0x1c, 255, 0x7c, 0xb8, 0xff, 255, 0x46, 0x66, 0x8d, 255);
    const image = IndexedImage.fromRgba(3, 1, rgba, palette, 2);
    expect([...image.pixels]).toEqual([0, palette.index(2, INK_LEVELS), palette.nearest([0x46, 0x66, 0x8d], 2)]);
    expect(image.pixels[2]).not.toBe(0);
  });
});
