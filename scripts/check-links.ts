/**
 * Reads the built site and reports every internal link or asset reference that
 * points to no file, and every #fragment that names no element on its target
 * page. External links are listed, not fetched; --external-report writes that
 * list (each URL with the pages that link to it) to a JSON file for review.
 *
 *   node scripts/check-links.ts [dist] [--base /atlas/] [--external-report reports/external-links.json]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'node-html-parser';

export interface LinkProblem {
  /** Page file relative to dist/, with the 1-based line of the element. */
  file: string;
  line: number;
  element: string;
  target: string;
  message: string;
}

export interface LinkReport {
  problems: LinkProblem[];
  external: { file: string; url: string }[];
  pagesChecked: number;
}

/** Attributes that hold one URL; srcset holds several (checked separately). */
const ATTRIBUTES = ['href', 'src', 'action', 'poster'] as const;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The file a site path is served from, or undefined when nothing is there. */
function resolveTarget(dist: string, path: string): string | undefined {
  const candidate = join(dist, decodeURIComponent(path));
  if (path.endsWith('/')) return existsSync(join(candidate, 'index.html')) ? join(candidate, 'index.html') : undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/**
 * @param site the site's own origin: absolute links to it (canonical URLs) are checked as internal.
 */
export function checkLinks(distDir: string, base = '/', site = 'https://backend-atlas.example.org'): LinkReport {
  const dist = resolve(distDir);
  const pages = walk(dist).filter((file) => file.endsWith('.html') && !relative(dist, file).startsWith('pagefind'));
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = new Set(
        parse(readFileSync(file, 'utf8'))
          .querySelectorAll('[id]')
          .map((el) => el.id),
      );
      idCache.set(file, ids);
    }
    return ids;
  };
  const report: LinkReport = { problems: [], external: [], pagesChecked: pages.length };
  for (const file of pages) {
    const text = readFileSync(file, 'utf8');
    const root = parse(text);
    const pageFile = relative(dist, file).split('\\').join('/');
    const pageUrl = new URL(`/${pageFile.replace(/index\.html$/, '')}`, 'http://site.invalid');
    for (const element of root.querySelectorAll([...ATTRIBUTES, 'srcset'].map((a) => `[${a}]`).join(','))) {
      const references = [
        ...ATTRIBUTES.map((attribute) => [attribute, element.getAttribute(attribute)] as const),
        // srcset: "a.png 1x, b.png 2x" — each candidate URL is a reference.
        ...(element.getAttribute('srcset') ?? '').split(',').map((candidate) => ['srcset', candidate.trim().split(/\s+/)[0]] as const),
      ];
      for (const [attribute, value] of references) {
        if (value === undefined || value === '') continue;
        const problem = (message: string) =>
          report.problems.push({
            file: pageFile,
            line: lineAt(text, element.range[0]),
            element: `<${element.tagName.toLowerCase()} ${attribute}="${value}">`,
            target: value,
            message,
          });
        if (/^(mailto:|tel:|data:|javascript:)/i.test(value)) continue;
        const own = value.startsWith(`${new URL(site).origin}/`) ? value.slice(new URL(site).origin.length) : value;
        const url = new URL(own, new URL(base.replace(/\/?$/, '/').slice(1) + pageUrl.pathname.slice(1), 'http://site.invalid/'));
        if (url.origin !== 'http://site.invalid') {
          report.external.push({ file: pageFile, url: url.href });
          continue;
        }
        if (!url.pathname.startsWith(base)) {
          problem(`points outside the site's base path ${base}`);
          continue;
        }
        const sitePath = `/${url.pathname.slice(base.length)}`;
        const target = resolveTarget(dist, sitePath);
        if (!target) {
          problem(`points to ${url.pathname}, but dist/ has no file there`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
          problem(`points to #${fragment}, but ${relative(dist, target)} has no element with id="${fragment}"`);
        }
      }
    }
  }
  return report;
}

export function formatProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `dist/${p.file}:${p.line}: broken link: ${p.element} ${p.message}`).join('\n');
}

export interface ExternalLinksReport {
  /** How many pages were read. */
  pagesChecked: number;
  /** Each distinct external URL, sorted, with the pages that link to it. Not fetched. */
  links: { url: string; pages: string[] }[];
}

/** The external links of a report, one entry per URL, for a reviewer or a scheduled link-rot job. */
export function externalLinks(report: LinkReport): ExternalLinksReport {
  const byUrl = new Map<string, Set<string>>();
  for (const { url, file } of report.external) byUrl.set(url, (byUrl.get(url) ?? new Set()).add(file));
  return {
    pagesChecked: report.pagesChecked,
    links: [...byUrl].sort(([a], [b]) => a.localeCompare(b)).map(([url, pages]) => ({ url, pages: [...pages].sort() })),
  };
}

/** Writes the external-links list as JSON; returns it. */
export function writeExternalReport(report: LinkReport, file: string): ExternalLinksReport {
  const external = externalLinks(report);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(external, null, 2)}\n`);
  return external;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const baseIndex = args.indexOf('--base');
  const base = baseIndex >= 0 ? args.splice(baseIndex, 2)[1]! : '/';
  const reportIndex = args.indexOf('--external-report');
  const reportFile = reportIndex >= 0 ? args.splice(reportIndex, 2)[1] : undefined;
  const { siteConfig } = await import('../site.config.mjs');
  const report = checkLinks(args[0] ?? 'dist', base, siteConfig.site);
  if (reportFile) {
    const { links } = writeExternalReport(report, reportFile);
    console.log(`${links.length} external link(s) listed in ${reportFile}.`);
  }
  if (report.problems.length > 0) console.error(formatProblems(report.problems));
  console.log(
    `${report.pagesChecked} pages checked: ${report.problems.length} broken internal link(s); ` +
      `${new Set(report.external.map((e) => e.url)).size} distinct external link(s) (not fetched).`,
  );
  process.exit(report.problems.length > 0 ? 1 : 0);
}
