import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site-session';

const site = useSite();

describe('reading the site in a browser', () => {
  it('renders the home page with its sections and no console errors', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/'));
    expect(await page.locator('h1').textContent()).toBe('Backend Atlas');
    for (const heading of ['Guides', 'Roles', 'Responsibilities', 'Skills', 'Career paths']) {
      expect(await page.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
    }
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('serves the 404 page with status 404 for an unknown path', async () => {
    const page = await site.newPage();
    const response = await page.goto(site.url('/skills/no-such-skill/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.close();
  });

  it('gives the 404 page no URL of its own: no og:url and no canonical, only noindex', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/no-such-page/'));
    expect(await page.locator('meta[property="og:url"]').count()).toBe(0);
    expect(await page.locator('link[rel="canonical"]').count()).toBe(0);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    // The rest of its sharing metadata stays: a link to a missing page still shows the site's card.
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Page not found');
    await page.close();
  });

  it('applies the dark colour scheme when the system prefers it', async () => {
    const light = await site.newPage({ colorScheme: 'light' });
    const dark = await site.newPage({ colorScheme: 'dark' });
    for (const page of [light, dark]) await page.goto(site.url('/skills/redis/'));
    const background = (page: typeof light) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background(light)).toBe('rgb(255, 255, 255)');
    expect(await background(dark)).toBe('rgb(16, 21, 28)');
    const codeColour = (page: typeof light) => page.evaluate(() => getComputedStyle(document.querySelector('pre.astro-code')!).backgroundColor);
    expect(await codeColour(light)).not.toBe(await codeColour(dark));
    await light.close();
    await dark.close();
  });
});

describe('search', () => {
  it('fetches no search asset until the reader focuses the search box', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/skills/redis/'));
    await page.waitForLoadState('networkidle');
    expect(page.fetched.filter((url) => url.includes('/pagefind/') || url.includes('/search/titles-'))).toEqual([]);
    // The header box searches the title index; Pagefind is for the search page.
    const index = page.waitForRequest((request) => /\/search\/titles-[\w-]+\.json$/.test(request.url()));
    await page.locator('#header-search-input').focus();
    await index;
    await page.close();
  });

  it('finds the PostgreSQL page for "postgres" from the header box', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/'));
    await page.locator('#header-search-input').fill('postgres');
    const first = page.locator('#header-search-results [role="option"]').first();
    await first.waitFor();
    expect(await first.locator('.hit-title').textContent()).toBe('PostgreSQL');
    expect(await page.locator('#header-search-input').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/skills\/postgresql\//);
    await page.close();
  });

  it('shows results for "rate limiting" on the search page opened from a URL', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/search/?q=rate+limiting'));
    const titles = page.locator('#page-search-results .hit-link');
    await titles.first().waitFor();
    const top = await titles.allTextContents();
    expect(top.slice(0, 5).some((t) => /Redis|Performance|API|Security/i.test(t))).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
