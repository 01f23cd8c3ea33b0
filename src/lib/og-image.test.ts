import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OG_HEIGHT, OG_WIDTH, ogCardSvg, renderOgImage, titleFontSize } from './og-image.ts';

const card = { title: 'Backend work at agencies and consultancies', kicker: 'Career path · Workplaces', address: 'example.org/paths/agencies/' };
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('social card images', () => {
  it('draws the text as vector paths, so no font has to be installed to view or rasterise it', async () => {
    const svg = await ogCardSvg(card, 'Backend Atlas');
    expect(svg).toMatch(/^<svg[^>]+width="1200"[^>]+height="630"/);
    expect(svg).not.toContain('<text');
    expect(svg).toContain('<path');
  });

  it('renders a small PNG of the Open Graph size', async () => {
    const png = await renderOgImage(card, 'Backend Atlas');
    expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
    expect(pngSize(png)).toEqual([OG_WIDTH, OG_HEIGHT]);
    expect(png.length).toBeLessThan(40_000);
  });

  it('reuses the PNG of a card it has drawn before, from the cache folder', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'atlas-og-'));
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
