/**
 * CONTRIBUTING.md, the writing guide, stays true: its field reference is the one the
 * schemas generate, its frontmatter and component examples pass `npm run check`
 * where they say they belong, and it documents every rule and every component.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxComponentNames } from '../../scripts/check-content';
import { RULES } from '../../scripts/content-check/problem';
import { ROOT } from '../support/fixture-build';

const guide = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');

function copyRealContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'atlas-guide-')), 'content');
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

const check = (contentDir: string) => spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), contentDir], { cwd: ROOT, encoding: 'utf8' });

describe('CONTRIBUTING.md', () => {
  it('has the field reference the schemas generate', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/frontmatter-reference.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('CONTRIBUTING.md: the frontmatter reference matches the schemas.\n');
  });

  it('gives a frontmatter example for every collection, each valid in the file it names', () => {
    const examples = [...guide.matchAll(/\(`(content\/([a-z]+)\/[a-z0-9-]+\.mdx)`\):\n\n<!-- frontmatter-example: ([a-z]+) -->\n```yaml\n([\s\S]*?)```/g)];
    expect(examples.map((match) => match[3]).sort()).toEqual(['guides', 'paths', 'responsibilities', 'roles', 'skills']);
    const content = copyRealContent();
    for (const [, file, folder, collection, yaml] of examples) {
      expect(folder).toBe(collection);
      const path = join(content, file!.replace(/^content\//, ''));
      const body = readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      writeFileSync(path, `---\n${yaml}---\n${body}`);
    }
    const result = check(content);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('shows every component writers can use, with an example that passes the check in a page', () => {
    const components = mdxComponentNames();
    expect(components).toEqual(expect.arrayContaining(['Callout', 'ComparisonTable', 'KeyTakeaways', 'RoleCard', 'SkillsTable']));
    const examples = components.map((name) => {
      const section = new RegExp(`### ${name}\\n[\\s\\S]*?\`\`\`mdx\\n([\\s\\S]*?)\`\`\``).exec(guide);
      expect(section, `CONTRIBUTING.md has no "### ${name}" section with an mdx example`).not.toBeNull();
      return section![1]!;
    });
    const content = copyRealContent();
    const path = join(content, 'skills/redis.mdx');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n## Component examples\n\n${examples.join('\n')}\n`);
    const result = check(content);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('explains every rule of npm run check', () => {
    for (const rule of Object.keys(RULES)) expect(guide).toContain(`| \`${rule}\` |`);
  });
});
