import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, formatProblems, writeExternalReport } from '../../scripts/check-links';
import { htmlPages, requireDist } from '../support/dist';
import { ROOT } from '../support/fixture-build';

/** Where the run leaves the external-links list for review (not fetched in tests). */
const EXTERNAL_REPORT = join(process.env['ATLAS_REPORTS_DIR'] ?? join(ROOT, 'reports'), 'external-links.json');

describe('links in the built site', () => {
  const report = checkLinks(requireDist());

  it('all resolve to a file, and every #fragment exists on its page', () => {
    expect(report.pagesChecked).toBe(htmlPages().length);
    expect(formatProblems(report.problems)).toBe('');
  });

  it(`lists every external link with the pages that use it in ${EXTERNAL_REPORT.slice(ROOT.length + 1) || EXTERNAL_REPORT}`, () => {
    const written = writeExternalReport(report, EXTERNAL_REPORT);
    expect(JSON.parse(readFileSync(EXTERNAL_REPORT, 'utf8'))).toEqual(written);
    expect(written.links.map((link) => link.url)).toEqual([...new Set(report.external.map((e) => e.url))].sort((a, b) => a.localeCompare(b)));
    expect(written.links.every((link) => link.pages.length > 0 && /^https?:\/\//.test(link.url))).toBe(true);
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
      '<img src="/skills/redis/index.html" srcset="/images/chart-1x.png 1x, /images/chart-2x.png 2x" alt="x">',
      '<form action="/serch/"><button>Go</button></form>',
      '<a href="https://example.com/">external again</a>',
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

  it('reports every candidate of a srcset and a form action that lead nowhere', () => {
    expect(formatProblems(report.problems.slice(3))).toBe(
      [
        'dist/index.html:8: broken link: <img srcset="/images/chart-1x.png"> points to /images/chart-1x.png, but dist/ has no file there',
        'dist/index.html:8: broken link: <img srcset="/images/chart-2x.png"> points to /images/chart-2x.png, but dist/ has no file there',
        'dist/index.html:9: broken link: <form action="/serch/"> points to /serch/, but dist/ has no file there',
      ].join('\n'),
    );
  });

  it('lists external links once per URL, with their pages, without failing on them', () => {
    expect(report.problems).toHaveLength(6);
    expect(report.external.map((e) => e.url)).toEqual(['https://example.com/', 'https://example.com/']);
    const file = join(dist, '..', `${dist.split('/').pop()}-external.json`);
    expect(writeExternalReport(report, file)).toEqual({ pagesChecked: 2, links: [{ url: 'https://example.com/', pages: ['index.html'] }] });
  });
});
