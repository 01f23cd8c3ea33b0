/**
 * The real built site (dist/ after `npm run build`): every entry has its page,
 * every page has the structure and metadata readers and search engines rely on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, IMMUTABLE } from '../../src/integrations/hosting/response-headers';
import { publishedContent, readContentFiles } from '../support/content-files';
import { DIST, htmlPages, page, requireDist, urlPathOf } from '../support/dist';

requireDist();
const entries = publishedContent();
const COLLECTIONS = ['guides', 'roles', 'responsibilities', 'skills', 'paths'];

describe('every entry has a page', () => {
  it.each(entries.map((e) => [`${e.collection}/${e.id}`, e] as const))('%s', (_, entry) => {
    const html = page(`${entry.collection}/${entry.id}/index.html`);
    expect(html.querySelectorAll('h1').map((h) => h.text.trim())).toEqual([entry.data['title']]);
    expect(html.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(entry.data['description']);
    expect(html.querySelector('[data-pagefind-body]'), 'entry is indexed for search').not.toBeNull();
  });

  it('publishes no draft', () => {
    for (const draft of readContentFiles().filter((f) => f.data['draft'] === true)) {
      expect(existsSync(join(DIST, draft.collection, draft.id))).toBe(false);
    }
  });

  it('lists every entry on its collection index page, and nothing else', () => {
    for (const collection of COLLECTIONS) {
      const links = page(`${collection}/index.html`)
        .querySelectorAll('main .entry-list a')
        .map((a) => a.getAttribute('href'));
      const expected = entries.filter((e) => e.collection === collection).map((e) => `/${collection}/${e.id}/`);
      expect(links.sort()).toEqual(expected.sort());
    }
  });

  it('links every entry from the home page', () => {
    const links = new Set(
      page('index.html')
        .querySelectorAll('main a')
        .map((a) => a.getAttribute('href')),
    );
    for (const entry of entries) expect(links, entry.file).toContain(`/${entry.collection}/${entry.id}/`);
  });
});

describe('entry page structure', () => {
  const redis = page('skills/redis/index.html');

  it('has breadcrumbs ending at the current page', () => {
    const crumbs = redis.querySelectorAll('nav[aria-label="Breadcrumb"] a');
    expect(crumbs.map((a) => a.text.trim())).toEqual(['Home', 'Skills', 'Redis']);
    expect(crumbs.at(-1)?.getAttribute('aria-current')).toBe('page');
  });

  it('has a table of contents whose links match the h2/h3 ids', () => {
    const tocTargets = redis.querySelectorAll('.toc a').map((a) => a.getAttribute('href')!.slice(1));
    const headingIds = redis
      .querySelectorAll('.prose h2[id], .prose h3[id]')
      .map((h) => h.id)
      .filter((id) => id !== 'sources-heading');
    expect(tocTargets.length).toBeGreaterThan(2);
    expect(tocTargets).toEqual(headingIds);
  });

  it('shows reading time and the last-updated date from frontmatter', () => {
    expect(redis.querySelector('.meta')?.text).toMatch(/\d+ min read/);
    expect(redis.querySelector('.meta time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows related entries derived from the graph, including reverse links', () => {
    const related = redis.querySelector('.related');
    const headings = related?.querySelectorAll('h3').map((h) => h.text.trim());
    expect(headings).toContain('Part of');
    expect(headings).toContain('Roles that need it'); // derived: roles list the skill, not the other way round
  });

  it('links to the previous and next entry in the collection', () => {
    expect(
      redis
        .querySelectorAll('.pager a[rel]')
        .map((a) => a.getAttribute('rel'))
        .sort(),
    ).toEqual(['next', 'prev']);
  });

  it('renders MDX components without imports', () => {
    const withCallout = entries.find((e) => e.body.includes('<Callout'));
    const withTakeaways = entries.find((e) => e.body.includes('<KeyTakeaways'));
    expect(withCallout && page(`${withCallout.collection}/${withCallout.id}/index.html`).querySelector('aside.callout')).toBeTruthy();
    expect(withTakeaways && page(`${withTakeaways.collection}/${withTakeaways.id}/index.html`).querySelector('aside.takeaways')).toBeTruthy();
  });
});

describe('site-wide metadata', () => {
  const pages = htmlPages();

  it.each(pages)('%s has one h1, lang, a title, a description, a canonical URL and Open Graph tags', (file) => {
    const html = page(file);
    expect(html.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(html.querySelectorAll('h1')).toHaveLength(1);
    expect(html.querySelector('title')?.text.trim()).toBeTruthy();
    const description = html.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
    expect(description.length).toBeGreaterThanOrEqual(50);
    expect(description.length).toBeLessThanOrEqual(160);
    const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute('href');
    if (file === '404.html') expect(canonical, 'the 404 page has no canonical URL').toBeUndefined();
    else expect(canonical).toBe(new URL(urlPathOf(file), 'https://backend-atlas.example.org').href);
    expect(html.querySelector('meta[property="og:title"]')).not.toBeNull();
    expect(html.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
    expect(html.querySelector('main#main')).not.toBeNull();
  });

  it('gives every page a unique title and description', () => {
    const seen = new Map<string, string>();
    for (const file of pages) {
      const html = page(file);
      for (const key of [html.querySelector('title')!.text, html.querySelector('meta[name="description"]')!.getAttribute('content')!]) {
        expect(seen.get(key), `"${key}" is used by ${seen.get(key)} and ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });
});

describe('sitemap, robots and 404', () => {
  it('lists exactly the published pages in the sitemap', () => {
    const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.slice(1));
    const listed = sitemaps.flatMap((file) =>
      [...readFileSync(join(DIST, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
    );
    const expected = htmlPages()
      .filter((file) => file !== '404.html')
      .map(urlPathOf);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('points robots.txt at the sitemap', () => {
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toContain('Sitemap: https://backend-atlas.example.org/sitemap-index.xml');
  });

  it('has a 404 page that is not indexed', () => {
    const html = page('404.html');
    expect(html.querySelector('h1')?.text).toBe('Page not found');
    expect(html.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });
});

describe('search index', () => {
  it('has one title index for the header search, every page’s search box linking it, with every published page in it', () => {
    const files = readdirSync(join(DIST, 'search')).filter((file) => /^titles-[\w-]+\.json$/.test(file));
    expect(files).toHaveLength(1);
    const url = `/search/${files[0]}`;
    expect(cacheControlFor(url)).toBe(IMMUTABLE);
    const index = JSON.parse(readFileSync(join(DIST, url), 'utf8')) as { pages: [string, string, string, string, string][] };
    expect(index.pages.map(([path]) => path).sort()).toEqual(entries.map((entry) => `/${entry.collection}/${entry.id}/`).sort());
    for (const file of htmlPages()) {
      const box = page(file).querySelector('atlas-search[data-mode="popup"]');
      if (box) expect(box.getAttribute('data-titles'), file).toBe(url);
    }
  });

  it('is built, with the collection as a filter', () => {
    expect(existsSync(join(DIST, 'pagefind/pagefind.js'))).toBe(true);
    const filterFiles = readdirSync(join(DIST, 'pagefind/filter'));
    expect(filterFiles.length).toBeGreaterThan(0);
  });

  it('indexes article bodies only, not indexes, home or search pages', () => {
    for (const file of ['index.html', 'search/index.html', '404.html', ...COLLECTIONS.map((c) => `${c}/index.html`)]) {
      expect(page(file).querySelector('[data-pagefind-body]'), file).toBeNull();
    }
  });

  it('has everything Pagefind reads inside the one element it starts from (--root-selector, src/integrations/search/index.ts)', () => {
    const read = '[data-pagefind-filter], [data-pagefind-meta], [data-pagefind-sort], [data-pagefind-weight], [data-pagefind-index-attrs]';
    let checked = 0;
    for (const file of htmlPages()) {
      const html = page(file);
      const bodies = html.querySelectorAll('[data-pagefind-body]');
      const marked = html.querySelectorAll(read);
      if (bodies.length === 0) {
        expect(
          marked.map((element) => element.outerHTML.slice(0, 80)),
          `${file}: not indexed, so nothing for Pagefind`,
        ).toEqual([]);
        continue;
      }
      expect(bodies, `${file}: one element marked data-pagefind-body`).toHaveLength(1);
      const outside = marked.filter((element) => element.closest('[data-pagefind-body]') === null);
      expect(
        outside.map((element) => element.outerHTML.slice(0, 80)),
        `${file}: Pagefind attributes outside data-pagefind-body`,
      ).toEqual([]);
      checked += marked.length;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('loads no search code on an article until the reader asks for it', () => {
    // The search loader's inline script names Pagefind's files, to preload them on focus: only
    // what the page itself loads counts.
    const html = readFileSync(join(DIST, 'skills/redis/index.html'), 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    expect(html).not.toContain('pagefind/pagefind.js');
    expect(html).not.toMatch(/<link[^>]+pagefind/);
  });
});
