import githubDark from 'shiki/themes/github-dark.mjs';
import { describe, expect, it } from 'vitest';
import { codeThemes, withReadableContrast } from './code-themes.ts';
import { contrastRatio } from './contrast.ts';

/** Every foreground colour of a theme with the background it is drawn on. */
function colourPairs(theme: typeof githubDark) {
  const background = theme.colors!['editor.background']!;
  return [
    { scope: 'editor.foreground', foreground: theme.colors!['editor.foreground']!, background },
    ...(theme.tokenColors ?? []).flatMap((rule) =>
      rule.settings.foreground
        ? [{ scope: String(rule.scope ?? rule.name), foreground: rule.settings.foreground, background: rule.settings.background ?? background }]
        : [],
    ),
  ];
}

describe('code themes', () => {
  it.each(Object.entries(codeThemes))('every token colour of the %s theme reaches 4.5:1', (_, theme) => {
    const failing = colourPairs(theme)
      .map((pair) => ({ ...pair, ratio: contrastRatio(pair.foreground, pair.background) }))
      .filter((pair) => pair.ratio < 4.5)
      .map((pair) => `${pair.scope}: ${pair.foreground} on ${pair.background} is ${pair.ratio.toFixed(2)}:1`);
    expect(failing).toEqual([]);
  });

  it('fixes the colours the original GitHub dark theme gets wrong', () => {
    const comment = (theme: typeof githubDark) => theme.tokenColors!.find((rule) => [rule.scope].flat().includes('comment'))!.settings.foreground!;
    expect(contrastRatio(comment(githubDark), '#24292e')).toBeLessThan(4.5);
    expect(contrastRatio(comment(withReadableContrast(githubDark)), '#24292e')).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves colours that already pass untouched', () => {
    const keyword = (theme: typeof githubDark) => theme.tokenColors!.find((rule) => [rule.scope].flat().includes('keyword'))!.settings.foreground;
    expect(keyword(codeThemes.dark)).toBe(keyword(githubDark));
  });
});
