import { describe, expect, it } from 'vitest';
import { FrontmatterLines, frontmatterText } from './frontmatter-lines.ts';

const source = ['---', 'title: Data developer', 'order:', 'skills:', '  - skill: sqll', '    level: core', 'sources: []', '---', '', 'Body.'].join(
  '\n',
);

describe('FrontmatterLines', () => {
  const lines = new FrontmatterLines(source);

  it('finds the line of nested fields, counting the opening --- as line 1', () => {
    expect(lines.lineOf(['title'])).toBe(2);
    expect(lines.lineOf(['skills', 0, 'skill'])).toBe(5);
    expect(lines.lineOf(['skills', 0, 'level'])).toBe(6);
  });

  it('points at the key of a field written without a value', () => {
    expect(lines.lineOf(['order'])).toBe(3);
  });

  it('falls back to the nearest parent that is written, then to line 1', () => {
    expect(lines.lineOf(['skills', 0, 'note'])).toBe(5);
    expect(lines.lineOf(['sources', 2, 'url'])).toBe(7);
    expect(lines.lineOf(['description'])).toBe(1);
  });

  it('finds top-level keys, e.g. a misspelt field', () => {
    expect(lines.lineOfKey('sources')).toBe(7);
    expect(lines.lineOfKey('missing')).toBe(1);
  });

  it('reads the frontmatter only when the file starts with it', () => {
    expect(frontmatterText(source)).toContain('title: Data developer');
    expect(frontmatterText('# Heading\n---\ntitle: x\n---\n')).toBeUndefined();
  });

  it('stops at the closing line, with Windows line ends too, and reads nothing of the text after it', () => {
    expect(frontmatterText('---\ntitle: Redis\n---\n\nText with --- in it.\n')).toBe('title: Redis');
    expect(frontmatterText('---\r\ntitle: Redis\r\n---\r\nText')).toBe('title: Redis');
    expect(frontmatterText('No frontmatter.\n---\n')).toBeUndefined();
    expect(new FrontmatterLines('No frontmatter.').lineOf(['title'])).toBe(1);
  });
});
