/**
 * Structured data (JSON-LD) on the built pages: it parses, each entry page says
 * what it is (Occupation for roles, TechArticle for the rest) with the properties
 * that type needs, filled from the content, and every breadcrumb trail is mirrored
 * as a BreadcrumbList.
 */
import { describe, expect, it } from 'vitest';
import { citedSourceUrls, publishedContent } from '../support/content-files';
import { htmlPages, page } from '../support/dist';

type Node = Record<string, unknown> & { '@type'?: string };
const SITE = 'https://backend-atlas.example.org';
const content = publishedContent();
const titleOf = (collection: string, id: string) => String(content.find((e) => e.collection === collection && e.id === id)?.data['title']);

/** Every JSON-LD node on a page: the documents, and the members of any @graph. */
function jsonLd(file: string): Node[] {
  return page(file)
    .querySelectorAll('script[type="application/ld+json"]')
    .flatMap((script) => {
      const document = JSON.parse(script.textContent) as Node & { '@graph'?: Node[] };
      expect(document['@context'], file).toBe('https://schema.org');
      return document['@graph'] ?? [document];
    });
}
const ofType = (file: string, type: string) => jsonLd(file).filter((node) => node['@type'] === type);

describe('JSON-LD', () => {
  it('parses on every page', () => {
    for (const file of htmlPages()) expect(() => jsonLd(file), file).not.toThrow();
  });

  it.each(content.filter((e) => e.collection === 'roles').map((e) => [e.id, e] as const))(
    'roles/%s is an Occupation with its core skills, responsibilities and O*NET-SOC code',
    (id, role) => {
      const [occupation] = ofType(`roles/${id}/index.html`, 'Occupation');
      expect(occupation, role.file).toBeDefined();
      expect(occupation!['name']).toBe(role.data['title']);
      expect(occupation!['description']).toBe(role.data['description']);
      expect(occupation!['url']).toBe(`${SITE}/roles/${id}/`);
      const skills = occupation!['skills'] as { '@type': string; name: string; url: string }[];
      expect(skills.map((s) => s.url)).toEqual(
        (role.data['skills'] as { skill: string; level: string }[]).filter((s) => s.level === 'core').map((s) => `${SITE}/skills/${s.skill}/`),
      );
      expect(skills.every((s) => s['@type'] === 'DefinedTerm' && s.name.length > 0)).toBe(true);
      expect(occupation!['responsibilities']).toEqual((role.data['responsibilities'] as string[]).map((r) => titleOf('responsibilities', r)));
      const code = role.data['onetSoc'] as string | undefined;
      if (code) {
        expect(occupation!['occupationalCategory']).toMatchObject({
          '@type': 'CategoryCode',
          codeValue: code,
          inCodeSet: { '@type': 'CategoryCodeSet' },
        });
      } else {
        expect(occupation!['occupationalCategory']).toBeUndefined();
      }
    },
  );

  it('makes every other entry a TechArticle with headline, dates, reading time and its sources', () => {
    for (const entry of content.filter((e) => e.collection !== 'roles')) {
      const [article] = ofType(`${entry.collection}/${entry.id}/index.html`, 'TechArticle');
      expect(article, entry.file).toBeDefined();
      expect(article!['headline']).toBe(entry.data['title']);
      expect(article!['dateModified']).toBe(new Date(entry.data['updated'] as string).toISOString().slice(0, 10));
      expect(article!['timeRequired']).toMatch(/^PT\d+M$/);
      expect(article!['image']).toBe(`${SITE}/og/${entry.collection}/${entry.id}.png`);
      expect(
        ((article!['citation'] as { url: string }[] | undefined) ?? []).map((c) => c.url),
        entry.file,
      ).toEqual(citedSourceUrls(entry));
    }
  });

  it('mirrors every breadcrumb trail as a BreadcrumbList with the same names and absolute URLs', () => {
    const trails: string[] = [];
    for (const file of htmlPages()) {
      const crumbs = page(file).querySelectorAll('nav[aria-label="Breadcrumb"] a');
      const lists = ofType(file, 'BreadcrumbList');
      if (crumbs.length === 0) {
        expect(lists, file).toHaveLength(0);
        continue;
      }
      trails.push(file);
      expect(lists, file).toHaveLength(1);
      const items = lists[0]!['itemListElement'] as { position: number; name: string; item: string }[];
      expect(
        items.map((i) => [i.position, i.name, i.item]),
        file,
      ).toEqual(crumbs.map((a, index) => [index + 1, a.text.trim(), `${SITE}${a.getAttribute('href')}`]));
    }
    // Every entry, collection index and view has a trail.
    const expected = [
      ...content.map((e) => `${e.collection}/${e.id}/index.html`),
      ...['guides', 'roles', 'responsibilities', 'skills', 'paths'].map((c) => `${c}/index.html`),
      ...htmlPages().filter((f) => /^(compare|api)\//.test(f)),
      'skills/matrix/index.html',
      'paths/map/index.html',
    ];
    expect(expected.filter((file) => !trails.includes(file))).toEqual([]);
  });

  it('names the site and publisher on every page that has structured data, once each', () => {
    for (const file of htmlPages().filter((f) => f !== '404.html')) {
      const nodes = jsonLd(file);
      if (!nodes.some((n) => n['@type'] !== 'BreadcrumbList')) continue;
      expect(
        nodes.filter((n) => n['@type'] === 'WebSite'),
        file,
      ).toHaveLength(1);
      expect(
        nodes.filter((n) => n['@type'] === 'Organization'),
        file,
      ).toHaveLength(1);
    }
  });
});
