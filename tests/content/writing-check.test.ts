/**
 * `npm run check` (scripts/check-content.ts) on real content folders: the site's
 * own content passes, and tests/fixtures/check-bad — one file per mistake — gets
 * every problem reported at once, each as `file:line: rule: message (how to fix)`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../scripts/content-check/problem';
import { ROOT } from '../support/fixture-build';

const BAD = 'tests/fixtures/check-bad';

function runCheck(contentDir: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), contentDir], { cwd: ROOT, encoding: 'utf8' });
  const lines = result.stderr.split('\n').filter((line) => /^.+?:\d+: [a-z-]+: /.test(line));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines };
}

describe('npm run check on the real content', () => {
  it('passes: every page in content/ is valid, linked and sourced', () => {
    const check = runCheck('content');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^✔ \d+ content files checked: no problems\.$/m);
  });
});

describe('npm run check on a folder of mistakes', () => {
  let check: ReturnType<typeof runCheck>;
  beforeAll(() => {
    check = runCheck(BAD);
  });
  const problemsOf = (rule: string) => check.lines.filter((line) => line.split(': ')[1] === rule);

  it('reports every problem at once, sorted by file and line, and exits 1', () => {
    expect(check.status).toBe(1);
    expect(check.lines).toHaveLength(42);
    expect(check.stderr).toContain('✖ 42 problems in 22 files (24 checked). CONTRIBUTING.md, "Reading the errors", explains each rule.');
    const keys = check.lines.map((line) => line.split(': ')[0]!);
    const sorted = [...keys].sort((a, b) => {
      const [fileA, lineA] = a.split(/:(?=\d+$)/);
      const [fileB, lineB] = b.split(/:(?=\d+$)/);
      return fileA!.localeCompare(fileB!, 'en') || Number(lineA) - Number(lineB);
    });
    expect(keys).toEqual(sorted);
  });

  it('has a fixture for every rule', () => {
    const seen = new Set(check.lines.map((line) => line.split(': ')[1]));
    expect([...seen].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('filename: folders that are no collection, files the build ignores, names that are no URL', () => {
    expect(problemsOf('filename')).toEqual([
      `${BAD}/blog:1: filename: ${BAD}/blog/ is not a collection, so nothing in it is published (move its pages into one of the collection folders: guides, roles, responsibilities, skills, paths)`,
      `${BAD}/skills/My Notes.mdx:1: filename: the file name becomes the page URL, so it must be lower-case words joined by hyphens (rename it to my-notes.mdx)`,
      `${BAD}/skills/notes.md:1: filename: only .mdx files inside a collection folder are published; this file is ignored (rename it to notes.mdx)`,
    ]);
  });

  it('filename: two files that differ only in case claim the same URL', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'atlas-check-')), 'content');
    cpSync(join(ROOT, 'tests/fixtures/basic'), dir, { recursive: true });
    const original = readFileSync(join(dir, 'skills/postgresql.mdx'), 'utf8');
    writeFileSync(join(dir, 'skills/PostgreSQL.mdx'), original.replace('title: PostgreSQL', 'title: PostgreSQL again'));
    const lines = runCheck(dir).lines.filter((line) => line.includes(': filename: '));
    expect(lines).toEqual([
      expect.stringMatching(
        /content\/skills\/postgresql\.mdx:1: filename: two files claim the URL slug "postgresql": \S+content\/skills\/PostgreSQL\.mdx and \S+content\/skills\/postgresql\.mdx \(each page needs its own file name; rename or merge one of them\)$/,
      ),
      expect.stringMatching(/content\/skills\/PostgreSQL\.mdx:1: filename: the file name becomes the page URL, so it must be lower-case words joined by hyphens \(rename it to postgresql\.mdx\)$/),
    ]);
  });

  it('frontmatter: missing, or not valid YAML, with the line of the mistake', () => {
    expect(problemsOf('frontmatter')).toEqual([
      `${BAD}/skills/broken-frontmatter.mdx:3: frontmatter: the frontmatter is not valid YAML: bad indentation of a mapping entry (check the indentation, and put quotes around a value that contains a colon followed by a space)`,
      `${BAD}/skills/no-frontmatter.mdx:1: frontmatter: the file has no frontmatter (start it with a line of ---, the fields, and another line of ---; \`npm run new\` writes one for you)`,
    ]);
  });

  it('schema: the real zod schemas, each issue on its own line with the field and its line', () => {
    expect(problemsOf('schema')).toEqual([
      `${BAD}/roles/schema-problems.mdx:3: schema: field "description": is too short: write 50–160 characters so search engines and readers get a useful summary (it has 10 characters)`,
      `${BAD}/roles/schema-problems.mdx:6: schema: field "order": must be a whole number, e.g. 3; found the text "first" (write a number without quotes)`,
      `${BAD}/roles/schema-problems.mdx:10: schema: field "skills[0].level": must be one of: core, useful (use one of the values listed)`,
      `${BAD}/roles/schema-problems.mdx:11: schema: unknown field "relatedRole". Allowed fields: title, description, updated, reviewed, draft, sources, previousIds, order, aliases, responsibilities, skills, languages, relatedRoles, paths, onetSoc. (remove it, or correct the spelling to one of the allowed fields)`,
    ]);
  });

  it('date: a date that does not exist in the calendar', () => {
    expect(problemsOf('date')).toEqual([
      `${BAD}/skills/impossible-date.mdx:4: date: field "updated": "2026-13-45" is not a real date (write it as YYYY-MM-DD with a month from 01 to 12 and a day that exists in that month, e.g. 2026-11-26)`,
    ]);
  });

  it('reference: a slug with a typo, with the likely fix and the valid slugs', () => {
    expect(problemsOf('reference')).toEqual([
      `${BAD}/roles/missing-reference.mdx:8: reference: field "skills[0].skill" references "sqll", but there is no content/skills/sqll.mdx (did you mean "sql"? Valid skills: duplicate-one, duplicate-two, heading-levels, images, impossible-date, links, renamed, sql, statistic, unclosed, unknown-component, work-in-progress)`,
    ]);
  });

  it('previous-id: an old name that another page has now, naming both files', () => {
    expect(problemsOf('previous-id')).toEqual([
      `${BAD}/skills/renamed.mdx:7: previous-id: field "previousIds[0]" lists "sql", but that is the file name of ${BAD}/skills/sql.mdx, a page on the site (readers' progress saved under an old name moves to the page that lists it, so the name cannot belong to another page: remove "sql" from previousIds, or rename ${BAD}/skills/sql.mdx)`,
    ]);
  });

  it('draft-link: a published page that links to a draft in its body or references one in its frontmatter', () => {
    expect(problemsOf('draft-link')).toEqual([
      `${BAD}/guides/start-here.mdx:9: draft-link: the link to /skills/work-in-progress/ goes to ${BAD}/skills/work-in-progress.mdx, which is a draft and is not published (publish it by removing draft: true, or remove the link)`,
      `${BAD}/paths/followed.mdx:6: draft-link: field "next[0]" points to "planned-path" in paths, which is a draft and is not published (publish it by removing draft: true, or remove the reference)`,
    ]);
  });

  it('mdx: a component that is opened and never closed', () => {
    expect(problemsOf('mdx')).toEqual([
      `${BAD}/skills/unclosed.mdx:9: mdx: the body is not valid MDX: Expected a closing tag for \`<Callout>\` (close every <Component> you open, and write a literal { or < as \\{ or \\<)`,
    ]);
  });

  it('link: pages that do not exist, headings that do not exist, relative links and missing slashes', () => {
    expect(problemsOf('link')).toEqual([
      `${BAD}/skills/links.mdx:11: link: the link to /skills/sqlite/ goes to no page (did you mean /skills/sql/?)`,
      `${BAD}/skills/links.mdx:11: link: the link to /skills/sql/#what-it-does points to #what-it-does, but ${BAD}/skills/sql.mdx has no heading with that id (did you mean #what-it-is?)`,
      `${BAD}/skills/links.mdx:12: link: the link to ../sql/ is relative (write links inside the site from the root, e.g. /skills/redis/, so they keep working wherever the page is shown)`,
      `${BAD}/skills/links.mdx:12: link: the link to /skills/sql has no trailing slash (write /skills/sql/: pages live at addresses ending in /)`,
      `${BAD}/skills/links.mdx:12: link: the link to #fine-links points to no heading on this page (link to one of its headings: #broken, #fine)`,
    ]);
  });

  it('image: no alt text, files that do not exist, raw <img> and images from public/', () => {
    const beside = 'save the file beside the article and write ![What the picture shows](./name.png)';
    expect(problemsOf('image')).toEqual([
      `${BAD}/skills/images.mdx:9: image: ![](./request-path.svg) has no alt text (describe what the image shows for readers who cannot see it, e.g. ![Requests flowing from the load balancer to two app servers](./request-path.svg))`,
      `${BAD}/skills/images.mdx:11: image: ![A diagram of the request path](./missing.png): there is no file ./missing.png beside the article (check the name, and that the file is next to the .mdx file and committed)`,
      `${BAD}/skills/images.mdx:13: image: <img src="./request-path.svg"> skips the image pipeline (write ![What the picture shows](./name.png) with the file beside the article)`,
      `${BAD}/skills/images.mdx:15: image: ![The site’s icon](/favicon.svg) points into public/, where images are not optimised (${beside})`,
    ]);
  });

  it('heading: a second h1 and a skipped level', () => {
    expect(problemsOf('heading')).toEqual([
      `${BAD}/skills/heading-levels.mdx:9: heading: "# Heading levels again" is a second h1: the page title from the frontmatter is already the h1 (start sections at ## and subsections at ###)`,
      `${BAD}/skills/heading-levels.mdx:13: heading: "#### Too deep" skips from h2 to h4 (use ### here, one level below the heading before it; screen-reader users move through a page by heading level)`,
      `${BAD}/skills/no-frontmatter.mdx:1: heading: "# No frontmatter" is a second h1: the page title from the frontmatter is already the h1 (start sections at ## and subsections at ###)`,
    ]);
  });

  it('component: a misspelt component name, with the components that exist', () => {
    expect(problemsOf('component')).toEqual([
      expect.stringMatching(
        new RegExp(`^${BAD}/skills/unknown-component\\.mdx:9: component: <Callot> is not a component writers can use \\(did you mean <Callout>\\? Available without an import: <Callout>, .*<KeyTakeaways>.*\\)$`),
      ),
    ]);
  });

  it('duplicate: two pages with the same title and the same description, reported on both', () => {
    expect(problemsOf('duplicate')).toEqual([
      `${BAD}/skills/duplicate-one.mdx:2: duplicate: the title is the same as in ${BAD}/skills/duplicate-two.mdx (give each page its own title, so search results and browser tabs can be told apart)`,
      `${BAD}/skills/duplicate-one.mdx:3: duplicate: the description is the same as in ${BAD}/skills/duplicate-two.mdx (write a description that says what is particular to this page)`,
      `${BAD}/skills/duplicate-two.mdx:2: duplicate: the title is the same as in ${BAD}/skills/duplicate-one.mdx (give each page its own title, so search results and browser tabs can be told apart)`,
      `${BAD}/skills/duplicate-two.mdx:3: duplicate: the description is the same as in ${BAD}/skills/duplicate-one.mdx (write a description that says what is particular to this page)`,
    ]);
  });

  it('orphan: a published page nothing links to, with pages that could link back', () => {
    expect(problemsOf('orphan')).toEqual([
      `${BAD}/guides/lonely.mdx:1: orphan: no other page links to /guides/lonely/, so readers only reach it through the index or search (add a link to it from a related page, e.g. one it links to: /paths/followed/)`,
    ]);
  });

  it('statistic: figures in prose with no sources; figures in code do not count', () => {
    const fix =
      'cite the work the figure comes from (an id from content/sources.yaml in sources), name it in the sentence, and keep the figure in content/facts.yaml; never estimate or invent a figure';
    expect(problemsOf('statistic')).toEqual([
      `${BAD}/skills/statistic.mdx:9: statistic: "17%" is a percentage, but the page lists no sources (${fix})`,
      `${BAD}/skills/statistic.mdx:9: statistic: "$130,160" is a money amount, but the page lists no sources (${fix})`,
    ]);
  });

  it('sources: a page citing none, none that is primary, or one written out instead of by its id', () => {
    const primary =
      'add at least one primary source for what it states (official documentation, a specification or standard, release notes, BLS or O*NET), as an id from content/sources.yaml whose kind is documentation, specification, standard, release-notes, statistics, research';
    expect(problemsOf('sources')).toEqual([
      `${BAD}/guides/start-here.mdx:1: sources: the page cites no source (${primary})`,
      `${BAD}/guides/todo-left.mdx:7: sources: this source is already in content/sources.yaml as "rfc-9110" (write its id instead: sources: [rfc-9110])`,
      `${BAD}/paths/followed.mdx:7: sources: none of the page’s sources is a primary source (${primary})`,
    ]);
  });

  it('repeat: a code block written again on another page, naming the page that should keep it', () => {
    expect(problemsOf('repeat')).toEqual([
      `${BAD}/guides/start-here.mdx:33: repeat: this code block shares 7 lines with ${BAD}/guides/lonely.mdx:38 (say it once, on the page that owns the topic (the check suggests /guides/lonely/), and link there from the others)`,
    ]);
  });

  it('fact: a <Fact> whose id is not in facts.yaml, with the likely one', () => {
    expect(problemsOf('fact')).toEqual([
      `${BAD}/guides/short.mdx:11: fact: there is no fact "median-pya" in content/facts.yaml (did you mean "median-pay"?) (add it there (value, label, source, checked) or use an id it has)`,
    ]);
  });

  it('length: a published page with too little prose', () => {
    expect(problemsOf('length')).toEqual([
      `${BAD}/guides/short.mdx:1: length: the page has 21 words of prose; a published page needs at least 300 (finish it, 600 to 1,300 words reads best, or keep draft: true until it is ready)`,
    ]);
  });

  it('todo: a placeholder from npm run new left in a published page', () => {
    expect(problemsOf('todo')).toEqual([
      `${BAD}/guides/todo-left.mdx:13: todo: a TODO placeholder is still in the page (replace it with real content, or keep draft: true until the page is ready)`,
    ]);
  });
});

describe('npm run check on the facts and sources data', () => {
  /** A copy of the basic fixture with these registry files and a page that shows a fact. */
  function withRegistry(sources: string, facts: string): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'atlas-check-')), 'content');
    cpSync(join(ROOT, 'tests/fixtures/basic'), dir, { recursive: true });
    writeFileSync(join(dir, 'sources.yaml'), sources);
    writeFileSync(join(dir, 'facts.yaml'), facts);
    const page = join(dir, 'skills/postgresql.mdx');
    writeFileSync(page, `${readFileSync(page, 'utf8').trimEnd()}\n\nVersion <Fact id="postgres-major" /> is current.\n`);
    return dir;
  }
  const SOURCES = 'postgres-docs:\n  title: PostgreSQL documentation\n  publisher: The PostgreSQL Global Development Group\n  url: https://www.postgresql.org/docs/\n  edition: Current\n  kind: documentation\n';

  it('names the file, line and field of a mistake in facts.yaml, and a source that does not exist', () => {
    const facts = 'postgres-major:\n  value: "18"\n  label: The newest PostgreSQL major version\n  source: postgres-doc\n  checked: 2026-13-01\n';
    const lines = runCheck(withRegistry(SOURCES, facts)).lines.filter((line) => line.includes(': fact: '));
    expect(lines).toEqual([
      expect.stringMatching(/content\/facts\.yaml:5: fact: postgres-major\.checked: must be a date written as YYYY-MM-DD, e\.g\. 2026-11-26 \(/),
    ]);
    const unknownSource = runCheck(withRegistry(SOURCES, facts.replace('2026-13-01', '2026-11-01'))).lines.filter((line) => line.includes(': fact: '));
    expect(unknownSource).toEqual([
      expect.stringMatching(/content\/facts\.yaml:1: fact: postgres-major\.source: there is no source "postgres-doc" in \S*content\/sources\.yaml \(did you mean "postgres-docs"\?\) \(/),
    ]);
  });

  it('lists facts last checked more than a year ago with the pages that show them, without failing for them', () => {
    const facts = 'postgres-major:\n  value: "16"\n  label: The newest PostgreSQL major version\n  source: postgres-docs\n  checked: 2024-09-01\n';
    const check = runCheck(withRegistry(SOURCES, facts));
    expect(check.stderr).toContain('Facts last checked more than 12 months ago: check each against its source, then update its value and checked date in content/facts.yaml.');
    expect(check.stderr).toMatch(
      /postgres-major: "16" \(The newest PostgreSQL major version\), last checked 2024-09-01 against postgres-docs; shown on \S*content\/skills\/postgresql\.mdx/,
    );
    expect(check.lines.filter((line) => line.includes(': fact: '))).toEqual([]);
  });
});
