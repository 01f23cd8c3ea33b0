/**
 * The writer components as they come out of the real build, in the articles that
 * use them: the comparison in "Backend vs frontend vs full-stack" and the role
 * cards in the database specialism page.
 */
import { describe, expect, it } from 'vitest';
import { page } from '../support/dist';

describe('writer components in the built articles', () => {
  it('the full-stack guide compares the three kinds of work in one captioned, keyboard-scrollable table', () => {
    const html = page('guides/backend-vs-frontend-vs-full-stack/index.html');
    const figure = html.querySelector('.prose figure.comparison')!;
    expect(figure.getAttribute('tabindex')).toBe('0');
    expect(figure.querySelector('caption')!.text).toBe('Backend, frontend and full-stack work side by side');
    expect(figure.querySelectorAll('thead th').map((th) => th.text)).toEqual(['Aspect', 'Backend', 'Frontend', 'Full-stack']);
    expect(figure.querySelectorAll('tbody th[scope=row]').map((th) => th.text)).toContain('What “broken” looks like');
    expect(figure.querySelectorAll('tbody tr').every((tr) => tr.querySelectorAll('td').length === 3)).toBe(true);
  });

  it('the database specialism page introduces its two neighbouring roles as cards linking to their pages', () => {
    const cards = page('paths/database-specialism/index.html').querySelectorAll('.prose aside.role-card');
    expect(cards.map((card) => card.querySelector('.role-card-title a')!.getAttribute('href'))).toEqual([
      '/roles/platform-engineer/',
      '/roles/site-reliability-engineer/',
    ]);
    expect(cards.every((card) => card.querySelectorAll('.role-card-list li').length > 0)).toBe(true);
  });
});
