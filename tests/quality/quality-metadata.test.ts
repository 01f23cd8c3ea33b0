/**
 * Metadata of every built page: lang, unique title and description, the page's own
 * canonical URL, Open Graph URL and image, valid JSON-LD, and a sitemap that lists
 * exactly the published pages. Planted defects prove the check catches each of them.
 */
import { describe, expect, it } from 'vitest';
import { checkMetadata } from '../../scripts/check-metadata';
import { formatPageProblems } from '../../scripts/page-problems';
import { siteConfig } from '../../site.config.mjs';
import { htmlPages, requireDist } from '../support/dist';
import { FIXTURE_SITE, fixturePage, sitemapFiles, writeSite } from '../support/quality-fixtures';

describe('metadata of every built page', () => {
  const report = checkMetadata(requireDist(), { site: siteConfig.site, base: '/' });

  it('has no problem on any page, listing every problem with page and element', () => {
    expect(report.pagesChecked).toBe(htmlPages().length);
    expect(formatPageProblems(report.problems)).toBe('');
  });

  it('treats only the 404 page as unpublished (noindex, no canonical, no og:url, not in the sitemap)', () => {
    expect(report.unindexed).toEqual(['404.html']);
  });
});

describe('the metadata check (planted defects)', () => {
  const home = fixturePage({ path: '/', title: 'Home' });
  const about = fixturePage({ path: '/about/', title: 'About' });
  const check = (files: Record<string, string>) => checkMetadata(writeSite(files), { site: FIXTURE_SITE }).problems;
  const lines = (files: Record<string, string>) => check(files).map((p) => `${p.file} [${p.rule}] ${p.element} — ${p.message}`);

  it('passes a clean fixture site, so each planted defect below is the only problem', () => {
    expect(check({ 'index.html': home, 'about/index.html': about, ...sitemapFiles(['/', '/about/']) })).toEqual([]);
  });

  it('reports a title and a description shared by two pages, on both pages', () => {
    const twin = fixturePage({
      path: '/about/',
      title: 'Home',
      description: 'A fixture page called Home, written to test the site-wide quality checks.',
    });
    expect(lines({ 'index.html': home, 'about/index.html': twin, ...sitemapFiles(['/', '/about/']) })).toEqual([
      'about/index.html [title-unique] <title> — "Home" is also used by index.html',
      'index.html [title-unique] <title> — "Home" is also used by about/index.html',
      'about/index.html [description-unique] <meta name="description"> — "A fixture page called Home, written to test the site-wide quality checks." is also used by index.html',
      'index.html [description-unique] <meta name="description"> — "A fixture page called Home, written to test the site-wide quality checks." is also used by about/index.html',
    ]);
  });

  it('reports a missing lang, a short description and a canonical URL that is not the page’s own', () => {
    const broken = fixturePage({ path: '/', title: 'About', description: 'Too short.' })
      .replace('<html lang="en">', '<html>')
      .replace(`href="${FIXTURE_SITE}/"`, `href="${FIXTURE_SITE}/about"`);
    expect(lines({ 'about/index.html': broken, ...sitemapFiles(['/about/']) })).toEqual([
      'about/index.html [lang] <html> — has lang=""; every page needs a language tag such as lang="en"',
      'about/index.html [description] <meta name="description"> — is 10 characters; 50–160 are allowed',
      `about/index.html [canonical] <link rel="canonical" href="${FIXTURE_SITE}/about"> — should be the page's own URL, ${FIXTURE_SITE}/about/`,
      `about/index.html [open-graph] <meta property="og:url" content="${FIXTURE_SITE}/"> — should be the canonical URL, ${FIXTURE_SITE}/about/`,
    ]);
  });

  it('reports JSON-LD that does not parse, lacks a type or a required property, or links to a missing page', () => {
    const jsonLd = (data: string) => `<script type="application/ld+json">${data}</script>`;
    const page = fixturePage({
      path: '/',
      title: 'Home',
      head: [
        jsonLd('{"@context": "https://schema.org", "@type": "WebSite", "name": "Fixture", "url": "https://fixture.example.org/",}'),
        jsonLd('{"@context": "https://schema.org", "name": "No type"}'),
        jsonLd(
          JSON.stringify({
            '@context': 'https://schema.org',
            '@type': 'BreadcrumbList',
            itemListElement: [
              { '@type': 'ListItem', position: 2, name: 'Home', item: `${FIXTURE_SITE}/` },
              { '@type': 'ListItem', position: 1, name: 'Gone', item: `${FIXTURE_SITE}/gone/` },
            ],
          }),
        ),
        jsonLd(JSON.stringify({ '@context': 'https://schema.org', '@type': 'TechArticle', url: `${FIXTURE_SITE}/` })),
      ].join('\n'),
    });
    const found = lines({ 'index.html': page, ...sitemapFiles(['/']) });
    expect(found).toHaveLength(5);
    expect(found[0]).toMatch(/^index\.html \[json-ld\] <script type="application\/ld\+json"> #1 — is not valid JSON: /);
    expect(found.slice(1)).toEqual([
      'index.html [json-ld] <script type="application/ld+json"> #2 — $ has no @type',
      'index.html [json-ld] <script type="application/ld+json"> #3 — $ (BreadcrumbList) has positions [2,1]; expected [1,2]',
      'index.html [json-ld] <script type="application/ld+json"> #3 — $.itemListElement[1].item points to /gone/, which dist/ does not have',
      'index.html [json-ld] <script type="application/ld+json"> #4 — $ (TechArticle) has no headline',
    ]);
  });

  it('reports a sitemap that leaves out a published page, lists a noindex page, or a URL with no page', () => {
    const notFound = fixturePage({ path: '/404/', title: 'Page not found', noindex: true });
    expect(lines({ 'index.html': home, 'about/index.html': about, '404.html': notFound, ...sitemapFiles(['/', '/404', '/old/']) })).toEqual([
      '404.html [sitemap] <loc>https://fixture.example.org/404</loc> — the sitemap lists a page marked noindex',
      'about/index.html [sitemap] <loc>https://fixture.example.org/about/</loc> — the page is published but the sitemap does not list it',
      'sitemap-0.xml [sitemap] <loc>https://fixture.example.org/old/</loc> — the sitemap lists a URL that is no page in dist/',
    ]);
  });

  it('reports an og:url on a noindex page, which has no URL of its own', () => {
    const notFound = fixturePage({
      path: '/404/',
      title: 'Page not found',
      noindex: true,
      head: `<meta property="og:url" content="${FIXTURE_SITE}/404/">`,
    });
    expect(lines({ 'index.html': home, '404.html': notFound, ...sitemapFiles(['/']) })).toEqual([
      `404.html [open-graph] <meta property="og:url" content="${FIXTURE_SITE}/404/"> — is on a noindex page; a page that asks not to be indexed (such as the 404 page) claims no URL of its own`,
    ]);
  });

  it('reports a page without a canonical URL and an Open Graph image that is not in dist/', () => {
    const page = fixturePage({ path: '/', title: 'Home', head: `<meta property="og:image" content="${FIXTURE_SITE}/og/home.png">` }).replace(
      /\s*<link rel="canonical"[^>]*>/,
      '',
    );
    expect(lines({ 'index.html': page, ...sitemapFiles(['/']) })).toEqual([
      `index.html [canonical] <link rel="canonical"> — found 0; a published page needs exactly one, ${FIXTURE_SITE}/`,
      `index.html [open-graph] <meta property="og:image" content="${FIXTURE_SITE}/og/home.png"> — points to /og/home.png, which dist/ does not have`,
    ]);
  });
});
