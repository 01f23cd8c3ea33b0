import { describe, expect, it } from 'vitest';
import { toSlug } from './slug.ts';

describe('toSlug', () => {
  it('makes lower-case hyphenated ASCII from titles writers type', () => {
    expect(toSlug('C# and .NET')).toBe('csharp-and-net');
    expect(toSlug('Café & C++ — the basics')).toBe('cafe-and-cpp-the-basics');
    expect(toSlug("  What's new?  ")).toBe('whats-new');
  });
});
