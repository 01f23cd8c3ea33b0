/**
 * Every kind of bad input a writer can make stops `npm run build` with a
 * message that names the file, the field or line, and what is allowed —
 * and leaves no dist/ behind. Each case builds a real broken fixture.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, copyFixture, editFile, ROOT } from '../support/fixture-build';

function breakAndBuild(file: string, edit: (text: string) => string) {
  const content = copyFixture();
  editFile(content, file, edit);
  return buildContent(content);
}

function expectFailure(build: ReturnType<typeof buildContent>, ...messages: string[]) {
  expect(build.status, build.output).not.toBe(0);
  for (const message of messages) expect(build.output).toContain(message);
  expect(build.distExists, 'a failed build must not leave dist/').toBe(false);
  expect(build.output).toContain('Build failed: nothing was published.');
}

describe('a broken entry stops the build with a clear message', () => {
  it('missing required field: names the entry, the field and what it must be', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) => t.replace(/^title: .*\n/m, ''));
    expectFailure(build, 'skills → postgresql', 'title: is required: the page title, 3–70 characters', 'skills/postgresql.mdx');
  });

  it('wrongly typed field: says which type was expected and which was found', () => {
    const build = breakAndBuild('roles/backend-developer.mdx', (t) => t.replace('order: 1', 'order: first'));
    expectFailure(build, 'roles → backend-developer', 'order: must be a whole number, e.g. 3; found the text "first"', 'roles/backend-developer.mdx');
  });

  it('value outside a closed list: lists the allowed values', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) => t.replace('category: databases', 'category: database'));
    expectFailure(
      build,
      'category',
      'must be one of: fundamentals, languages, databases, apis, security, frameworks, architecture, infrastructure, practices, professional',
    );
  });

  it('unknown (misspelt) field: names it and lists the allowed fields', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) => t.replace('aliases:', 'alias:'));
    expectFailure(
      build,
      'unknown field "alias". Allowed fields: title, description, updated, reviewed, draft, sources, previousIds, category, parent, prerequisites, aliases.',
      'skills/postgresql.mdx',
    );
  });

  it('description too short: gives the allowed length', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) => t.replace(/^description: .*$/m, 'description: A database.'));
    expectFailure(build, 'description: is too short: write 50–160 characters');
  });

  it('reference to an entry that does not exist: names file, field, a likely fix and the valid ids', () => {
    const build = breakAndBuild('roles/database-engineer.mdx', (t) => t.replace('skill: postgresql', 'skill: postgresq'));
    expectFailure(
      build,
      'roles/database-engineer.mdx: field "skills[0].skill" references "postgresq", but there is no content/skills/postgresq.mdx. Did you mean "postgresql"? Valid skills: database-systems, postgresql.',
    );
  });

  it('an old name (previousIds) that another page has now: names both files and the fix', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) =>
      t.replace('category: databases', 'category: databases\npreviousIds: [database-systems]'),
    );
    expectFailure(
      build,
      'skills/postgresql.mdx: field "previousIds[0]" lists "database-systems", but that is the file name of',
      'skills/database-systems.mdx, a page on the site.',
      'remove "database-systems" from previousIds, or rename',
    );
  });

  it('reference to a draft: says the target is unpublished', () => {
    const build = breakAndBuild('skills/database-systems.mdx', (t) => t.replace('category: databases', 'category: databases\ndraft: true'));
    expectFailure(build, 'field "parent" points to "database-systems" in skills, which is a draft and is not published.');
  });

  it('impossible date: names the file, the line and the format', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) => t.replace('updated: 2026-11-26', 'updated: 2026-13-45'));
    expectFailure(build, 'skills/postgresql.mdx:4: field "updated": "2026-13-45" is not a real date. Write it as YYYY-MM-DD');
  });

  it('date that is not a date at all: says how to write one', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) => t.replace('updated: 2026-11-26', 'updated: last week'));
    expectFailure(build, 'skills/postgresql.mdx:4: field "updated": "last week" is not a real date.');
  });

  it('broken YAML frontmatter: points at the file, line and column', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) => t.replace('category: databases', 'category: databases: sql'));
    expectFailure(build, 'skills/postgresql.mdx:5:', 'bad indentation of a mapping entry');
  });

  it('MDX that does not parse: names the file, line and the unclosed tag', () => {
    const build = breakAndBuild('skills/postgresql.mdx', (t) => t.replace('## Indexes', '## Indexes\n\n<Callout type="tip">\n\nNever closed.'));
    expectFailure(build, 'skills/postgresql.mdx:', 'Expected a closing tag for `<Callout>`');
  });

  it('file name that is not a valid slug: says what to rename it to', () => {
    const content = copyFixture();
    const original = readFileSync(join(content, 'skills/postgresql.mdx'), 'utf8');
    writeFileSync(join(content, 'skills/My Redis.mdx'), original.replace('title: PostgreSQL', 'title: My Redis'));
    expectFailure(buildContent(content), 'skills/My Redis.mdx: the file name becomes the page URL', 'Rename it to my-redis.mdx.');
  });

  it('two files with the same slug: names both files', () => {
    const content = copyFixture();
    const original = readFileSync(join(content, 'skills/postgresql.mdx'), 'utf8');
    writeFileSync(join(content, 'skills/PostgreSQL.mdx'), original.replace('title: PostgreSQL', 'title: PostgreSQL again'));
    const build = buildContent(content);
    expectFailure(build, 'Two files claim the URL slug "postgresql":', 'skills/PostgreSQL.mdx', 'skills/postgresql.mdx');
  });
});

describe('a valid fixture builds', () => {
  it('publishes every entry and leaves drafts out of pages, sitemap and search', () => {
    const build = buildContent(copyFixture());
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/Indexed \d+ pages for search/);
    expect(existsSync(join(build.distDir, 'guides/what-does-a-backend-developer-do/index.html'))).toBe(true);
    expect(existsSync(join(build.distDir, 'guides/draft-guide'))).toBe(false);
    expect(readFileSync(join(build.distDir, 'sitemap-0.xml'), 'utf8')).not.toContain('draft-guide');
    expect(readFileSync(join(build.distDir, 'guides/index.html'), 'utf8')).not.toContain('An unfinished guide');
  });
});

describe('two builds of one output folder at once', () => {
  it('refuses the second with a message naming the running build, and leaves the first to publish', async () => {
    const content = copyFixture();
    // Its parent folder does not exist yet: the build makes it before taking the lock beside the output.
    const distDir = join(content, '..', 'out', 'site', 'dist');
    const first = spawn(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_CONTENT_DIR: content, ATLAS_DIST: distDir, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    let firstEnded = false;
    const firstDone = new Promise<number | null>((resolve) => first.on('close', resolve)).finally(() => (firstEnded = true));
    while (!existsSync(`${distDir}.lock`) && !firstEnded) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(firstEnded, 'the first build ended before it took the lock').toBe(false);
    const second = buildContent(content, { ATLAS_DIST: distDir });
    expect(second.status).toBe(1);
    expect(second.output).toContain(`Build not started: Another build of ${distDir} is running (process ${first.pid}`);
    expect(await firstDone).toBe(0);
    expect(existsSync(join(distDir, 'guides/what-does-a-backend-developer-do/index.html'))).toBe(true);
    expect(existsSync(`${distDir}.lock`)).toBe(false);
  }, 120_000);
});
