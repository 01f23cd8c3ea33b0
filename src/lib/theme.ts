/**
 * The colour theme a reader picked: "system" follows the operating system (no
 * data-theme attribute, tokens.css uses light-dark()); "light" and "dark" set
 * data-theme on <html>. The choice is kept in localStorage under THEME_STORAGE_KEY.
 */
export const THEME_STORAGE_KEY = 'atlas-theme';
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * Runs in <head> before the stylesheet and before any content is parsed, so the
 * first paint already has the stored theme (no flash of the other one). Kept tiny
 * and inline on purpose: it must not wait for a file. localStorage can throw
 * (storage disabled), in which case the system theme applies.
 */
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}
