/**
 * The colour theme a reader picked: "system" follows the operating system (no
 * data-theme attribute, tokens.css uses light-dark()); "light" and "dark" set
 * data-theme on <html>. The choice is kept in localStorage under THEME_STORAGE_KEY.
 */
export const THEME_STORAGE_KEY = 'atlas-theme';
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
