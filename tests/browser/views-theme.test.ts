/**
 * The theme switch in a real browser: it follows the system until the reader
 * chooses, applies a choice at once, remembers it across pages and reloads with
 * no flash of the other theme, and works from the keyboard.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site-session';

const site = useSite();
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(16, 21, 28)';

type Page = Awaited<ReturnType<typeof site.newPage>>;
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset['theme'] ?? null);
const control = (page: Page) => page.getByRole('combobox', { name: 'Colour theme' });

describe('the theme switch', () => {
  it('follows the system by default, and the chosen theme applies at once', async () => {
    const page = await site.newPage({ colorScheme: 'dark' });
    await page.goto(site.url('/skills/redis/'));
    expect(await control(page).inputValue()).toBe('system');
    expect(await background(page)).toBe(DARK_BG);
    await control(page).selectOption('light');
    expect(await theme(page)).toBe('light');
    expect(await background(page)).toBe(LIGHT_BG);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('remembers the choice on other pages and after a reload, and shows it in the control', async () => {
    const page = await site.newPage({ colorScheme: 'light' });
    await page.goto(site.url('/'));
    await control(page).selectOption('dark');
    await page.goto(site.url('/skills/matrix/'));
    expect(await theme(page)).toBe('dark');
    expect(await background(page)).toBe(DARK_BG);
    expect(await control(page).inputValue()).toBe('dark');
    await page.reload();
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => localStorage.getItem('atlas-theme'))).toBe('dark');
    await page.close();
  });

  it('has the stored theme in place before any of the page body exists, so nothing paints in the other theme', async () => {
    const page = await site.newPage({ colorScheme: 'light' });
    await page.goto(site.url('/'));
    await control(page).selectOption('dark');
    // Record <html data-theme> at the moment the parser creates <body>: rendering needs
    // body content, so whatever is set by then is what the first paint uses.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string | null }).themeAtBody = document.documentElement.dataset['theme'] ?? null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    for (const path of ['/guides/what-does-a-backend-developer-do/', '/paths/map/']) {
      await page.goto(site.url(path));
      expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody), path).toBe('dark');
    }
    await page.close();
  });

  it('goes back to following the system when "System" is chosen', async () => {
    const page = await site.newPage({ colorScheme: 'light' });
    await page.goto(site.url('/'));
    await control(page).selectOption('dark');
    await control(page).selectOption('system');
    expect(await theme(page)).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('atlas-theme'))).toBeNull();
    expect(await background(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe(DARK_BG);
    await page.close();
  });

  it('can be reached with Tab and changed with the arrow keys', async () => {
    const page = await site.newPage({ colorScheme: 'light' });
    await page.goto(site.url('/skills/redis/'));
    let focused = '';
    for (let presses = 0; presses < 30 && focused !== 'theme'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.closest('theme-switch') ? 'theme' : (document.activeElement?.tagName ?? '')));
    }
    expect(focused).toBe('theme');
    await page.keyboard.press('ArrowDown');
    expect(await control(page).inputValue()).toBe('light');
    await page.keyboard.press('ArrowDown');
    expect(await control(page).inputValue()).toBe('dark');
    expect(await background(page)).toBe(DARK_BG);
    await page.close();
  });

  it('stays out of sight when JavaScript is off, since it could not work', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/'));
    expect(await page.locator('theme-switch').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    await page.close();
  });
});
