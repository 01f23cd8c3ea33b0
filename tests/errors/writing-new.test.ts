/**
 * `npm run new` (scripts/new.ts), run as a writer runs it: for every collection
 * the page it creates passes `npm run check` and builds — as a draft, and once
 * published — and it refuses to overwrite files or to take titles and file names
 * that the schema or the URL rules would reject.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildContent, copyFixture, ROOT } from '../support/fixture-build';

const PAGES = [
  { collection: 'guides', title: 'Reading a stack trace', slug: 'reading-a-stack-trace' },
  { collection: 'roles', title: 'Data engineer', slug: 'data-engineer' },
  { collection: 'responsibilities', title: 'Incident reviews', slug: 'incident-reviews' },
  { collection: 'skills', title: 'C# and .NET profiling', slug: 'csharp-and-net-profiling' },
  { collection: 'paths', title: 'Principal engineer at a bank', slug: 'principal-engineer-at-a-bank' },
] as const;

/** A writable copy of the site's real content folder, which passes the check as it is. */
function copyRealContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'atlas-new-')), 'content');
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

function runNew(contentDir: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: input ?? '',
    env: { ...process.env, ATLAS_CONTENT_DIR: contentDir },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runCheck(contentDir: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), contentDir], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const frontmatterOf = (file: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!) as Record<string, unknown>;
const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

describe('npm run new -- <collection> "<Title>"', () => {
  it('creates a draft in every collection, with today’s date, that passes npm run check', () => {
    const content = copyRealContent();
    for (const page of PAGES) {
      const run = runNew(content, [page.collection, page.title]);
      const file = join(content, page.collection, `${page.slug}.mdx`);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Created ${relative(ROOT, file)} as a draft.`);
      const data = frontmatterOf(file);
      expect(data['title']).toBe(page.title);
      expect(data['draft']).toBe(true);
      expect(String(data['updated'])).toBe(localToday());
    }
    const check = runCheck(content);
    expect(check.output).toMatch(/✔ \d+ content files checked: no problems\./);
    expect(check.status).toBe(0);
  });

  it('writes each field under the help text of its schema, and offers the existing entries to reference', () => {
    const content = copyRealContent();
    runNew(content, ['skills', 'Redis Streams']);
    const text = readFileSync(join(content, 'skills/redis-streams.mdx'), 'utf8');
    expect(text).toContain('# Required. Page title, shown as the h1 and in the browser tab (3–70 characters).\ntitle: Redis Streams\n');
    expect(text).toMatch(
      /# One of: fundamentals, languages, databases, apis, security, frameworks, architecture,\n# infrastructure, practices, professional\.\ncategory: [a-z]+ # TODO: check this is the right one\n/,
    );
    expect(text).toMatch(/# Existing: api-design, [a-z, \n#-]+\.\nprerequisites: \[\]\n/);
    expect(text).toContain('\n## How to learn it\n');
  });

  it('the created pages build: left out as drafts, rendered once published, and the check then asks for the TODOs', () => {
    const content = copyFixture();
    for (const page of PAGES) expect(runNew(content, [page.collection, page.title]).status).toBe(0);

    const drafts = buildContent(content);
    expect(drafts.status, drafts.output).toBe(0);
    for (const page of PAGES) expect(existsSync(join(drafts.distDir, page.collection, page.slug))).toBe(false);

    for (const page of PAGES) {
      const file = join(content, page.collection, `${page.slug}.mdx`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true\n/m, ''));
    }
    const published = buildContent(content);
    expect(published.status, published.output).toBe(0);
    for (const page of PAGES) {
      const html = readFileSync(join(published.distDir, page.collection, page.slug, 'index.html'), 'utf8');
      expect(html).toContain(`>${page.title.replace('&', '&amp;')}</h1>`);
    }
    const check = runCheck(content);
    expect(check.status).toBe(1);
    for (const page of PAGES) {
      const file = join(content, page.collection, `${page.slug}.mdx`);
      const descriptionLine =
        readFileSync(file, 'utf8')
          .split('\n')
          .findIndex((line) => line.startsWith('description: ')) + 1;
      expect(check.output).toContain(`${relative(ROOT, file)}:${descriptionLine}: todo: a TODO placeholder is still in the page`);
    }
  }, 300_000);
});

describe('npm run new without arguments asks, offering the existing entries', () => {
  it('creates a role from the answers: collection, title, file name, description, responsibilities and skills by level', () => {
    const content = copyRealContent();
    // Entries are offered by number, in the order of their ids.
    const skills = readdirSync(join(content, 'skills'))
      .map((name) => name.replace(/\.mdx$/, ''))
      .sort();
    const number = (id: string) => skills.indexOf(id) + 1;
    const answers = [
      '2', // roles
      'QA', // too short: asked again
      'Quality engineer',
      '', // file name: accept quality-engineer
      'Tests backend systems end to end and owns the quality gates that keep releases safe.',
      '1, 8', // responsibilities: api-development, testing
      `${number('postgresql')}`, // core skills
      `${number('redis')} ${number('python')}`, // useful skills
      '2', // related roles: backend-developer
      '', // paths: none
    ].join('\n');
    const run = runNew(content, [], `${answers}\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('the title must be at least 3 characters (it has 2)');
    expect(run.stdout).toContain(`  ${number('postgresql')}) postgresql (PostgreSQL)`);
    const data = frontmatterOf(join(content, 'roles/quality-engineer.mdx'));
    expect(data).toMatchObject({
      title: 'Quality engineer',
      description: 'Tests backend systems end to end and owns the quality gates that keep releases safe.',
      draft: true,
      responsibilities: ['api-development', 'testing'],
      skills: [
        { skill: 'postgresql', level: 'core' },
        { skill: 'redis', level: 'useful' },
        { skill: 'python', level: 'useful' },
      ],
      relatedRoles: ['backend-developer'],
      paths: [],
    });
    expect(runCheck(content).status).toBe(0);
  });
});

describe('npm run new refuses', () => {
  const content = copyRealContent();

  it('to overwrite an existing file, whatever the case of its name', () => {
    const before = readFileSync(join(content, 'skills/redis.mdx'), 'utf8');
    const run = runNew(content, ['skills', 'REDIS', '--slug', 'redis']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `npm run new: ${relative(ROOT, join(content, 'skills/redis.mdx'))} already exists; nothing was written. Pick another title, or pass --slug <file-name>.\n`,
    );
    expect(readFileSync(join(content, 'skills/redis.mdx'), 'utf8')).toBe(before);
  });

  it('a title another page already has', () => {
    const run = runNew(content, ['guides', 'postgresql']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `npm run new: ${relative(ROOT, join(content, 'skills/postgresql.mdx'))} already has the title "PostgreSQL"; nothing was written. Each page needs its own title.\n`,
    );
    expect(existsSync(join(content, 'guides/postgresql.mdx'))).toBe(false);
  });

  it.each([
    ['AI', 'the title must be at least 3 characters (it has 2)'],
    ['A'.repeat(71), 'the title must be at most 70 characters so it fits in search results (it has 71)'],
    ['!!!', 'the title has no letters or digits to make a file name from; pass --slug <file-name>'],
    ['Two\nlines', 'the title must be one line'],
  ])('a title the schema would reject: %j', (title, message) => {
    const run = runNew(content, ['skills', title]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`npm run new: ${message}; nothing was written.\n`);
  });

  it('a file name that cannot be a URL', () => {
    const run = runNew(content, ['skills', 'Redis Streams', '--slug', 'Redis Streams']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'npm run new: "Redis Streams" cannot be a file name: use lower-case letters and digits, with single hyphens between words, e.g. redis-streams; nothing was written.\n',
    );
    expect(existsSync(join(content, 'skills/Redis Streams.mdx'))).toBe(false);
  });

  it('a collection that does not exist, suggesting the closest', () => {
    const run = runNew(content, ['skill', 'Redis Streams']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'npm run new: "skill" is not a collection; did you mean skills? Use one of: guides, roles, responsibilities, skills, paths.\n',
    );
  });
});
