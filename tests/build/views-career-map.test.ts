/**
 * The career map (/paths/map/): an SVG drawn at build time from the paths' `next`
 * links and the roles' levels, every node a working link, and the same map as lists.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedContent } from '../support/content-files';
import { DIST, page } from '../support/dist';

const content = publishedContent();
const paths = content.filter((e) => e.collection === 'paths');
const roles = content.filter((e) => e.collection === 'roles');
const map = page('paths/map/index.html');
const svg = map.querySelector('svg.career-map')!;

describe('the career map', () => {
  it('is an inline SVG named by its caption, with no image file behind it', () => {
    expect(svg).not.toBeNull();
    const labelledBy = svg.getAttribute('aria-labelledby')!;
    expect(map.getElementById(labelledBy)?.text).toMatch(/arrows show where people usually go next/);
    expect(map.querySelectorAll('main img')).toHaveLength(0);
  });

  it('draws every career path as a node that links to its page', () => {
    const hrefs = svg.querySelectorAll('a.node').map((a) => a.getAttribute('href'));
    for (const path of paths) expect(hrefs, path.file).toContain(`/paths/${path.id}/`);
  });

  it('links every node to a page that exists', () => {
    const nodes = svg.querySelectorAll('a');
    expect(nodes.length).toBeGreaterThan(paths.length);
    for (const node of nodes) {
      const href = node.getAttribute('href')!;
      expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
      expect(node.text.replace(/\s+/g, ' ').trim(), href).not.toBe('');
    }
  });

  it('draws one arrow per `next` link in the content', () => {
    const links = paths.reduce((sum, path) => sum + ((path.data['next'] as string[] | undefined) ?? []).length, 0);
    expect(svg.querySelectorAll('path.edge')).toHaveLength(links);
  });

  it('places every role that lists a level under one of its levels', () => {
    const roleNodes = svg.querySelectorAll('a.node-roles').map((a) => a.getAttribute('href'));
    const withLevel = roles.filter((role) => (role.data['paths'] as string[]).some((id) => paths.find((p) => p.id === id)?.data['kind'] === 'level'));
    expect(roleNodes.sort()).toEqual(withLevel.map((r) => `/roles/${r.id}/`).sort());
  });

  it('gives the same map as ordered lists: every path, with where it leads', () => {
    const items = map.querySelectorAll('.outline ol > li');
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href')).sort()).toEqual(paths.map((p) => `/paths/${p.id}/`).sort());
    for (const path of paths) {
      const item = items.find((li) => li.querySelector('a')!.getAttribute('href') === `/paths/${path.id}/`)!;
      const leadsTo = item.querySelectorAll('.facts li').find((li) => li.text.startsWith('Leads to'));
      const expected = ((path.data['next'] as string[] | undefined) ?? []).map((id) => `/paths/${id}/`);
      expect(leadsTo?.querySelectorAll('a').map((a) => a.getAttribute('href')) ?? [], path.file).toEqual(expected);
    }
  });

  it('is linked from the home page and the career paths index', () => {
    for (const file of ['index.html', 'paths/index.html']) {
      expect(
        page(file)
          .querySelectorAll('main a')
          .map((a) => a.getAttribute('href')),
        file,
      ).toContain('/paths/map/');
    }
  });
});
