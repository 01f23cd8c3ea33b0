import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { layoutText, singleLine, type TextLine, TextShaper } from './text-layout.ts';

const require = createRequire(import.meta.url);
const font = create(readFileSync(require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff'))) as Font;
const shaper = new TextShaper(font, 80);
const text = (line: TextLine) => line.glyphs.map((placed) => String.fromCodePoint(...placed.glyph.codePoints)).join('');

describe('social card text layout', () => {
  it('applies the font’s kerning: "AV" is narrower than "A" and "V" set apart', () => {
    expect(shaper.shape('AV').width).toBeLessThan(shaper.shape('A').width + shaper.shape('V').width - 1);
  });

  it('adds letter spacing after every glyph', () => {
    const spaced = new TextShaper(font, 80, 3);
    expect(spaced.shape('GUIDE').width).toBeCloseTo(shaper.shape('GUIDE').width + 5 * 3, 5);
  });

  it('wraps at spaces, keeping every line within the width', () => {
    const lines = layoutText(new TextShaper(font, 68), 'Backend work at agencies and consultancies', { maxWidth: 1000 });
    expect(lines.map(text)).toEqual(['Backend work at agencies', 'and consultancies']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(1000);
    // Glyphs advance left to right from 0.
    const xs = lines[0]!.glyphs.map((placed) => placed.x);
    expect(xs[0]).toBe(0);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('clamps to the line limit and ends the last line with an ellipsis that fits', () => {
    const long = 'Choosing between PostgreSQL, MySQL and SQLite for a new service that must scale to many tenants in three regions';
    const lines = layoutText(shaper, long, { maxWidth: 700, maxLines: 3 });
    expect(lines).toHaveLength(3);
    expect(text(lines[2]!)).toMatch(/\S…$/);
    expect(lines[2]!.width).toBeLessThanOrEqual(700);
    expect(layoutText(shaper, long, { maxWidth: 700 }).length).toBeGreaterThan(3);
  });

  it('splits a word wider than a line between glyphs instead of letting it overflow', () => {
    const lines = layoutText(shaper, 'Supercalifragilisticexpialidocious', { maxWidth: 400 });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(text).join('')).toBe('Supercalifragilisticexpialidocious');
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(400);
  });

  it('keeps a single line to the width with an ellipsis, and leaves short text alone', () => {
    const address = 'example.org/guides/a-very-long-address-that-goes-on-and-on-and-on/';
    const cut = singleLine(shaper, address, 600);
    expect(cut.width).toBeLessThanOrEqual(600);
    expect(address.startsWith(text(cut).slice(0, -1))).toBe(true);
    expect(text(cut).endsWith('…')).toBe(true);
    expect(text(singleLine(shaper, 'Redis', 600))).toBe('Redis');
  });
});
