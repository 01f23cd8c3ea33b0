/**
 * Validates every HTML page in the built site with html-validate, using the
 * project's .htmlvalidate.mjs (the recommended preset; departures justified there).
 *
 *   node scripts/check-html.ts [dist]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ConfigData, HtmlValidate, StaticConfigLoader } from 'html-validate';
import projectConfig from '../.htmlvalidate.mjs';
import { formatPageProblems, listPages, openingTagAt, type PageProblem } from './page-problems.ts';

let validator: HtmlValidate | undefined;

/** Validates HTML sources; `pages` maps a page name (relative to dist/) to its text. */
export async function validateHtml(pages: Map<string, string>, config: ConfigData = projectConfig): Promise<PageProblem[]> {
  validator ??= new HtmlValidate(new StaticConfigLoader(config));
  const html = config === projectConfig ? validator : new HtmlValidate(new StaticConfigLoader(config));
  const problems: PageProblem[] = [];
  for (const [file, source] of pages) {
    const report = await html.validateString(source, file);
    for (const result of report.results) {
      for (const message of result.messages) {
        const tag = openingTagAt(source, message.offset);
        problems.push({
          file,
          line: message.line,
          column: message.column,
          rule: message.ruleId,
          element: [message.selector, tag].filter(Boolean).join(' '),
          message: message.message,
        });
      }
    }
  }
  return problems;
}

/** Every page of a built site, validated. */
export async function checkHtml(distDir: string): Promise<{ problems: PageProblem[]; pagesChecked: number }> {
  const dist = resolve(distDir);
  const files = listPages(dist);
  const pages = new Map(files.map((file) => [file, readFileSync(join(dist, file), 'utf8')]));
  return { problems: await validateHtml(pages), pagesChecked: files.length };
}

if (import.meta.main) {
  const { problems, pagesChecked } = await checkHtml(process.argv[2] ?? 'dist');
  if (problems.length > 0) console.error(formatPageProblems(problems));
  console.log(`${pagesChecked} pages validated: ${problems.length} HTML error(s).`);
  process.exit(problems.length > 0 ? 1 : 0);
}
