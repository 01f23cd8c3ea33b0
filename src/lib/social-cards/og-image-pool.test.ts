import { describe, expect, it } from 'vitest';
import { renderOgImage } from './og-image.ts';
import { OgImagePool } from './og-image-pool.ts';
import { tempDir } from '../../../tests/support/temp-files.ts';

const cards = ['Redis', 'Kubernetes', 'Backend work at agencies and consultancies'].map((title) => ({
  title,
  kicker: 'Skill',
  address: 'example.org/x/',
}));

describe('OgImagePool', () => {
  it('draws on worker threads exactly the images this thread would', async () => {
    const pool = new OgImagePool(2);
    try {
      const fromPool = await Promise.all(cards.map((card) => pool.render(card, 'Backend Atlas')));
      const inline = await Promise.all(cards.map((card) => renderOgImage(card, 'Backend Atlas')));
      expect(fromPool.map((png) => Buffer.from(png).toString('base64'))).toEqual(inline.map((png) => Buffer.from(png).toString('base64')));
    } finally {
      await pool.close();
    }
  });

  it('passes the cache folder on, so workers reuse cards drawn before', async () => {
    const cache = tempDir('og-pool');
    const pool = new OgImagePool(1);
    try {
      const first = await pool.render(cards[0]!, 'Backend Atlas', cache);
      expect(await renderOgImage(cards[0]!, 'Backend Atlas', cache)).toEqual(first);
    } finally {
      await pool.close();
    }
  });

  it('draws on the calling thread when asked for no workers', async () => {
    const pool = new OgImagePool(0);
    expect((await pool.render(cards[1]!, 'Backend Atlas')).length).toBeGreaterThan(1000);
    await pool.close();
  });
});
