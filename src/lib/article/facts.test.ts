import { describe, expect, it } from 'vitest';
import { articleFacts } from './facts.ts';

describe('what pages keep from an article’s text', () => {
  it('lists the entries it links to, from Markdown links and href attributes, first link first and each once', () => {
    const body = [
      'Start with [SQL](/skills/sql/) and [indexes](/skills/postgresql/#indexes).',
      '<a href="/roles/backend-developer/">Backend developers</a> use <Link href={`/skills/redis/`}>Redis</Link>.',
      'Again: [SQL](/skills/sql/). Not an entry: [home](/), [search](/search/), [docs](https://example.org/skills/x/).',
    ].join('\n');
    expect(articleFacts(body).links).toEqual(['skills/sql', 'skills/postgresql', 'roles/backend-developer', 'skills/redis']);
  });

  it('counts the words of prose and the minutes to read them, never less than one', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(articleFacts(`${words(450)}\n\n\`\`\`sql\nSELECT * FROM t;\n\`\`\``)).toMatchObject({ words: 450, minutes: 2 });
    expect(articleFacts('')).toEqual({ links: [], words: 0, minutes: 1, factIds: [] });
  });

  it('leaves out facts named only in an MDX comment', () => {
    expect(articleFacts('Shown: <Fact id="shown" />. {/* TODO: add <Fact id="later" /> once checked */}').factIds).toEqual(['shown']);
  });

  it('lists the facts the text shows, each once', () => {
    expect(
      articleFacts('Median pay was <Fact id="bls-median-pay" /> (<Fact id=\'bls-edition\' />); again <Fact id="bls-median-pay"/>.').factIds,
    ).toEqual(['bls-median-pay', 'bls-edition']);
  });
});
