import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import ComparisonTable from './ComparisonTable.astro';
import RoleCard from './RoleCard.astro';
import SkillsTable from './SkillsTable.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('ComparisonTable', () => {
  const props = {
    caption: 'Backend and frontend side by side',
    rowHeader: 'Aspect',
    columns: ['Backend', 'Frontend'],
    rows: [
      { label: 'Where the code runs', values: ['Servers', 'Browsers'] },
      { label: 'On-call', values: ['Common', 'Less common'] },
    ],
  };

  it('renders a captioned table with column and row headers, in a focusable scroll region named by the caption', async () => {
    const html = parse(await container.renderToString(ComparisonTable, { props }));
    const figure = html.querySelector('figure')!;
    expect(figure.getAttribute('tabindex')).toBe('0');
    expect(html.getElementById(figure.getAttribute('aria-labelledby')!)!.tagName).toBe('CAPTION');
    expect(html.querySelector('caption')!.text).toBe('Backend and frontend side by side');
    expect(html.querySelectorAll('thead th').map((th) => [th.text, th.getAttribute('scope')])).toEqual([
      ['Aspect', 'col'],
      ['Backend', 'col'],
      ['Frontend', 'col'],
    ]);
    expect(html.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text))).toEqual([
      ['Where the code runs', 'Servers', 'Browsers'],
      ['On-call', 'Common', 'Less common'],
    ]);
    expect(html.querySelectorAll('tbody th').every((th) => th.getAttribute('scope') === 'row')).toBe(true);
  });

  it('leaves the corner cell empty, not an empty header, when there is no rowHeader', async () => {
    const html = parse(await container.renderToString(ComparisonTable, { props: { ...props, rowHeader: undefined } }));
    expect(html.querySelector('thead tr')!.firstElementChild!.tagName).toBe('TD');
  });

  it('stops the build when a row has the wrong number of values, naming the table, the row and the columns', async () => {
    const broken = { ...props, rows: [{ label: 'On-call', values: ['Common'] }] };
    await expect(container.renderToString(ComparisonTable, { props: broken })).rejects.toThrow(
      '<ComparisonTable caption="Backend and frontend side by side">: the row "On-call" has 1 value but there are 2 columns (Backend, Frontend). Give one value per column, in the same order.',
    );
  });
});

describe('SkillsTable', () => {
  const props = {
    caption: 'Skills a junior backend developer is hired for',
    skills: [
      { name: 'SQL', href: '/skills/sql/', level: 'core', why: 'Almost every backend stores data in a relational database.' },
      { name: 'Docker', level: 'useful', why: 'Most teams run services in containers.' },
    ],
  };

  it('lists each skill with its level written out and linked to its page, and explains the levels', async () => {
    const html = parse(await container.renderToString(SkillsTable, { props }));
    expect(html.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text.trim()))).toEqual([
      ['SQL', 'Core', 'Almost every backend stores data in a relational database.'],
      ['Docker', 'Useful', 'Most teams run services in containers.'],
    ]);
    expect(html.querySelector('tbody th a')!.getAttribute('href')).toBe('/skills/sql/');
    expect(html.querySelector('figcaption')!.text).toBe('Core: needed day to day. Useful: helps, learned on the job.');
  });

  it('stops the build on a level roles do not use', async () => {
    const broken = { ...props, skills: [{ name: 'SQL', level: 'essential', why: 'Data.' }] };
    await expect(container.renderToString(SkillsTable, { props: broken })).rejects.toThrow(
      '<SkillsTable caption="Skills a junior backend developer is hired for">: "SQL" has level "essential"; use one of: core, useful.',
    );
  });
});

describe('RoleCard', () => {
  it('names the card after the role, links it, and lists what the role works on, without adding a heading', async () => {
    const html = parse(
      await container.renderToString(RoleCard, {
        props: { title: 'Platform engineer', href: '/roles/platform-engineer/', focus: ['Migration tooling', 'Connection pooling'], skills: ['Kubernetes'] },
        slots: { default: 'Builds the internal platform.' },
      }),
    );
    const card = html.querySelector('aside.role-card')!;
    expect(html.getElementById(card.getAttribute('aria-labelledby')!)!.text).toBe('Platform engineer');
    expect(card.querySelector('a')!.getAttribute('href')).toBe('/roles/platform-engineer/');
    expect(card.querySelector('.role-card-body')!.text).toBe('Builds the internal platform.');
    expect(card.querySelectorAll('.role-card-list li').map((li) => li.text)).toEqual(['Migration tooling', 'Connection pooling']);
    expect(card.querySelectorAll('.role-card-tags li').map((li) => li.text)).toEqual(['Kubernetes']);
    expect(card.querySelectorAll('h1, h2, h3, h4, h5, h6')).toHaveLength(0);
  });
});
