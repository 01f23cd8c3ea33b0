/** One thing wrong with the content, located to a file and line. */
export interface Problem {
  /** Path of the file as shown to the writer, e.g. content/skills/redis.mdx. */
  file: string;
  line: number;
  rule: RuleName;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** Every rule the content check applies; CONTRIBUTING.md explains each one. */
export const RULES = {
  filename: 'file and folder names: one folder per collection, lower-case-hyphenated .mdx files, one file per slug',
  frontmatter: 'the frontmatter exists and is valid YAML',
  schema: "every field matches the collection's schema (src/schemas/)",
  date: 'dates are real calendar dates written as YYYY-MM-DD',
  reference: 'references in the frontmatter name entries that exist',
  'draft-link': 'published pages do not link to or reference drafts',
  'previous-id': "old page names in previousIds belong to no page now and to one page's previousIds only",
  mdx: 'the body is valid MDX',
  link: 'links inside the site point to a page, and #anchors to a heading on it',
  image: 'images sit beside the article, exist, have alt text and are a type the image pipeline takes',
  heading: 'headings start at ## and never skip a level; the title is the only h1',
  component: 'only the components listed in CONTRIBUTING.md are used',
  duplicate: 'no two pages share a title or a description',
  orphan: 'every published page is linked from at least one other published page',
  statistic: 'a page that states a statistic lists its sources',
  sources: 'every published page cites a primary source, by its id in content/sources.yaml',
  repeat: 'no code block of five lines or more, and no paragraph, stands (nearly) the same on two pages',
  fact: 'every <Fact id> names a fact in content/facts.yaml, and the facts files are valid',
  length: 'published pages have enough prose',
  todo: 'published pages have no TODO placeholders left from `npm run new`',
} as const;

export type RuleName = keyof typeof RULES;

/** `file:line: rule: message (how to fix)` — one line per problem, clickable in editors and CI logs. */
export function formatProblem(problem: Problem): string {
  // Fixes shared with the build's messages are whole sentences; here they follow a comma-free "(".
  const fix = problem.fix.replace(/\.$/, '').replace(/^[A-Z](?=[a-z ])/, (first) => first.toLowerCase());
  return `${problem.file}:${problem.line}: ${problem.rule}: ${problem.message} (${fix})`;
}
