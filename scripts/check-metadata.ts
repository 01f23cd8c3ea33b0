/**
 * Checks the metadata of every page in the built site, all at once:
 * `lang`, a unique title and description, a canonical URL that is the page's own,
 * Open Graph URL and image, JSON-LD that parses and makes sense, and a sitemap
 * that lists exactly the published (indexable) pages.
 *
 *   node scripts/check-metadata.ts [dist] [--base /atlas/]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { formatPageProblems, lineAt, listPages, type PageProblem } from './page-problems.ts';

export const DESCRIPTION_LENGTH = { min: 50, max: 160 };

export interface MetadataOptions {
  /** The site's origin, e.g. https://backend-atlas.example.org. */
  site: string;
  /** Base path the site is served under, e.g. "/" or "/atlas/". */
  base?: string;
}

export interface MetadataReport {
  problems: PageProblem[];
  pagesChecked: number;
  /** Pages that ask not to be indexed (robots noindex): no canonical, not in the sitemap. */
  unindexed: string[];
}

/** Absolute URL a page file is published at: "skills/redis/index.html" → https://…/skills/redis/. */
export function pageUrl(file: string, { site, base = '/' }: MetadataOptions): string {
  const path = file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
  return new URL(`${base.replace(/\/?$/, '/')}${path}`, site).href;
}

/** The dist/ file an absolute URL on the site's origin is served from, or undefined. */
function fileFor(dist: string, url: URL, { site, base = '/' }: MetadataOptions): string | undefined {
  if (url.origin !== new URL(site).origin || !url.pathname.startsWith(base)) return undefined;
  const path = join(dist, decodeURIComponent(url.pathname.slice(base.length)));
  const candidate = url.pathname.endsWith('/') ? join(path, 'index.html') : path;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}

/** Every URL listed by the sitemap index and the sitemaps it names. */
export function sitemapUrls(dist: string, options: MetadataOptions): { urls: string[]; problems: PageProblem[] } {
  const problems: PageProblem[] = [];
  const locs = (file: string) => [...readFileSync(file, 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const indexFile = join(dist, 'sitemap-index.xml');
  if (!existsSync(indexFile)) {
    return {
      urls: [],
      problems: [{ file: 'sitemap-index.xml', rule: 'sitemap', element: 'sitemap-index.xml', message: 'the build wrote no sitemap index' }],
    };
  }
  const urls: string[] = [];
  for (const sitemap of locs(indexFile)) {
    const file = fileFor(dist, new URL(sitemap), options);
    if (!file) {
      problems.push({
        file: 'sitemap-index.xml',
        rule: 'sitemap',
        element: `<loc>${sitemap}</loc>`,
        message: 'names a sitemap that is not in dist/',
      });
      continue;
    }
    urls.push(...locs(file));
  }
  return { urls, problems };
}

const SCHEMA_ORG = /^https?:\/\/schema\.org\/?$/;
/** Properties Google's rich results need, per schema.org type this site emits. */
const REQUIRED: Record<string, string[]> = {
  WebSite: ['name', 'url'],
  WebPage: ['name', 'url'],
  CollectionPage: ['name', 'url'],
  Article: ['headline'],
  TechArticle: ['headline'],
  BreadcrumbList: ['itemListElement'],
  ListItem: ['position', 'name'],
  Occupation: ['name'],
  Organization: ['name'],
};

/** Problems with one parsed JSON-LD document: context, types, required properties, breadcrumb order, own URLs. */
function jsonLdProblems(data: unknown, checkUrl: (url: string) => string | undefined): string[] {
  const problems: string[] = [];
  const documents = Array.isArray(data) ? data : [data];
  for (const document of documents) {
    if (typeof document !== 'object' || document === null) {
      problems.push('is not a JSON object');
      continue;
    }
    const context = (document as Record<string, unknown>)['@context'];
    if (typeof context !== 'string' || !SCHEMA_ORG.test(context))
      problems.push(`has @context ${JSON.stringify(context)}; expected "https://schema.org"`);
    const graph = (document as Record<string, unknown>)['@graph'];
    const roots = Array.isArray(graph) ? graph : [document];
    const visit = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${path}[${index}]`));
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const type = record['@type'];
      const isReference = Object.keys(record).every((key) => key === '@id');
      if (!isReference && type === undefined) problems.push(`${path} has no @type`);
      for (const name of [type].flat()) {
        for (const property of REQUIRED[String(name)] ?? []) {
          const value = record[property];
          if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
            problems.push(`${path} (${String(name)}) has no ${property}`);
        }
      }
      if (type === 'BreadcrumbList' && Array.isArray(record['itemListElement'])) {
        const positions = record['itemListElement'].map((item) => (item as Record<string, unknown>)['position']);
        const expected = positions.map((_, index) => index + 1);
        if (JSON.stringify(positions) !== JSON.stringify(expected))
          problems.push(`${path} (BreadcrumbList) has positions ${JSON.stringify(positions)}; expected ${JSON.stringify(expected)}`);
      }
      for (const [key, value] of Object.entries(record)) {
        if (typeof value === 'string' && ['url', 'item', 'mainEntityOfPage', 'image', '@id'].includes(key) && /^https?:/.test(value)) {
          const problem = checkUrl(value);
          if (problem) problems.push(`${path}.${key} ${problem}`);
        } else if (value === null || (typeof value === 'string' && value.trim() === '')) {
          problems.push(`${path}.${key} is empty`);
        } else {
          visit(value, `${path}.${key}`);
        }
      }
    };
    roots.forEach((root, index) => visit(root, Array.isArray(graph) ? `@graph[${index}]` : '$'));
  }
  return problems;
}

export function checkMetadata(distDir: string, options: MetadataOptions): MetadataReport {
  const dist = resolve(distDir);
  const files = listPages(dist);
  const problems: PageProblem[] = [];
  const unindexed: string[] = [];
  const titles = new Map<string, string[]>();
  const descriptions = new Map<string, string[]>();
  const checkOwnUrl = (value: string): string | undefined => {
    const url = new URL(value);
    if (url.origin !== new URL(options.site).origin) return undefined;
    return fileFor(dist, url, options) ? undefined : `points to ${url.pathname}, which dist/ does not have`;
  };

  for (const file of files) {
    const source = readFileSync(join(dist, file), 'utf8');
    const root = parse(source);
    const at = (element: HTMLElement | null) => (element ? lineAt(source, element.range[0]) : undefined);
    const report = (rule: string, element: HTMLElement | null, tag: string, message: string) =>
      problems.push({ file, line: at(element), rule, element: tag, message });

    const html = root.querySelector('html');
    const lang = html?.getAttribute('lang') ?? '';
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang))
      report('lang', html, '<html>', `has lang="${lang}"; every page needs a language tag such as lang="en"`);

    const titleElements = root.querySelectorAll('head title');
    const title = titleElements[0]?.text.trim() ?? '';
    if (titleElements.length !== 1 || !title)
      report(
        'title',
        titleElements[0] ?? null,
        '<title>',
        `found ${titleElements.length} title element(s), text "${title}"; a page needs exactly one, not empty`,
      );
    else titles.set(title, [...(titles.get(title) ?? []), file]);

    const descriptionElements = root.querySelectorAll('meta[name="description"]');
    const description = descriptionElements[0]?.getAttribute('content')?.trim() ?? '';
    if (descriptionElements.length !== 1) {
      report(
        'description',
        descriptionElements[1] ?? null,
        '<meta name="description">',
        `found ${descriptionElements.length}; a page needs exactly one`,
      );
    } else if (description.length < DESCRIPTION_LENGTH.min || description.length > DESCRIPTION_LENGTH.max) {
      report(
        'description',
        descriptionElements[0]!,
        '<meta name="description">',
        `is ${description.length} characters; ${DESCRIPTION_LENGTH.min}–${DESCRIPTION_LENGTH.max} are allowed`,
      );
    }
    if (description) descriptions.set(description, [...(descriptions.get(description) ?? []), file]);

    const robots = root.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '';
    const indexable = !/noindex/i.test(robots);
    const canonicals = root.querySelectorAll('link[rel="canonical"]');
    const expected = pageUrl(file, options);
    if (!indexable) {
      unindexed.push(file);
      if (canonicals.length > 0)
        report(
          'canonical',
          canonicals[0]!,
          '<link rel="canonical">',
          'is on a noindex page; a page that asks not to be indexed names no canonical URL',
        );
    } else if (canonicals.length !== 1) {
      report(
        'canonical',
        canonicals[1] ?? html,
        '<link rel="canonical">',
        `found ${canonicals.length}; a published page needs exactly one, ${expected}`,
      );
    } else if (canonicals[0]!.getAttribute('href') !== expected) {
      report(
        'canonical',
        canonicals[0]!,
        `<link rel="canonical" href="${canonicals[0]!.getAttribute('href')}">`,
        `should be the page's own URL, ${expected}`,
      );
    }

    const ogUrl = root.querySelector('meta[property="og:url"]');
    if (!indexable && ogUrl) {
      report(
        'open-graph',
        ogUrl,
        `<meta property="og:url" content="${ogUrl.getAttribute('content') ?? ''}">`,
        'is on a noindex page; a page that asks not to be indexed (such as the 404 page) claims no URL of its own',
      );
    } else if (indexable && ogUrl?.getAttribute('content') !== expected) {
      report(
        'open-graph',
        ogUrl,
        `<meta property="og:url" content="${ogUrl?.getAttribute('content') ?? ''}">`,
        `should be the canonical URL, ${expected}`,
      );
    }
    for (const image of root.querySelectorAll('meta[property="og:image"], meta[name="twitter:image"]')) {
      const content = image.getAttribute('content') ?? '';
      const problem = /^https?:\/\//.test(content) ? checkOwnUrl(content) : 'must be an absolute URL';
      if (problem)
        report(
          'open-graph',
          image,
          `<meta ${image.getAttribute('property') ? `property="${image.getAttribute('property')}"` : `name="${image.getAttribute('name')}"`} content="${content}">`,
          problem,
        );
    }

    root.querySelectorAll('script[type="application/ld+json"]').forEach((script, index) => {
      const tag = `<script type="application/ld+json"> #${index + 1}`;
      let data: unknown;
      try {
        data = JSON.parse(script.rawText);
      } catch (error) {
        report('json-ld', script, tag, `is not valid JSON: ${(error as Error).message}`);
        return;
      }
      for (const message of jsonLdProblems(data, checkOwnUrl)) report('json-ld', script, tag, message);
    });
  }

  for (const [rule, seen] of [
    ['title-unique', titles],
    ['description-unique', descriptions],
  ] as const) {
    for (const [text, pages] of seen) {
      if (pages.length < 2) continue;
      for (const file of pages) {
        problems.push({
          file,
          rule,
          element: rule === 'title-unique' ? '<title>' : '<meta name="description">',
          message: `"${text}" is also used by ${pages.filter((p) => p !== file).join(', ')}`,
        });
      }
    }
  }

  const sitemap = sitemapUrls(dist, options);
  problems.push(...sitemap.problems);
  const listed = new Map<string, number>();
  for (const url of sitemap.urls) listed.set(url, (listed.get(url) ?? 0) + 1);
  for (const file of files) {
    const url = pageUrl(file, options);
    const count = listed.get(url) ?? 0;
    const indexable = !unindexed.includes(file);
    if (indexable && count === 0)
      problems.push({ file, rule: 'sitemap', element: `<loc>${url}</loc>`, message: 'the page is published but the sitemap does not list it' });
    if (!indexable && count > 0)
      problems.push({ file, rule: 'sitemap', element: `<loc>${url}</loc>`, message: 'the sitemap lists a page marked noindex' });
    if (count > 1) problems.push({ file, rule: 'sitemap', element: `<loc>${url}</loc>`, message: `the sitemap lists the page ${count} times` });
    listed.delete(url);
  }
  for (const url of listed.keys()) {
    problems.push({
      file: 'sitemap-0.xml',
      rule: 'sitemap',
      element: `<loc>${url}</loc>`,
      message: 'the sitemap lists a URL that is no page in dist/',
    });
  }
  return { problems, pagesChecked: files.length, unindexed };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const baseIndex = args.indexOf('--base');
  const base = baseIndex >= 0 ? args.splice(baseIndex, 2)[1]! : '/';
  const { siteConfig } = await import('../site.config.mjs');
  const report = checkMetadata(args[0] ?? 'dist', { site: siteConfig.site, base });
  if (report.problems.length > 0) console.error(formatPageProblems(report.problems));
  console.log(`${report.pagesChecked} pages checked: ${report.problems.length} metadata problem(s).`);
  process.exit(report.problems.length > 0 ? 1 : 0);
}
