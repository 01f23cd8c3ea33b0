import { describe, expect, it } from 'vitest';
import { countWords, minutesToRead } from './reading-time.ts';

describe('countWords', () => {
  it('counts prose and ignores code blocks, JSX tags and link targets', () => {
    const body = [
      'Redis keeps data [in memory](/skills/redis/).',
      '```sql',
      'SELECT * FROM orders WHERE id = 1;',
      '```',
      '<Callout type="tip">',
      'Use a TTL.',
      '</Callout>',
    ].join('\n');
    expect(countWords(body)).toBe(8); // Redis keeps data in memory · Use a TTL
  });

  it('treats Node.js and C# as single words', () => {
    expect(countWords('Node.js and C# both run servers')).toBe(6);
  });
});

describe('minutesToRead', () => {
  it('is at least one minute and grows with length', () => {
    expect(minutesToRead(countWords('short'))).toBe(1);
    expect(minutesToRead(countWords('word '.repeat(1000)))).toBe(5);
  });
});
