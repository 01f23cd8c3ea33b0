/**
 * A diagram in a real browser, in both themes, on a phone and on a desktop: it takes its
 * colours from the theme, keeps its labels at a readable size (scrolling inside its own box
 * on a phone, which a keyboard can scroll too), never widens the page, and its text
 * alternative opens to the same content. Screenshots are kept in reports/diagrams/ for a
 * person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixture-build';
import { htmlPages, page } from '../support/dist';
import { useSite } from '../support/site-session';

const site = useSite();
const PAGE = '/guides/how-a-backend-fits-together/';
const SHOTS = join(ROOT, 'reports/diagrams');

type Page = Awaited<ReturnType<typeof site.newPage>>;

/** What the first diagram on the page looks like, measured in the browser. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const figure = document.querySelector('.prose figure.diagram')!;
    const box = figure.querySelector<HTMLElement>('.diagram-scroll')!;
    const svg = figure.querySelector('svg')!;
    const label = svg.querySelector('.node text, .actor text')!;
    const style = getComputedStyle(document.documentElement);
    const probe = document.createElement('span');
    probe.style.color = style.getPropertyValue('--color-text');
    document.body.append(probe);
    const textColour = getComputedStyle(probe).color;
    probe.remove();
    const { width } = svg.getBoundingClientRect();
    return {
      labelFill: getComputedStyle(label).fill,
      textColour,
      nodeFill: getComputedStyle(svg.querySelector('rect')!).fill,
      // How much the drawing is scaled: its labels are drawn at 11–13px at scale 1.
      scale: width / svg.viewBox.baseVal.width,
      scrolls: box.scrollWidth > box.clientWidth,
      pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
      focusable: box.tabIndex === 0,
    };
  });

describe('a diagram in the browser', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [375, 1280]) {
      it(`follows the ${colorScheme} theme and stays readable at ${width}px`, async () => {
        const page = await site.newPage({ colorScheme, viewport: { width, height: 900 } });
        await page.goto(site.url(PAGE));
        const figure = page.locator('.prose figure.diagram').first();
        await figure.scrollIntoViewIfNeeded();
        mkdirSync(SHOTS, { recursive: true });
        await figure.screenshot({ path: join(SHOTS, `${colorScheme}-${width}.png`) });
        const seen = await measure(page);
        expect(seen.labelFill).toBe(seen.textColour);
        expect(seen.pageOverflows).toBe(false);
        expect(seen.focusable).toBe(true);
        if (width === 375) {
          // Drawn at full size; the box scrolls instead of the labels shrinking.
          expect(seen.scale).toBeGreaterThanOrEqual(0.99);
        } else {
          expect(seen.scrolls).toBe(false);
          expect(seen.scale).toBeGreaterThan(0.7);
        }
        expect(page.errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('draws nodes in different colours in the two themes', async () => {
    const fills: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site.newPage({ colorScheme });
      await page.goto(site.url(PAGE));
      fills.push((await measure(page)).nodeFill);
      await page.close();
    }
    expect(fills[0]).not.toBe(fills[1]);
  });

  it('scrolls sideways from the keyboard on a phone when a diagram is wider than the screen, and opens its text alternative', async () => {
    // The widest diagram on the site: drawn at full size, it cannot fit a 375px screen.
    const widest = htmlPages()
      .flatMap((file) =>
        page(file)
          .querySelectorAll('.prose figure.diagram svg')
          .map((svg, index) => ({ file, index, width: Number(svg.getAttribute('width')) })),
      )
      .sort((a, b) => b.width - a.width)[0]!;
    expect(widest.width).toBeGreaterThan(375);
    const phone = await site.newPage({ viewport: { width: 375, height: 800 } });
    await phone.goto(site.url(`/${widest.file.replace(/index\.html$/, '')}`));
    const figure = phone.locator('.prose figure.diagram').nth(widest.index);
    const box = figure.locator('.diagram-scroll');
    expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await box.focus();
    await phone.keyboard.press('ArrowRight');
    await phone.keyboard.press('ArrowRight');
    // Keyboard scrolling is animated: wait for it to move (the test fails on the timeout if it never does).
    await box.evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          const check = () => (element.scrollLeft > 0 ? resolve() : requestAnimationFrame(check));
          check();
        }),
    );
    expect(await box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    const details = figure.locator('.diagram-text');
    await details.locator('summary').click();
    const items = await details.locator('li').allTextContents();
    expect(items.length).toBeGreaterThan(1);
    expect(await details.locator('li').first().isVisible()).toBe(true);
    await phone.close();
  });
});
