/**
 * <theme-switch>: the header's System / Light / Dark control. The inline head
 * script (theme-init-script.ts) has already applied any stored choice to
 * <html data-theme>, so the control starts from that and only has to keep the
 * attribute and localStorage in step when the reader changes it.
 */
import { THEME_STORAGE_KEY } from '@/lib/theme/theme';

customElements.define(
  'theme-switch',
  class extends HTMLElement {
    connectedCallback(): void {
      const select = this.querySelector('select')!;
      const root = document.documentElement.dataset;
      select.value = root['theme'] ?? 'system';
      select.onchange = () => {
        const choice = select.value;
        if (choice === 'system') delete root['theme'];
        else root['theme'] = choice;
        try {
          if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
          else localStorage.setItem(THEME_STORAGE_KEY, choice);
        } catch {
          // Storage blocked: the choice holds for this page only.
        }
      };
    }
  },
);
