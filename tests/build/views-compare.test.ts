/**
 * Compare pages: one for each pair of related roles (relatedRoles, in either
 * direction), listing the shared and distinct skills computed here from the content.
 */
import { describe, expect, it } from 'vitest';
import { publishedContent } from '../support/content-files';
import { distFiles, page } from '../support/dist';

const roles = publishedContent()
  .filter((e) => e.collection === 'roles')
  .sort((a, b) => Number(a.data['order'] ?? 100) - Number(b.data['order'] ?? 100) || String(a.data['title']).localeCompare(String(b.data['title'])));
const related = (a: (typeof roles)[number], b: (typeof roles)[number]) =>
  (a.data['relatedRoles'] as string[] | undefined)?.includes(b.id) || (b.data['relatedRoles'] as string[] | undefined)?.includes(a.id);
const pairs = roles.flatMap((a, i) =>
  roles
    .slice(i + 1)
    .filter((b) => related(a, b))
    .map((b) => ({ a, b, slug: `${a.id}-vs-${b.id}` })),
);
const skillsOf = (role: (typeof roles)[number]) =>
  new Map((role.data['skills'] as { skill: string; level: string }[]).map((s) => [s.skill, s.level]));

describe('compare pages', () => {
  it('exist for every pair of related roles, and for no other pair', () => {
    expect(pairs.length).toBeGreaterThan(0);
    const built = distFiles()
      .filter((file) => /^compare\/[^/]+\/index\.html$/.test(file))
      .map((file) => file.split('/')[1]);
    expect(built.sort()).toEqual(pairs.map((p) => p.slug).sort());
  });

  it.each(pairs.map((p) => [p.slug, p] as const))('%s lists the shared and distinct skills with each role’s level', (_, { a, b, slug }) => {
    const html = page(`compare/${slug}/index.html`);
    const inA = skillsOf(a);
    const inB = skillsOf(b);
    const group = (id: string) =>
      html
        .querySelectorAll(`tbody[data-compare-group="${id}"] tr[data-skill]`)
        .map((tr) => [tr.getAttribute('data-skill'), ...tr.querySelectorAll('td').map((td) => td.getAttribute('data-level'))]);
    expect(
      group('both')
        .map((row) => row[0])
        .sort(),
    ).toEqual([...inA.keys()].filter((s) => inB.has(s)).sort());
    for (const [skill, levelA, levelB] of group('both')) expect([levelA, levelB], skill!).toEqual([inA.get(skill!), inB.get(skill!)]);
    expect(
      group('only-a')
        .map((row) => row[0])
        .sort(),
    ).toEqual([...inA.keys()].filter((s) => !inB.has(s)).sort());
    expect(
      group('only-b')
        .map((row) => row[0])
        .sort(),
    ).toEqual([...inB.keys()].filter((s) => !inA.has(s)).sort());
    expect(html.querySelector('h1')?.text.trim()).toBe(`${a.data['title']} vs ${b.data['title']}`);
  });

  it('are linked from both role pages and from the compare index', () => {
    const index = page('compare/index.html')
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href'));
    for (const { a, b, slug } of pairs) {
      for (const role of [a, b]) {
        const links = page(`roles/${role.id}/index.html`)
          .querySelectorAll('.compare-links a')
          .map((l) => l.getAttribute('href'));
        expect(links, role.file).toContain(`/compare/${slug}/`);
      }
      expect(index).toContain(`/compare/${slug}/`);
    }
  });
});
