/**
 * Reader comforts in the built site: the feed, social cards, "edit this page",
 * the theme script in <head>, and the print stylesheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedContent } from '../support/content-files';
import { DIST, distFiles, htmlPages, page } from '../support/dist';

const SITE = 'https://backend-atlas.example.org';
const REPOSITORY = 'https://github.com/backend-atlas/backend-atlas';
const content = publishedContent();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number; bytes: number } {
  const data = readFileSync(join(DIST, file));
  expect(data.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bytes: data.length };
}

describe('the RSS feed', () => {
  const xml = readFileSync(join(DIST, 'rss.xml'), 'utf8');
  // The feed's own structure is simple and flat: read each item's elements by name.
  const items = xml
    .split('<item>')
    .slice(1)
    .map((item) => {
      const field = (name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(item)?.[1] ?? '';
      return { link: field('link'), pubDate: field('pubDate'), guid: field('guid'), guidTag: /<guid[^>]*>/.exec(item)?.[0] ?? '' };
    });

  it('has an item for every published page, newest first, with a link that exists', () => {
    expect(items.map((item) => item.link).sort()).toEqual(content.map((e) => `${SITE}/${e.collection}/${e.id}/`).sort());
    const dates = items.map((item) => Date.parse(item.pubDate));
    expect(dates.every((date) => !Number.isNaN(date))).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of items) {
      const path = item.link.slice(SITE.length);
      expect(distFiles(), path).toContain(`${path.slice(1)}index.html`);
    }
  });

  it('gives each update its own guid, so readers show an updated page again', () => {
    for (const item of items) {
      expect(item.guidTag).toBe('<guid isPermaLink="false">');
      expect(item.guid).toBe(`${item.link}#updated-${new Date(item.pubDate).toISOString().slice(0, 10)}`);
    }
  });

  it('names itself with an atom:link and is announced in the head of every page', () => {
    expect(xml).toContain(`<atom:link href="${SITE}/rss.xml" rel="self" type="application/rss+xml"/>`);
    for (const file of htmlPages()) {
      expect(page(file).querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href'), file).toBe('/rss.xml');
    }
  });
});

describe('social cards (Open Graph images)', () => {
  const pages = htmlPages().filter((file) => file !== '404.html');

  it('gives every page an image that exists: 1200 × 630, under 40 KB, with its text as alt', () => {
    for (const file of pages) {
      const html = page(file);
      const url = html.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
      expect(url, file).toMatch(new RegExp(`^${SITE}/og/.+\\.png$`));
      expect(html.querySelector('meta[name="twitter:image"]')?.getAttribute('content'), file).toBe(url);
      expect(html.querySelector('meta[property="og:image:width"]')?.getAttribute('content')).toBe('1200');
      expect(html.querySelector('meta[property="og:image:height"]')?.getAttribute('content')).toBe('630');
      expect(html.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')?.length, file).toBeGreaterThan(5);
      expect(html.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary_large_image');
      const size = pngSize(url.slice(SITE.length + 1));
      expect([size.width, size.height], url).toEqual([1200, 630]);
      expect(size.bytes, url).toBeLessThan(40_000);
    }
  });

  it('draws each entry’s own card, whose alt text is the title and label on it', () => {
    for (const entry of content) {
      const html = page(`${entry.collection}/${entry.id}/index.html`);
      expect(html.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(`${SITE}/og/${entry.collection}/${entry.id}.png`);
      const kicker = html.querySelector('.kicker')!.text.trim();
      expect(html.querySelector('meta[property="og:image:alt"]')?.getAttribute('content'), entry.file).toBe(`${kicker}: ${entry.data['title']}`);
    }
  });

  it('draws different cards for different pages', () => {
    const cards = distFiles().filter((file) => file.startsWith('og/'));
    const bytes = new Set(cards.map((file) => readFileSync(join(DIST, file)).toString('base64')));
    expect(bytes.size).toBe(cards.length);
  });
});

describe('entry pages', () => {
  it('link to their source file for editing and for its history', () => {
    for (const entry of content) {
      const links = page(`${entry.collection}/${entry.id}/index.html`).querySelectorAll('.edit-link a');
      expect(
        links.map((a) => [a.text.trim(), a.getAttribute('href')]),
        entry.file,
      ).toEqual([
        ['Edit this page', `${REPOSITORY}/edit/main/${entry.file}`],
        ['Page history', `${REPOSITORY}/commits/main/${entry.file}`],
      ]);
    }
  });

  it('list the learning path and compare sections of a role in its table of contents', () => {
    const html = page('roles/backend-developer/index.html');
    const toc = html.querySelectorAll('.toc a').map((a) => a.getAttribute('href'));
    expect(toc).toContain('#learning-path');
    expect(toc).toContain('#compare-roles');
    // The section opens the whole path, which has a page of its own with every skill the role lists.
    const link = html.querySelector('.learning-path-summary a[href="/roles/backend-developer/learning-path/"]');
    expect(link?.text).toBe('The whole learning path for a backend developer');
    const whole = page('roles/backend-developer/learning-path/index.html');
    expect(whole.querySelectorAll('.learning-path ol.steps > li').length).toBeGreaterThanOrEqual(
      (content.find((e) => e.id === 'backend-developer')!.data['skills'] as unknown[]).length,
    );
  });
});

describe('the theme script', () => {
  it('runs in <head> before any stylesheet, so the first paint has the stored theme', () => {
    for (const file of ['index.html', 'skills/redis/index.html', 'skills/matrix/index.html']) {
      const head = readFileSync(join(DIST, file), 'utf8').split('</head>')[0]!;
      const script = head.indexOf('localStorage.getItem("atlas-theme")');
      expect(script, file).toBeGreaterThan(0);
      expect(head.indexOf('rel="stylesheet"'), file).toBeGreaterThan(script);
    }
  });
});

describe('the print stylesheet', () => {
  const css = distFiles()
    .filter((file) => file.startsWith('_astro/') && file.endsWith('.css'))
    .map((file) => readFileSync(join(DIST, file), 'utf8'))
    .join('\n');

  it('prints light, without navigation, with the address after each link', () => {
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/color-scheme:\s*light\s*!important/);
    expect(print).toMatch(/\.site-header[^{]*\{[^}]*display:\s*none/);
    expect(print).toMatch(/content:\s*" \(" attr\(href\) "\)"/);
  });
});
