import type { Locator, Page } from 'playwright-core';
import { page as builtPage } from './dist';

/** Whether the built site has the header's theme switch (tests of it are skipped without one). */
export function hasThemeSwitch(): boolean {
  return Boolean(builtPage('index.html').querySelector('theme-switch, [data-theme-switch], select[name="theme"]'));
}

/** The header's theme control, found by its role and name as a screen-reader user would. */
export function themeControl(page: Page): Locator {
  return page
    .getByRole('combobox', { name: /theme/i })
    .or(page.getByRole('radiogroup', { name: /theme/i }))
    .or(page.getByRole('button', { name: /theme|dark/i }))
    .first();
}
