/**
 * Keyboard checks of built pages in real Chromium, by pressing Tab the way a reader does:
 * - the first Tab stop is a skip link, and following it moves focus into <main>;
 * - every Tab stop shows a focus indicator: an outline (or box-shadow) of at least 2px whose
 *   colour has 3:1 contrast with what is behind it (WCAG 2.4.7, 1.4.11), on screen (2.4.11);
 * - Tab reaches every tabbable element and then leaves the page: no focus trap (2.1.2).
 *
 *   node scripts/check-keyboard.ts [dist] [page.html …]
 */
import type { Browser, Page } from 'playwright-core';
import { formatPageProblems, listPages, type PageProblem, pageUrl } from './page-problems.ts';

/** What the browser reports about the focused element after a Tab press. */
interface FocusStop {
  /** Short CSS path, stable across presses: "header > nav > ul > li:nth-child(2) > a". */
  path: string;
  tag: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  boxShadow: string;
  /** Colour behind the outline: the nearest opaque background of an ancestor. */
  background: string;
  onScreen: boolean;
}

/** Runs in the page: a CSS selector for an element, from its nearest ancestor with an id. */
function domPath(node: Element): string {
  const parts: string[] = [];
  for (let current: Element | null = node; current && current !== document.body; current = current.parentElement) {
    if (current.id) {
      parts.unshift(`#${CSS.escape(current.id)}`);
      break;
    }
    const siblings = current.parentElement ? [...current.parentElement.children].filter((c) => c.tagName === current!.tagName) : [];
    parts.unshift(
      siblings.length > 1 ? `${current.tagName.toLowerCase()}:nth-of-type(${siblings.indexOf(current) + 1})` : current.tagName.toLowerCase(),
    );
  }
  return parts.join(' > ');
}

/**
 * Runs `fn(domPath)` in the page. Playwright sends a function to the page as its source
 * text, so a helper it calls cannot come from this module's scope: it is sent along.
 */
function evaluateWithPath<T>(page: Page, fn: (path: typeof domPath) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(${domPath.toString()})`) as Promise<T>;
}

/** Runs in the page: describes document.activeElement (null when focus has left the document). */
function describeActiveElement(path: typeof domPath): FocusStop | null {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  const style = getComputedStyle(element);
  let background = 'rgba(0, 0, 0, 0)';
  for (let current: Element | null = element.parentElement; current; current = current.parentElement) {
    const colour = getComputedStyle(current).backgroundColor;
    if (!/rgba\(.*,\s*0\)$/.test(colour) && colour !== 'transparent') {
      background = colour;
      break;
    }
  }
  if (background === 'rgba(0, 0, 0, 0)') background = getComputedStyle(document.documentElement).backgroundColor;
  const rect = element.getBoundingClientRect();
  return {
    path: path(element),
    tag: element.outerHTML
      .slice(0, element.outerHTML.indexOf('>') + 1)
      .replace(/\s+/g, ' ')
      .slice(0, 140),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    outlineColor: style.outlineColor,
    boxShadow: style.boxShadow,
    background,
    onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
  };
}

/** Runs in the page: the elements Tab should reach, in DOM order (approximation of the sequential focus order). */
function tabbableElements(path: typeof domPath): string[] {
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter(
      (element) =>
        element.tabIndex >= 0 &&
        !(element as HTMLInputElement).disabled &&
        element.checkVisibility({ visibilityProperty: true }) &&
        !element.closest('[inert]'),
    )
    .filter(
      (element) =>
        !(
          element instanceof HTMLInputElement &&
          element.type === 'radio' &&
          !element.checked &&
          document.querySelector(`input[type=radio][name="${CSS.escape(element.name)}"]:checked`)
        ),
    )
    .map(path);
}

function parseRgb(colour: string): [number, number, number, number] | undefined {
  const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(colour);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : undefined;
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast of two computed CSS colours (rgb()/rgba(); a translucent foreground is composited). */
export function cssContrast(foreground: string, background: string): number | undefined {
  const fore = parseRgb(foreground);
  const back = parseRgb(background);
  if (!fore || !back) return undefined;
  const alpha = fore[3];
  const mixed: [number, number, number, number] = [0, 1, 2].map((i) => fore[i]! * alpha + back[i]! * (1 - alpha)) as never;
  const [a, b] = [luminance(mixed), luminance(back)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/** The focus-indicator problems of one Tab stop, if any. */
function indicatorProblem(stop: FocusStop): string | undefined {
  const hasShadow = stop.boxShadow !== 'none' && stop.boxShadow !== '';
  const hasOutline = stop.outlineStyle !== 'none' && stop.outlineWidth >= 2;
  if (!hasOutline && !hasShadow) {
    return `shows no focus indicator (outline ${stop.outlineStyle} ${stop.outlineWidth}px, box-shadow ${stop.boxShadow}); keep the site's :focus-visible outline`;
  }
  if (hasOutline) {
    const ratio = cssContrast(stop.outlineColor, stop.background);
    if (ratio !== undefined && ratio < 3) {
      return `has a focus outline ${stop.outlineColor} on ${stop.background}: contrast ${ratio.toFixed(2)}:1, needs 3:1`;
    }
  }
  return undefined;
}

export interface KeyboardCheckOptions {
  /** Most Tab presses before the walk is declared trapped. */
  maxStops?: number;
  /** Check that the first stop is a skip link into <main> (true for every page of this site). */
  skipLink?: boolean;
}

/**
 * Keyboard-checks the page at `url` (opened fresh). `file` names it in the problems.
 * Leaves the page wherever the walk ended.
 */
export async function checkKeyboard(
  page: Page,
  url: string,
  file: string,
  { maxStops = 600, skipLink = true }: KeyboardCheckOptions = {},
): Promise<PageProblem[]> {
  const problems: PageProblem[] = [];
  const report = (rule: string, element: string, message: string) => problems.push({ file, rule, element, message });

  await page.goto(url, { waitUntil: 'load' });
  const expected = await evaluateWithPath(page, tabbableElements);

  if (skipLink) {
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const active = document.activeElement as HTMLAnchorElement | null;
      if (!active || active === document.body) return null;
      const tag = active.outerHTML
        .slice(0, active.outerHTML.indexOf('>') + 1)
        .replace(/\s+/g, ' ')
        .slice(0, 140);
      return { href: active.getAttribute('href'), text: active.textContent?.trim() ?? '', tag };
    });
    const target = first?.href?.startsWith('#') ? first.href.slice(1) : undefined;
    if (!first || !target || !/skip/i.test(first.text)) {
      report('skip-link', first?.tag ?? '(nothing focused)', 'the first Tab stop must be a "Skip to content" link to the main content');
    } else {
      await page.keyboard.press('Enter');
      const inMain = await page.evaluate((id) => {
        const main = document.getElementById(id);
        return Boolean(main && main.matches('main, [role="main"]') && (document.activeElement === main || main.contains(document.activeElement)));
      }, target);
      if (!inMain)
        report(
          'skip-link',
          first.tag,
          `following the skip link must move focus into <main>, but #${target} is not the main element or did not take focus`,
        );
    }
    await page.goto(url, { waitUntil: 'load' });
  }

  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  let left = false;
  for (let press = 0; press < maxStops; press++) {
    await page.keyboard.press('Tab');
    const stop = await evaluateWithPath(page, describeActiveElement);
    if (!stop) {
      left = true;
      break;
    }
    if (seen.has(stop.path)) {
      // Headless Chromium has no browser UI to tab into, so after the last stop Tab wraps to the first:
      // that is the whole page, not a trap. Coming back to any other stop is a loop.
      if (stop.path === stops[0]?.path) {
        left = true;
        break;
      }
      report(
        'focus-trap',
        `${stop.path} ${stop.tag}`,
        `Tab came back to this element after ${stops.length} stops without leaving the page: focus is trapped`,
      );
      break;
    }
    seen.add(stop.path);
    stops.push(stop);
    const problem = indicatorProblem(stop);
    if (problem) report('focus-visible', `${stop.path} ${stop.tag}`, problem);
    if (!stop.onScreen) report('focus-not-obscured', `${stop.path} ${stop.tag}`, 'is focused but not on screen: a reader cannot see where focus is');
  }
  if (!left && stops.length >= maxStops) report('focus-trap', stops.at(-1)?.path ?? '', `Tab did not leave the page after ${maxStops} presses`);
  const unreached = expected.filter((path) => !seen.has(path));
  if (left && unreached.length > 0) {
    for (const path of unreached) report('focus-order', path, 'is tabbable but Tab never reached it');
  }
  return problems;
}

/** One representative page per kind of page: the home page, each collection index, one entry of each collection, … */
export function pagesByKind(files: string[]): string[] {
  const kinds = new Map<string, string>();
  for (const file of files) {
    const parts = file.split('/');
    const kind = `${parts.length > 1 ? parts[0] : file}/${parts.length}`;
    if (!kinds.has(kind)) kinds.set(kind, file);
  }
  return [...kinds.values()];
}

export async function checkKeyboardPages(
  browser: Browser,
  siteUrl: string,
  files: string[],
  options: KeyboardCheckOptions & { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<PageProblem[]> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const problems: PageProblem[] = [];
  for (const file of files) {
    problems.push(...(await checkKeyboard(page, pageUrl(siteUrl, file), file, options)));
  }
  await context.close();
  return problems;
}

if (import.meta.main) {
  const { launchBrowser } = await import('../tests/support/browser.ts');
  const { serveStatic } = await import('../tests/support/static-server.ts');
  const [dist = 'dist', ...only] = process.argv.slice(2);
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const files = only.length > 0 ? only : pagesByKind(listPages(dist));
    const started = performance.now();
    const problems = [
      ...(await checkKeyboardPages(browser, server.url, files, { colorScheme: 'light' })),
      ...(await checkKeyboardPages(browser, server.url, files, { colorScheme: 'dark' })),
    ];
    if (problems.length > 0) console.error(formatPageProblems(problems));
    console.log(
      `${files.length} pages walked with Tab (light and dark) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${problems.length} keyboard problem(s).`,
    );
    process.exitCode = problems.length > 0 ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
  }
}
