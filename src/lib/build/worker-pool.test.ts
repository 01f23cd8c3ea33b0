import { describe, expect, it } from 'vitest';
import type { OgJob } from '../social-cards/og-worker.ts';
import { WorkerPool } from './worker-pool.ts';

// WorkerPool runs real jobs in og-image-pool.test.ts and article/render-pool.test.ts; this covers its end.
describe('worker pools', () => {
  it('refuses jobs once closed instead of leaving them waiting for a worker that is gone', async () => {
    const pool = new WorkerPool<OgJob, Uint8Array>('src/lib/social-cards/og-worker.ts', 1);
    await pool.close();
    await expect(pool.run({ card: { title: 'Redis', kicker: 'Skill', address: 'example.org/' }, siteName: 'Backend Atlas' })).rejects.toThrow(
      /closed/,
    );
  });
});
