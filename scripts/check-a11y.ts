/**
 * Accessibility audit of built pages in real Chromium: axe-core's WCAG 2.0, 2.1 and
 * 2.2 level A and AA rules, run on every page in each colour scheme at each width.
 *
 *   node scripts/check-a11y.ts [dist] [page.html …]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { formatPageProblems, listPages, type PageProblem, pageUrl } from './page-problems.ts';

/** The axe-core tags for WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export type ColorScheme = 'light' | 'dark';
export interface Viewport {
  name: string;
  width: number;
  height: number;
}
export const PHONE: Viewport = { name: 'phone', width: 375, height: 812 };
export const DESKTOP: Viewport = { name: 'desktop', width: 1280, height: 800 };

export interface AuditConditions {
  schemes: ColorScheme[];
  viewports: Viewport[];
}

/** The WCAG rules whose outcome depends on colours alone. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
export const ALL_CONDITIONS: AuditConditions = { schemes: ['light', 'dark'], viewports: [PHONE, DESKTOP] };

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe on the document currently open in `page`, as it is now (the caller sets
 * up the state: scheme, width, an open popup…). Returns one problem per element.
 */
export async function axeViolations(page: Page, file: string, condition: string, { rules }: { rules?: string[] } = {}): Promise<PageProblem[]> {
  // Evaluated through the DevTools protocol, not as a <script>: the pages' CSP allows no injected script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: WCAG_TAGS };
  const violations = await page.evaluate(
    async (only) =>
      (
        await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe.run(document, {
          runOnly: only,
          resultTypes: ['violations'],
        })
      ).violations,
    runOnly,
  );
  return (violations as AxeViolation[]).flatMap((violation) =>
    violation.nodes.map((node) => ({
      file,
      rule: violation.id,
      element: `${node.target.map(String).join(' ')} ${node.html.replace(/\s+/g, ' ').slice(0, 160)}`,
      message: `${violation.help} (${violation.impact ?? 'unknown'} impact; ${condition})${
        node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ').trim()}` : ''
      }`,
    })),
  );
}

/**
 * Runs in the page: a hash of where every element is and whether it shows. Two colour
 * schemes with the same fingerprint differ in colour only, so only the colour rules can
 * give a different answer in the second one.
 */
function layoutFingerprint(): number {
  let hash = 0;
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    const shown = element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ? 1 : 0;
    const text = `${element.tagName}${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.width)},${Math.round(box.height)},${shown};`;
    for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  }
  return hash;
}

/**
 * Opens one page and audits it under every condition; a problem seen under several is
 * reported once, naming them all. At each width the first scheme gets every WCAG rule; a
 * later scheme gets every rule too if anything moved or appeared, else the colour rules.
 */
export async function auditPage(page: Page, url: string, file: string, conditions = ALL_CONDITIONS): Promise<PageProblem[]> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok() && file !== '404.html') {
    return [{ file, rule: 'page-loads', element: url, message: `the page answered HTTP ${response?.status() ?? 'nothing'}` }];
  }
  const found = new Map<string, PageProblem & { conditions: string[] }>();
  for (const viewport of conditions.viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    let firstLayout: number | undefined;
    for (const scheme of conditions.schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      const layout = await page.evaluate(layoutFingerprint);
      firstLayout ??= layout;
      const colourOnly = layout === firstLayout && scheme !== conditions.schemes[0];
      const condition = `${scheme} scheme, ${viewport.name} ${viewport.width}px`;
      for (const problem of await axeViolations(page, file, condition, colourOnly ? { rules: COLOUR_RULES } : {})) {
        const key = `${problem.rule}\u0000${problem.element}`;
        const seen = found.get(key);
        if (seen) seen.conditions.push(condition);
        else found.set(key, { ...problem, conditions: [condition] });
      }
    }
  }
  return [...found.values()].map(({ conditions: seenIn, ...problem }) =>
    seenIn.length > 1 ? { ...problem, message: `${problem.message} [also: ${seenIn.slice(1).join('; ')}]` } : problem,
  );
}

/**
 * Audits pages of a served site. `siteUrl` is the served root (ending in "/"),
 * `files` the page files relative to dist/. Pages are spread over `concurrency` tabs.
 */
export async function checkAccessibility(
  browser: Browser,
  siteUrl: string,
  files: string[],
  { conditions = ALL_CONDITIONS, concurrency = 2 }: { conditions?: AuditConditions; concurrency?: number } = {},
): Promise<PageProblem[]> {
  const queue = [...files];
  const problems: PageProblem[][] = [];
  const worker = async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      problems.push(await auditPage(page, pageUrl(siteUrl, file), file, conditions));
    }
    await context.close();
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return problems.flat().sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule));
}

if (import.meta.main) {
  const { launchBrowser } = await import('../tests/support/browser.ts');
  const { serveStatic } = await import('../tests/support/static-server.ts');
  const [dist = 'dist', ...only] = process.argv.slice(2);
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const files = only.length > 0 ? only : listPages(dist);
    const started = performance.now();
    const problems = await checkAccessibility(browser, server.url, files);
    if (problems.length > 0) console.error(formatPageProblems(problems));
    console.log(
      `${files.length} pages audited (light and dark, ${PHONE.width}px and ${DESKTOP.width}px) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s: ${problems.length} accessibility violation(s).`,
    );
    process.exitCode = problems.length > 0 ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
  }
}
