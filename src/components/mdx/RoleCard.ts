import { element } from '../../lib/article/html.ts';
import { toSlug } from '../../lib/content/slug.ts';
import { type ArticleComponent, writerLink } from './context.ts';

interface Props {
  /** The role's name, e.g. "Platform engineer". */
  title: string;
  /** Its page on this site, e.g. "/roles/platform-engineer/". */
  href?: string;
  /** What people in the role work on, a few words each. */
  focus?: string[];
  /** The skills the role leans on most, a word or two each. */
  skills?: string[];
}

/** A small label over a list, or nothing when the list is empty. */
const labelledList = (label: string, className: string, items: string[]) =>
  items.length > 0 && [
    element('p', { class: 'role-card-label' }, label),
    element(
      'ul',
      { class: className },
      items.map((item) => element('li', {}, item)),
    ),
  ];

/**
 * A short profile of a role, for when an article introduces roles beside each
 * other: its name (linked to the role's page), a sentence or two as children, and
 * optionally what the role works on day to day and the skills it leans on.
 * The name is not a heading, so cards never disturb the page's heading outline.
 */
export const RoleCard: ArticleComponent<Props> = ({ title, href, focus = [], skills = [], children }, context) => {
  const id = `role-${toSlug(title)}`;
  return element('aside', { class: 'role-card', 'aria-labelledby': id }, [
    element('p', { class: 'role-card-kicker' }, 'Role'),
    element('p', { class: 'role-card-title', id }, href ? element('a', { href: writerLink(href, context) }, title) : title),
    element('div', { class: 'role-card-body' }, children),
    labelledList('Works on', 'role-card-list', focus),
    labelledList('Leans on', 'role-card-tags', skills),
  ]);
};
