/**
 * The skills matrix in the built site (/skills/matrix/), checked against the content
 * as writers wrote it: every role a column, every skill a row, every cell the level
 * the role's frontmatter gives, every cell a working link.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedContent } from '../support/content-files';
import { DIST, page } from '../support/dist';

const content = publishedContent();
const roles = content
  .filter((e) => e.collection === 'roles')
  .sort((a, b) => Number(a.data['order'] ?? 100) - Number(b.data['order'] ?? 100) || String(a.data['title']).localeCompare(String(b.data['title'])));
const skills = content.filter((e) => e.collection === 'skills');
const matrix = page('skills/matrix/index.html');
const table = matrix.querySelector('table[data-matrix]')!;

/** The level a role's frontmatter gives a skill, or undefined. */
function levelIn(role: (typeof roles)[number], skill: string): string | undefined {
  const items = role.data['skills'] as { skill: string; level: string }[];
  return items.find((item) => item.skill === skill)?.level;
}

/** The role's server languages, as its frontmatter writes them: one of `from`, at `level`. */
const languagesOf = (role: (typeof roles)[number]) => role.data['languages'] as { level: string; from: string[] } | undefined;

describe('the skills matrix', () => {
  it('has one column per role, in roles order, each heading linking to the role page', () => {
    const headings = table.querySelectorAll('thead th[data-role]');
    expect(headings.map((th) => th.getAttribute('data-role'))).toEqual(roles.map((r) => r.id));
    expect(headings.map((th) => th.querySelector('a')?.getAttribute('href'))).toEqual(roles.map((r) => `/roles/${r.id}/`));
  });

  it('has one row per published skill, under the heading of its category', () => {
    const rows = table.querySelectorAll('tr[data-skill]');
    expect(rows.map((tr) => tr.getAttribute('data-skill')).sort()).toEqual(skills.map((s) => s.id).sort());
    for (const skill of skills) {
      const group = table.querySelector(`tr[data-skill="${skill.id}"]`)!.parentNode!;
      expect(group.getAttribute('data-group'), skill.file).toBe(skill.data['category']);
    }
  });

  it('shows, for every role and every skill it lists, the level from its frontmatter, and "—" for the rest', () => {
    // Cells are found by position: a row's cells follow the column headings, one per role.
    const columnOf = new Map(table.querySelectorAll('thead th').map((th, index) => [th.getAttribute('data-role'), index]));
    let listed = 0;
    for (const role of roles) {
      for (const skill of skills) {
        const cell = table.querySelector(`tr[data-skill="${skill.id}"]`)!.querySelectorAll('th, td')[columnOf.get(role.id)!];
        expect(cell?.tagName, `cell ${skill.id} × ${role.id}`).toBe('TD');
        const listedLevel = levelIn(role, skill.id);
        if (listedLevel) listed++;
        const choice = listedLevel ? undefined : languagesOf(role)?.from.includes(skill.id) ? languagesOf(role) : undefined;
        const level = listedLevel ?? choice?.level;
        // The visible text says the level; colour alone never carries it.
        const visible = cell!
          .querySelector('a')!
          .childNodes.filter(
            (node) =>
              !('getAttribute' in node) ||
              (node as unknown as { getAttribute(n: string): string | undefined }).getAttribute('class') !== 'visually-hidden',
          );
        expect(
          visible
            .map((node) => node.text)
            .join('')
            .trim(),
          `${role.file}: ${skill.id}`,
        ).toBe(choice ? `${choice.level} one of ${choice.from.length}` : (level ?? '—'));
        expect(cell!.getAttribute('data-level')).toBe(level ?? 'none');
        expect(cell!.getAttribute('data-choice')).toBe(choice ? String(choice.from.length) : undefined);
      }
    }
    const referenced = roles.reduce((sum, role) => sum + (role.data['skills'] as unknown[]).length, 0);
    expect(listed).toBe(referenced);
  });

  it('links every cell to the page of its skill, with text a screen reader can say', () => {
    const rows = table.querySelectorAll('tr[data-skill]');
    expect(rows.flatMap((row) => row.querySelectorAll('td')).length).toBe(roles.length * skills.length);
    for (const row of rows) {
      for (const cell of row.querySelectorAll('td')) {
        const link = cell.querySelector('a');
        expect(link, cell.toString()).not.toBeNull();
        const href = link!.getAttribute('href')!;
        expect(href).toBe(`/skills/${row.getAttribute('data-skill')}/`);
        expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
        // "—" is hidden from screen readers, which hear "not listed" instead.
        const spoken = link!.childNodes.filter(
          (node) =>
            !('getAttribute' in node) || (node as unknown as { getAttribute(n: string): string | undefined }).getAttribute('aria-hidden') !== 'true',
        );
        expect(
          spoken
            .map((node) => node.text)
            .join('')
            .trim(),
        ).toMatch(/^(core|useful|not listed|(core|useful) one of \d+)$/);
      }
    }
    // The cells get their skill and role from the table's header cells.
    expect(table.querySelectorAll('thead th').every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(rows.every((row) => row.querySelector('th')?.getAttribute('scope') === 'row')).toBe(true);
  });

  it('is linked from the home page and the skills index', () => {
    for (const file of ['index.html', 'skills/index.html']) {
      expect(
        page(file)
          .querySelectorAll('main a')
          .map((a) => a.getAttribute('href')),
        file,
      ).toContain('/skills/matrix/');
    }
  });

  it('says of every language skill which roles need it: no language is left as "no role lists it"', () => {
    const languages = skills.filter((skill) => skill.data['category'] === 'languages' && skill.id !== 'programming-languages');
    expect(languages.length).toBeGreaterThan(5);
    for (const skill of languages) {
      const count = table.querySelector(`tr[data-skill="${skill.id}"] .count`)!.text;
      expect(count, skill.file).not.toBe('no role lists it');
    }
  });
});
