import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OG_HEIGHT, OG_WIDTH, renderOgImage, titleFontSize } from './og-image.ts';
import { tempDir } from '../../../tests/support/temp-files.ts';

const card = { title: 'Backend work at agencies and consultancies', kicker: 'Career path · Workplaces', address: 'example.org/paths/agencies/' };
const TEXT = [0xf4, 0xf6, 0xf9];
const ACCENT = [0x7c, 0xb8, 0xff];
const BACKGROUND = [0x10, 0x15, 0x1c];

/** The card decoded by sharp: which rows hold pixels of a colour, and the colour of one pixel. */
async function decode(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
  const same = (a: number[], b: number[]) => a.every((value, i) => value === b[i]);
  const rowsWith = (colour: number[], from = 0, to = info.width) =>
    [...Array(info.height).keys()].filter((y) => [...Array(to - from).keys()].some((x) => same(at(from + x, y), colour)));
  /** Bands of consecutive rows, e.g. the lines of the title. */
  const bands = (rows: number[]) =>
    rows.reduce<number[][]>((all, y) => (all.at(-1)?.at(-1) === y - 1 ? all.at(-1)!.push(y) : all.push([y]), all), []);
  return { info, at, rowsWith, bands };
}

describe('social card images', () => {
  it('renders a small palette PNG of the Open Graph size', async () => {
    const png = await renderOgImage(card, 'Backend Atlas');
    const { info } = await decode(png);
    expect([info.width, info.height]).toEqual([OG_WIDTH, OG_HEIGHT]);
    expect(png[25]).toBe(3); // colour type: palette
    expect(png.length).toBeLessThan(25_000);
  });

  it('draws the frame, the site name, the kicker in the accent colour and the title in lines of text', async () => {
    const { at, rowsWith, bands } = await decode(await renderOgImage(card, 'Backend Atlas'));
    expect(at(600, 5)).toEqual(ACCENT); // top border
    expect(at(600, 300 + 320)).toEqual(BACKGROUND);
    const textLines = bands(rowsWith(TEXT, 72, 1100));
    // Site name, then the title's two lines ("Backend work at agencies / and consultancies" at 68 px).
    expect(textLines).toHaveLength(3);
    expect(textLines[0]![0]).toBeLessThan(130);
    const titleLines = textLines.slice(1);
    for (const line of titleLines) expect(line.length).toBeGreaterThan(45);
    // The kicker sits between the site name and the title.
    const kicker = bands(rowsWith(ACCENT, 72, 800).filter((y) => y > 20));
    expect(kicker).toHaveLength(1);
    expect(kicker[0]![0]).toBeGreaterThan(textLines[0]!.at(-1)!);
    expect(kicker[0]!.at(-1)).toBeLessThan(titleLines[0]![0]!);
  });

  it('clamps a very long title to three lines', async () => {
    const long = { ...card, title: Array(8).fill('Scaling message queues across regions').join(' ') };
    const { rowsWith, bands } = await decode(await renderOgImage(long, 'Backend Atlas'));
    expect(bands(rowsWith(TEXT, 72, 1100)).length).toBe(1 + 3);
  });

  it('draws the same card to the same bytes, and different text to different bytes', async () => {
    const first = await renderOgImage(card, 'Backend Atlas');
    expect(await renderOgImage({ ...card }, 'Backend Atlas')).toEqual(first);
    expect(await renderOgImage({ ...card, address: 'example.org/paths/agency/' }, 'Backend Atlas')).not.toEqual(first);
  });

  it('reuses the PNG of a card it has drawn before, from the cache folder', async () => {
    const cache = tempDir('og');
    const first = await renderOgImage(card, 'Backend Atlas', cache);
    expect(readdirSync(cache)).toHaveLength(1);
    const second = await renderOgImage(card, 'Backend Atlas', cache);
    expect(second).toEqual(first);
    await renderOgImage({ ...card, title: 'Another title' }, 'Backend Atlas', cache);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('sets long titles smaller so they fit in three lines', () => {
    expect(titleFontSize('Redis')).toBeGreaterThan(titleFontSize(card.title));
  });
});
