import { describe, expect, it } from 'vitest';
import { contrastRatio, ensureContrast, parseHex } from './contrast.ts';

describe('contrastRatio', () => {
  it('gives the WCAG extremes for black on white and a colour on itself', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#6a737d', '#6a737d')).toBe(1);
  });

  it('matches published figures for GitHub-dark comments (3.05:1, below AA)', () => {
    expect(contrastRatio('#6a737d', '#24292e')).toBeCloseTo(3.05, 2);
  });

  it('composites a translucent colour over its background', () => {
    expect(parseHex('#00000080', '#ffffff')).toEqual([127, 127, 127]);
  });

  it('rejects a value that is not a hex colour, naming it', () => {
    expect(() => parseHex('rebeccapurple')).toThrow('Not a hex colour: "rebeccapurple"');
  });
});

describe('ensureContrast', () => {
  it('keeps a colour that already passes', () => {
    expect(ensureContrast('#24292e', '#ffffff')).toBe('#24292e');
  });

  it('darkens a low-contrast colour on a light background just enough', () => {
    const fixed = ensureContrast('#e36209', '#ffffff');
    expect(contrastRatio(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(fixed, '#ffffff')).toBeLessThan(4.8);
  });

  it('lightens a low-contrast colour on a dark background', () => {
    const fixed = ensureContrast('#6a737d', '#24292e');
    expect(contrastRatio(fixed, '#24292e')).toBeGreaterThanOrEqual(4.5);
    expect(parseHex(fixed)[0]).toBeGreaterThan(0x6a);
  });
});
