/**
 * The table of contents marks the section being read as the reader scrolls
 * (aria-current="true" on its link), one section at a time.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site-session';

const site = useSite();
const ARTICLE = '/guides/what-does-a-backend-developer-do/';

type Page = Awaited<ReturnType<typeof site.newPage>>;
const current = (page: Page) =>
  page.evaluate(async () => {
    // The highlight updates on the next animation frame after a scroll.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return [...document.querySelectorAll('.toc a[aria-current="true"]')].map((a) => a.getAttribute('href'));
  });

describe('table of contents highlight', () => {
  it('marks the section scrolled to, and only that one', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url(ARTICLE));
    const targets = await page.locator('.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(targets.length).toBeGreaterThan(3);
    for (const target of [targets[1]!, targets[3]!, targets[2]!]) {
      await page.locator(target).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      expect(await current(page), target).toEqual([target]);
    }
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('marks the last section at the bottom of the page, and none above the first heading', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url(ARTICLE));
    expect(await current(page)).toEqual([]);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const last = await page.locator('.toc a').last().getAttribute('href');
    expect(await current(page)).toEqual([last]);
    await page.close();
  });

  it('works on a phone too, where the contents sit above the article', async () => {
    const page = await site.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(site.url(ARTICLE));
    const target = await page.locator('.toc a').nth(2).getAttribute('href');
    await page.locator(target!).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    expect(await current(page)).toEqual([target]);
    await page.close();
  });
});
