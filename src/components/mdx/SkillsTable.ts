import { element } from '../../lib/article/html.ts';
import { toSlug } from '../../lib/content/slug.ts';
import { SKILL_LEVEL_MEANINGS, SKILL_LEVELS, type SkillLevel } from '../../schemas/vocabulary.ts';
import { type ArticleComponent, writerLink } from './context.ts';

interface Skill {
  /** The skill as readers know it, e.g. "PostgreSQL". */
  name: string;
  /** Its page on this site, e.g. "/skills/postgresql/". */
  href?: string;
  /** core: needed day to day; useful: helps, learned on the job. */
  level: SkillLevel;
  /** One short sentence on why it matters here. */
  why: string;
}

interface Props {
  /** What the list is for, shown above it, e.g. "Skills a junior backend developer is hired for". */
  caption: string;
  skills: Skill[];
}

const label = (level: SkillLevel) => level.charAt(0).toUpperCase() + level.slice(1);

/**
 * Skills with how much they matter and why: the skill (linked to its page when it
 * has one), its level — core or useful, the same two levels roles use in their
 * frontmatter — and a short reason. The level is written out, not only coloured.
 */
export const SkillsTable: ArticleComponent<Props> = ({ caption, skills }, context) => {
  for (const skill of skills) {
    if (!(SKILL_LEVELS as readonly string[]).includes(skill.level)) {
      throw new Error(`<SkillsTable caption="${caption}">: "${skill.name}" has level "${skill.level}"; use one of: ${SKILL_LEVELS.join(', ')}.`);
    }
  }
  const id = `skills-${toSlug(caption)}`;
  return element('figure', { class: 'table-scroll skills-table', tabindex: '0', 'aria-labelledby': id }, [
    element('table', {}, [
      element('caption', { id }, caption),
      element(
        'thead',
        {},
        element(
          'tr',
          {},
          ['Skill', 'Level', 'Why it matters'].map((heading) => element('th', { scope: 'col' }, heading)),
        ),
      ),
      element(
        'tbody',
        {},
        skills.map((skill) =>
          element('tr', {}, [
            element('th', { scope: 'row' }, skill.href ? element('a', { href: writerLink(skill.href, context) }, skill.name) : skill.name),
            element('td', {}, element('span', { class: `level level-${skill.level}` }, label(skill.level))),
            element('td', {}, skill.why),
          ]),
        ),
      ),
    ]),
    element('figcaption', {}, SKILL_LEVELS.map((level) => `${label(level)}: ${SKILL_LEVEL_MEANINGS[level]}.`).join(' ')),
  ]);
};
