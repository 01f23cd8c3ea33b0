import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ArticleRenderer, createArticleRenderer } from '../../lib/article/render.ts';

/** The components as writers use them: MDX in, the article's HTML out. */
let render: ArticleRenderer;
let renderUnderBase: ArticleRenderer;
beforeAll(async () => {
  const markdown = { syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: true } as const;
  render = await createArticleRenderer({ base: '/', markdown: markdown as never });
  renderUnderBase = await createArticleRenderer({ base: '/atlas/', markdown: markdown as never });
});
const html = async (mdx: string, renderer = render) => parse((await renderer(mdx, '/site/content/guides/test.mdx')).html);

describe('ComparisonTable', () => {
  const table = (rows: string, rowHeader = 'rowHeader="Aspect"') => `<ComparisonTable
  caption="Backend and frontend side by side"
  ${rowHeader}
  columns={['Backend', 'Frontend']}
  rows={[${rows}]}
/>`;
  const rows = `{ label: 'Where the code runs', values: ['Servers', 'Browsers'] }, { label: 'On-call', values: ['Common', 'Less common'] }`;

  it('renders a captioned table with column and row headers, in a focusable scroll region named by the caption', async () => {
    const page = await html(table(rows));
    const figure = page.querySelector('figure')!;
    expect(figure.getAttribute('tabindex')).toBe('0');
    expect(page.getElementById(figure.getAttribute('aria-labelledby')!)!.tagName).toBe('CAPTION');
    expect(page.querySelector('caption')!.text).toBe('Backend and frontend side by side');
    expect(page.querySelectorAll('thead th').map((th) => [th.text, th.getAttribute('scope')])).toEqual([
      ['Aspect', 'col'],
      ['Backend', 'col'],
      ['Frontend', 'col'],
    ]);
    expect(page.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text))).toEqual([
      ['Where the code runs', 'Servers', 'Browsers'],
      ['On-call', 'Common', 'Less common'],
    ]);
    expect(page.querySelectorAll('tbody th').every((th) => th.getAttribute('scope') === 'row')).toBe(true);
  });

  it('leaves the corner cell empty, not an empty header, when there is no rowHeader', async () => {
    const page = await html(table(rows, ''));
    expect(page.querySelector('thead tr')!.firstElementChild!.tagName).toBe('TD');
  });

  it('stops the build when a row has the wrong number of values, naming the table, the row and the columns', async () => {
    await expect(render(table(`{ label: 'On-call', values: ['Common'] }`), 'test.mdx')).rejects.toThrow(
      '<ComparisonTable caption="Backend and frontend side by side">: the row "On-call" has 1 value but there are 2 columns (Backend, Frontend). Give one value per column, in the same order.',
    );
  });
});

describe('SkillsTable', () => {
  const table = (level: string) => `<SkillsTable
  caption="Skills a junior backend developer is hired for"
  skills={[
    { name: 'SQL', href: '/skills/sql/', level: '${level}', why: 'Almost every backend stores data in a relational database.' },
    { name: 'Docker', level: 'useful', why: 'Most teams run services in containers.' },
  ]}
/>`;

  it('lists each skill with its level written out and linked to its page, and explains the levels', async () => {
    const page = await html(table('core'));
    expect(page.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text.trim()))).toEqual([
      ['SQL', 'Core', 'Almost every backend stores data in a relational database.'],
      ['Docker', 'Useful', 'Most teams run services in containers.'],
    ]);
    expect(page.querySelector('tbody th a')!.getAttribute('href')).toBe('/skills/sql/');
    expect(page.querySelector('figcaption')!.text).toBe('Core: needed day to day. Useful: helps, learned on the job.');
  });

  it('puts the base path in front of its links when the site is served under one', async () => {
    const page = await html(table('core'), renderUnderBase);
    expect(page.querySelector('tbody th a')!.getAttribute('href')).toBe('/atlas/skills/sql/');
  });

  it('stops the build on a level roles do not use', async () => {
    await expect(render(table('essential'), 'test.mdx')).rejects.toThrow(
      '<SkillsTable caption="Skills a junior backend developer is hired for">: "SQL" has level "essential"; use one of: core, useful.',
    );
  });
});

describe('RoleCard', () => {
  it('names the card after the role, links it, and lists what the role works on, without adding a heading', async () => {
    const page =
      await html(`<RoleCard title="Platform engineer" href="/roles/platform-engineer/" focus={['Migration tooling', 'Connection pooling']} skills={['Kubernetes']}>

Builds the internal platform.

</RoleCard>`);
    const card = page.querySelector('aside.role-card')!;
    expect(page.getElementById(card.getAttribute('aria-labelledby')!)!.text).toBe('Platform engineer');
    expect(card.querySelector('a')!.getAttribute('href')).toBe('/roles/platform-engineer/');
    expect(card.querySelector('.role-card-body')!.text).toBe('Builds the internal platform.');
    expect(card.querySelectorAll('.role-card-list li').map((li) => li.text)).toEqual(['Migration tooling', 'Connection pooling']);
    expect(card.querySelectorAll('.role-card-tags li').map((li) => li.text)).toEqual(['Kubernetes']);
    expect(card.querySelectorAll('h1, h2, h3, h4, h5, h6')).toHaveLength(0);
  });

  it('links under the base path when the site is served under one', async () => {
    const page = await html(`<RoleCard title="Platform engineer" href="/roles/platform-engineer/">Builds it.</RoleCard>`, renderUnderBase);
    expect(page.querySelector('.role-card a')!.getAttribute('href')).toBe('/atlas/roles/platform-engineer/');
  });
});

describe('Callout and KeyTakeaways', () => {
  it('render a labelled aside around the Markdown they wrap', async () => {
    const page = await html(`<Callout type="warning" title="A cache is not the source of truth">

Keep the **database** authoritative.

</Callout>

<KeyTakeaways>

- One
- Two

</KeyTakeaways>`);
    const callout = page.querySelector('aside.callout')!;
    expect(callout.classList.contains('callout-warning')).toBe(true);
    expect(callout.getAttribute('aria-label')).toBe('A cache is not the source of truth');
    expect(callout.querySelector('strong')!.text).toBe('A cache is not the source of truth');
    expect(callout.querySelector('p:not(.callout-title) strong')!.text).toBe('database');
    const takeaways = page.querySelector('aside.takeaways')!;
    expect(takeaways.getAttribute('aria-label')).toBe('Key takeaways');
    expect(takeaways.querySelectorAll('li').map((li) => li.text)).toEqual(['One', 'Two']);
  });

  it('names a callout by its type when it has no title, and refuses a type it does not know', async () => {
    expect((await html('<Callout type="tip">Try it.</Callout>')).querySelector('aside')!.getAttribute('aria-label')).toBe('Tip');
    await expect(render('<Callout type="danger">No.</Callout>', 'test.mdx')).rejects.toThrow(
      '<Callout type="danger">: use one of: note, tip, warning.',
    );
  });
});

describe('Markdown tables and articles as a whole', () => {
  it('wraps every Markdown table in a keyboard-scrollable region named after its header cells', async () => {
    const page = await html('| Level | Scope |\n| --- | --- |\n| Junior | A task |\n');
    const figure = page.querySelector('figure.table-scroll')!;
    expect(figure.getAttribute('tabindex')).toBe('0');
    expect(figure.getAttribute('aria-label')).toBe('Table: Level, Scope');
    expect(figure.querySelectorAll('td').map((td) => td.text)).toEqual(['Junior', 'A task']);
  });

  it('gives headings ids and reports them, escapes text, and keeps writers’ links', async () => {
    const result = await render('## Caching & sessions\n\nUse `<b>` and [Redis](/skills/redis/) with a "quote".\n', 'test.mdx');
    expect(result.metadata.headings).toEqual([{ depth: 2, slug: 'caching--sessions', text: 'Caching & sessions' }]);
    expect(result.html).toContain('<h2 id="caching--sessions">Caching &amp; sessions</h2>');
    expect(result.html).toContain('<code>&lt;b&gt;</code>');
    expect(result.html).toContain('<a href="/skills/redis/">Redis</a>');
  });

  it('names a component writers cannot use, and the ones they can', async () => {
    await expect(render('Intro.\n\n<Warning>Careful</Warning>', 'test.mdx')).rejects.toMatchObject({
      line: 3,
      message:
        '<Warning> is not a component articles can use: the components articles can use are Callout, ComparisonTable, Fact, KeyTakeaways, RoleCard, SkillsTable (src/components/mdx/index.ts), written without an import.',
    });
  });

  it('reports MDX that does not parse with the line it is on', async () => {
    await expect(render('Intro.\n\n<Callout type="tip">\n\nNever closed.\n', 'test.mdx')).rejects.toMatchObject({
      name: 'ArticleError',
      line: expect.any(Number),
      message: expect.stringContaining('Expected a closing tag for `<Callout>`'),
    });
  });
});
