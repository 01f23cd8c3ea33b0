import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { GlyphAtlas, PHASES } from './glyph-atlas.ts';

const require = createRequire(import.meta.url);
const font = create(readFileSync(require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff'))) as Font;
const glyphs = (text: string) => font.layout(text).glyphs;

describe('glyph atlas', () => {
  it('rasterises each glyph with its ink above the baseline, within the glyph’s own bounds', async () => {
    const atlas = new GlyphAtlas(font, 80, sharp);
    const [capitalH] = glyphs('H');
    await atlas.prepare([capitalH!]);
    const mask = atlas.mask(capitalH!, 0)!;
    const scale = 80 / font.unitsPerEm;
    // Ink rows: a capital H spans the cap height above the baseline and nothing below it.
    const inkRows = [...Array(mask.height).keys()].filter((row) =>
      mask.alpha.subarray(row * mask.width, (row + 1) * mask.width).some((a) => a > 128),
    );
    expect(mask.top + inkRows[0]!).toBeCloseTo(-font.capHeight * scale, -0.5);
    expect(mask.top + inkRows.at(-1)! + 1).toBe(0);
    // Solid stems: fully covered pixels exist.
    expect(Math.max(...mask.alpha)).toBe(255);
  });

  it('shifts each sub-pixel phase right by a fraction of a pixel', async () => {
    const atlas = new GlyphAtlas(font, 56, sharp);
    const [l] = glyphs('l');
    await atlas.prepare([l!]);
    const centre = (phase: number) => {
      const mask = atlas.mask(l!, phase)!;
      let sum = 0;
      let weighted = 0;
      mask.alpha.forEach((a, i) => {
        sum += a;
        weighted += a * (i % mask.width);
      });
      return mask.left + weighted / sum;
    };
    for (let phase = 1; phase < PHASES; phase++) expect(centre(phase) - centre(0)).toBeCloseTo(phase / PHASES, 1);
  });

  it('draws a glyph the same whichever glyphs share its batch, so cards do not depend on drawing order', async () => {
    const alone = new GlyphAtlas(font, 68, sharp);
    const crowd = new GlyphAtlas(font, 68, sharp);
    const [g] = glyphs('g');
    await alone.prepare([g!]);
    await crowd.prepare([...glyphs('Backend engineering at scale, with queues and caches'), g!]);
    for (let phase = 0; phase < PHASES; phase++) expect(crowd.mask(g!, phase)).toEqual(alone.mask(g!, phase));
  });

  it('makes a card drawn while another card’s glyphs are rasterised wait for them', async () => {
    const atlas = new GlyphAtlas(font, 34, sharp);
    const first = glyphs('Queues');
    const second = glyphs('Queue');
    // Both start before either finishes; the second needs only glyphs the first is drawing.
    await Promise.all([atlas.prepare(first), atlas.prepare(second).then(() => second.map((glyph) => atlas.mask(glyph, 0)))]);
    for (const glyph of second) expect(atlas.mask(glyph, 0)).not.toBeNull();
  });

  it('has no mask for a space, and says so when asked for a glyph it was not given', async () => {
    const atlas = new GlyphAtlas(font, 30, sharp);
    const [space, x] = glyphs(' x');
    await atlas.prepare([space!]);
    expect(atlas.mask(space!, 0)).toBeNull();
    expect(() => atlas.mask(x!, 0)).toThrow(/not prepared/);
  });
});
