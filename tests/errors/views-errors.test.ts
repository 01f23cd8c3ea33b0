/**
 * Content that makes a derived view impossible stops the build with a message
 * that names the files and the fix, and leaves no dist/ behind.
 */
import { describe, expect, it } from 'vitest';
import { buildContent, copyFixture, editFile } from '../support/fixture-build';

describe('views derived from the content', () => {
  it('a prerequisite loop between skills: names both files and how to break the loop', () => {
    const content = copyFixture();
    // postgresql already lists database-systems as a prerequisite; this closes the loop.
    editFile(content, 'skills/database-systems.mdx', (t) => t.replace('category: databases', 'category: databases\nprerequisites: [postgresql]'));
    const build = buildContent(content);
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).toMatch(
      /Skill prerequisites form a loop, so the learning path of \S*roles\/(backend-developer|database-engineer)\.mdx has no order:/,
    );
    expect(build.output).toMatch(
      /(postgresql \(\S*skills\/postgresql\.mdx\) needs database-systems|database-systems \(\S*skills\/database-systems\.mdx\) needs postgresql)/,
    );
    expect(build.output).toContain('Remove one of these links from a "prerequisites" field so that one skill in the loop can be learned first.');
    expect(build.distExists, 'a failed build must not leave dist/').toBe(false);
  });
});
