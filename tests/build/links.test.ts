import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, formatProblems } from '../../scripts/check-links';
import { requireDist } from '../support/dist';

describe('internal links in the built site', () => {
  it('all resolve to a file, and every #fragment exists on its page', () => {
    const report = checkLinks(requireDist());
    expect(report.pagesChecked).toBeGreaterThan(60);
    expect(formatProblems(report.problems)).toBe('');
  });
});

describe('the link checker (planted defects)', () => {
  const dist = mkdtempSync(join(tmpdir(), 'atlas-links-'));
  mkdirSync(join(dist, 'skills/redis'), { recursive: true });
  writeFileSync(join(dist, 'skills/redis/index.html'), '<html><body><h2 id="caching">Caching</h2></body></html>');
  writeFileSync(
    join(dist, 'index.html'),
    [
      '<html><body>',
      '<a href="/skills/redis/">ok</a>',
      '<a href="/skills/redis/#caching">ok fragment</a>',
      '<a href="/skills/redsi/">typo</a>',
      '<a href="/skills/redis/#cache">missing fragment</a>',
      '<img src="/images/missing.png" alt="x">',
      '<a href="https://example.com/">external</a>',
      '</body></html>',
    ].join('\n'),
  );
  const report = checkLinks(dist);

  it('reports a link to a page that does not exist, with file and line', () => {
    expect(formatProblems(report.problems)).toContain(
      'dist/index.html:4: broken link: <a href="/skills/redsi/"> points to /skills/redsi/, but dist/ has no file there',
    );
  });

  it('reports a fragment that names no element on its target page', () => {
    expect(formatProblems(report.problems)).toContain(
      'dist/index.html:5: broken link: <a href="/skills/redis/#cache"> points to #cache, but skills/redis/index.html has no element with id="cache"',
    );
  });

  it('reports a missing image', () => {
    expect(report.problems.map((p) => p.target)).toContain('/images/missing.png');
  });

  it('lists external links without failing on them', () => {
    expect(report.problems).toHaveLength(3);
    expect(report.external.map((e) => e.url)).toEqual(['https://example.com/']);
  });
});
