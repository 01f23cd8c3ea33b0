/**
 * <theme-switch>: the header's System / Light / Dark control. The inline head
 * script has already applied a stored choice; this only keeps the control, the
 * <html data-theme> attribute and localStorage in step, across tabs too.
 */
import { isThemeChoice, THEME_STORAGE_KEY, type ThemeChoice } from '@/lib/theme';

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
}

class ThemeSwitch extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select');
    if (!select) return;
    select.value = stored();
    select.addEventListener('change', () => {
      const choice = isThemeChoice(select.value) ? select.value : 'system';
      apply(choice);
      try {
        if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
        else localStorage.setItem(THEME_STORAGE_KEY, choice);
      } catch {
        // Storage blocked: the choice holds for this page only.
      }
    });
    addEventListener('storage', (event) => {
      if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
      select.value = stored();
      apply(select.value as ThemeChoice);
    });
  }
}

customElements.define('theme-switch', ThemeSwitch);
