/**
 * Syntax-highlighting themes for code blocks: GitHub's light and dark themes with every
 * token colour raised to WCAG AA contrast (4.5:1) on its background. The originals
 * fall short (dark comments are 3.05:1, light variables 3.49:1).
 */
import type { ThemeRegistrationRaw } from 'shiki';
import githubDark from 'shiki/themes/github-dark.mjs';
import githubLight from 'shiki/themes/github-light.mjs';
import { AA_TEXT_CONTRAST, ensureContrast } from './contrast.ts';

/** A copy of `theme` whose foreground colours all reach `minimum` contrast on the background they sit on. */
export function withReadableContrast(theme: ThemeRegistrationRaw, minimum = AA_TEXT_CONTRAST): ThemeRegistrationRaw {
  const colors = { ...theme.colors };
  const background = colors['editor.background'];
  const foreground = colors['editor.foreground'];
  if (!background || !foreground) throw new Error(`Code theme "${theme.name}" has no editor.background or editor.foreground`);
  colors['editor.foreground'] = ensureContrast(foreground, background, minimum);
  const tokenColors = (theme.tokenColors ?? []).map((rule) => {
    const { foreground: fore, background: back } = rule.settings;
    if (!fore) return rule;
    return { ...rule, settings: { ...rule.settings, foreground: ensureContrast(fore, back ?? background, minimum) } };
  });
  return { ...theme, name: `${theme.name}-aa`, displayName: `${theme.displayName ?? theme.name} (AA contrast)`, colors, tokenColors };
}

/** The themes Astro's Shiki uses, one per colour scheme. */
export const codeThemes = {
  light: withReadableContrast(githubLight),
  dark: withReadableContrast(githubDark),
};
