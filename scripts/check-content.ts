/**
 * `npm run check`: lints content/ before any build and reports every problem at
 * once, one per line, as `file:line: rule: message (how to fix)`. Exits 1 if
 * there is any. It validates with the collections' real zod schemas and the
 * build's ContentGraph, and reads MDX with the parser the build uses, so what it
 * accepts builds and what it rejects would break or degrade the site.
 *
 *   node scripts/check-content.ts [content-dir]     (default: ATLAS_CONTENT_DIR or ./content)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { siteConfig } from '../site.config.mjs';
import { COLLECTION_NAMES, type CollectionName } from '../src/lib/content/collections.ts';
import { loadAstroErrorMap, loadCollectionSchemas } from './content-check/collection-schemas.ts';
import { readContentFolder } from './content-check/content-files.ts';
import { MdxSyntaxError, outlineMdx } from './content-check/mdx-outline.ts';
import { formatProblem, type Problem } from './content-check/problem.ts';
import {
  type CheckContext,
  type CheckedEntry,
  checkComponents,
  checkDates,
  checkFacts,
  checkDuplicates,
  checkFileNames,
  checkFrontmatter,
  checkHeadings,
  checkImages,
  checkLength,
  checkLinks,
  checkOrphans,
  checkPreviousIds,
  checkReferences,
  checkRepetition,
  checkSchemas,
  checkSources,
  checkStatistics,
  checkTodos,
  staleFactReport,
} from './content-check/rules.ts';
import { siteRoutes } from './content-check/site-routes.ts';
import { useRegistryOf } from '../src/lib/content/registry.ts';

const ROOT = resolve(import.meta.dirname, '..');

export interface ContentReport {
  problems: Problem[];
  /** Number of MDX files read. */
  checked: number;
  /** Facts last checked more than a year ago, with the pages that show them (not errors: a list to re-check). */
  stale: string[];
}

/**
 * The components writers can use in MDX without an import: the capitalised keys of
 * `mdxComponents` in src/components/mdx/index.ts (lower-case keys such as `table`
 * restyle Markdown's own elements and are not written by hand).
 */
export function mdxComponentNames(root = ROOT): string[] {
  const source = readFileSync(resolve(root, 'src/components/mdx/index.ts'), 'utf8');
  const object = /export const mdxComponents\s*=\s*\{([^}]*)\}/.exec(source);
  if (!object) throw new Error('src/components/mdx/index.ts must export `const mdxComponents = { … }`');
  return object[1]!
    .split(',')
    .map((item) => item.split(':')[0]!.trim())
    .filter((key) => /^[A-Z]/.test(key))
    .sort();
}

export async function checkContent(contentDir: string, today = new Date()): Promise<ContentReport> {
  // The schemas resolve source ids against this folder's content/sources.yaml.
  useRegistryOf(contentDir);
  const folder = readContentFolder(contentDir, COLLECTION_NAMES);
  const problems: Problem[] = [];
  const entries: CheckedEntry[] = folder.files.map((file) => {
    let outline: CheckedEntry['outline'];
    try {
      outline = outlineMdx(file.source);
    } catch (error) {
      if (!(error instanceof MdxSyntaxError)) throw error;
      problems.push({
        file: file.shown,
        line: error.line,
        rule: 'mdx',
        message: `the body is not valid MDX: ${error.message}`,
        fix: 'close every <Component> you open, and write a literal { or < as \\{ or \\<',
      });
    }
    return {
      file,
      collection: file.folder as CollectionName,
      id: file.name.toLowerCase(),
      draft: file.data?.['draft'] === true,
      entry: undefined,
      outline,
    };
  });
  const context: CheckContext = {
    folder,
    entries,
    root: ROOT,
    contentDir,
    components: mdxComponentNames(),
    routes: siteRoutes(ROOT, COLLECTION_NAMES, new Set(entries.map((entry) => `/${entry.collection}/${entry.id}/`))),
  };

  const [schemas, errorMap] = await Promise.all([loadCollectionSchemas(), loadAstroErrorMap()]);
  problems.push(
    ...checkFileNames(context),
    ...checkFrontmatter(context),
    ...checkDates(context),
    ...(await checkSchemas(context, schemas, errorMap)),
    ...checkReferences(context),
    ...checkPreviousIds(context),
    ...checkComponents(context),
    ...checkHeadings(context),
    ...checkLinks(context),
    ...checkImages(context),
    ...checkDuplicates(context),
    ...checkOrphans(context),
    ...checkStatistics(context),
    ...checkSources(context),
    ...checkFacts(context),
    ...checkRepetition(context),
    ...checkLength(context),
    ...checkTodos(context),
  );
  problems.sort((a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line || a.rule.localeCompare(b.rule));
  const stale = problems.some((p) => p.rule === 'fact') ? [] : staleFactReport(context, today);
  return { problems, checked: folder.files.length, stale };
}

if (import.meta.main) {
  const contentDir = resolve(process.argv[2] ?? siteConfig.contentDir);
  const { problems, checked, stale } = await checkContent(contentDir);
  if (stale.length > 0) {
    console.warn(
      `Facts last checked more than 12 months ago: check each against its source, then update its value and checked date in content/facts.yaml.`,
    );
    for (const line of stale) console.warn(`  ${line}`);
    console.warn('');
  }
  for (const line of problems.map(formatProblem)) console.error(line);
  if (problems.length > 0) {
    const files = new Set(problems.map((p) => p.file)).size;
    console.error(
      `\n✖ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} ` +
        `(${checked} checked). CONTRIBUTING.md, "Reading the errors", explains each rule.`,
    );
    process.exit(1);
  }
  console.log(`✔ ${checked} content files checked: no problems.`);
}
