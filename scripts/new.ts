/**
 * `npm run new`: creates a page with valid frontmatter for its collection, as a
 * draft, so the writer starts from something that already passes `npm run check`.
 *
 *   npm run new -- <collection> "<Title>" [--slug <file-name>]   no questions asked
 *   npm run new                                                  asks, offering existing entries
 *
 * It refuses to overwrite a file, to reuse a title, and to create a title or file
 * name the schema or the URL rules would reject. Pages go to ATLAS_CONTENT_DIR or ./content.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { siteConfig } from '../site.config.mjs';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, isCollectionName } from '../src/lib/content/collections.ts';
import { closest } from '../src/lib/views/graph.ts';
import { toSlug } from '../src/lib/content/slug.ts';
import { baseEntryShape, SLUG_PATTERN } from '../src/schemas/common.ts';
import { loadCollectionSchemas } from './content-check/collection-schemas.ts';
import { readContentFolder } from './content-check/content-files.ts';
import { describeFields, type FieldInfo } from './new-page/fields.ts';
import { type ExistingEntry, type NewPage, renderPage } from './new-page/page-template.ts';

/** A mistake in what the writer asked for; printed without a stack trace. */
class Refusal extends Error {}

/** The file name a title gives: lower-case ASCII words joined by hyphens. */
export function slugFromTitle(title: string): string {
  return toSlug(title);
}

/** Why a title cannot be used, in the schema's own words; undefined when it can. */
function titleProblem(title: string): string | undefined {
  if (/[\r\n]/.test(title)) return 'the title must be one line';
  const result = baseEntryShape.title.safeParse(title.trim());
  if (!result.success) return `the title ${result.error.issues[0]!.message} (it has ${[...title.trim()].length})`;
  if (!slugFromTitle(title)) return 'the title has no letters or digits to make a file name from; pass --slug <file-name>';
  return undefined;
}

function slugProblem(slug: string): string | undefined {
  if (!SLUG_PATTERN.test(slug))
    return `"${slug}" cannot be a file name: use lower-case letters and digits, with single hyphens between words, e.g. ${slugFromTitle(slug) || 'redis-streams'}`;
  if (slug.length > 60) return `"${slug}" is too long for a URL: keep it to 60 characters`;
  return undefined;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The existing entries of every collection (drafts included), to offer as references and to avoid duplicates. */
function existingEntries(contentDir: string): Map<string, ExistingEntry[]> {
  const folder = existsSync(contentDir) ? readContentFolder(contentDir, COLLECTION_NAMES) : { files: [], strays: [] };
  const existing = new Map<string, ExistingEntry[]>(COLLECTION_NAMES.map((name) => [name, []]));
  for (const file of folder.files) {
    if (!SLUG_PATTERN.test(file.name)) continue;
    const title = typeof file.data?.['title'] === 'string' ? (file.data['title'] as string) : file.name;
    existing.get(file.folder)!.push({ id: file.name, title });
  }
  return existing;
}

/** Refuses a page whose file or title is already taken. */
function refuseTaken(contentDir: string, collection: CollectionName, slug: string, title: string, existing: Map<string, ExistingEntry[]>): void {
  const folder = join(contentDir, collection);
  const clash = existsSync(folder) ? readdirSync(folder).find((name) => name.toLowerCase() === `${slug}.mdx`) : undefined;
  if (clash) {
    throw new Refusal(
      `${relative(process.cwd(), join(folder, clash))} already exists; nothing was written. Pick another title, or pass --slug <file-name>.`,
    );
  }
  for (const [name, entries] of existing) {
    const same = entries.find((entry) => entry.title.trim().toLowerCase() === title.trim().toLowerCase());
    if (same) {
      const path = relative(process.cwd(), join(contentDir, name, `${same.id}.mdx`));
      throw new Refusal(`${path} already has the title "${same.title}"; nothing was written. Each page needs its own title.`);
    }
  }
}

// ── Questions, for `npm run new` without arguments ─────────────────────────────

interface Asker {
  ask(question: string): Promise<string>;
  close(): void;
}

/** Reads answers line by line, from a terminal or from a pipe (tests type their answers in). */
function asker(): Asker {
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  return {
    async ask(question) {
      process.stdout.write(question);
      const next = await lines.next();
      if (next.done) throw new Refusal('no answer (input ended); nothing was written.');
      return next.value.trim();
    },
    close: () => void lines.return?.(),
  };
}

/** An answer taken, or why it cannot be, to ask again. */
type Parsed<T> = { value: T } | { problem: string };

async function askUntil<T>(asker: Asker, question: string, parse: (answer: string) => Parsed<T>): Promise<T> {
  for (;;) {
    const result = parse(await asker.ask(question));
    if ('value' in result) return result.value;
    process.stdout.write(`  ${result.problem}\n`);
  }
}

const numbered = (items: readonly string[]) => items.map((item, index) => `  ${String(index + 1).padStart(2)}) ${item}`).join('\n');

/** Parses "2, 5" into the picked items; blank picks none. */
function pickMany<T>(answer: string, items: readonly T[]): Parsed<T[]> {
  const picked: T[] = [];
  for (const part of answer.split(/[\s,]+/).filter(Boolean)) {
    const index = Number(part) - 1;
    if (!Number.isInteger(index) || items[index] === undefined) return { problem: `"${part}" is not one of the numbers listed` };
    if (!picked.includes(items[index])) picked.push(items[index]);
  }
  return { value: picked };
}

/** Parses one number into the picked item. */
function pickOne<T>(answer: string, items: readonly T[]): Parsed<T> {
  const result = pickMany(answer, items);
  if ('problem' in result) return result;
  return result.value.length === 1 ? { value: result.value[0]! } : { problem: 'type one of the numbers listed' };
}

async function interview(contentDir: string, existing: Map<string, ExistingEntry[]>): Promise<Omit<NewPage, 'today'> & { fields: FieldInfo[] }> {
  const questions = asker();
  try {
    process.stdout.write(`What kind of page?\n${numbered(COLLECTION_NAMES.map((name) => `${name}: ${COLLECTIONS[name].intro}`))}\n`);
    const collection = await askUntil(questions, 'Number: ', (answer) => pickOne(answer, COLLECTION_NAMES));
    const title = await askUntil(questions, 'Title (3–70 characters): ', (answer): Parsed<string> => {
      const problem = titleProblem(answer);
      return problem ? { problem } : { value: answer };
    });
    const slug = await askUntil(questions, `File name [${slugFromTitle(title)}]: `, (answer): Parsed<string> => {
      const slug = answer || slugFromTitle(title);
      const problem = slugProblem(slug);
      return problem ? { problem } : { value: slug };
    });
    refuseTaken(contentDir, collection, slug, title, existing);
    const description = await askUntil(
      questions,
      'One-sentence description, 50–160 characters (Enter to write it later): ',
      (answer): Parsed<string | undefined> => {
        if (answer === '') return { value: undefined };
        const result = baseEntryShape.description.safeParse(answer);
        return result.success ? { value: answer } : { problem: `the description ${result.error.issues[0]!.message} (it has ${[...answer].length})` };
      },
    );

    const fields = describeFields((await loadCollectionSchemas())[collection]);
    const page: Omit<NewPage, 'today'> & { fields: FieldInfo[] } = {
      collection,
      title,
      slug,
      description,
      choices: {},
      references: {},
      fields,
    };
    for (const field of fields) {
      if (field.kind === 'choice' && field.required) {
        process.stdout.write(`${field.name}: ${field.description}\n${numbered(field.choices!)}\n`);
        page.choices[field.name] = await askUntil(questions, 'Number: ', (answer) => pickOne(answer, field.choices!));
      } else if (field.kind === 'reference-list' || field.kind === 'reference') {
        const options = existing.get(field.collection!) ?? [];
        if (options.length === 0) continue;
        const needed = field.min ?? 0;
        process.stdout.write(`${field.name}: ${field.description}\n${numbered(options.map((entry) => `${entry.id} (${entry.title})`))}\n`);
        const picked = await askUntil(
          questions,
          `${field.kind === 'reference' ? 'Number' : 'Numbers, separated by commas'} (${needed > 0 ? `at least ${needed}` : 'Enter for none'}): `,
          (answer) => {
            const result = pickMany(answer, options);
            if ('problem' in result) return result;
            if (result.value.length < needed) return { problem: `pick at least ${needed}` };
            if (field.kind === 'reference' && result.value.length > 1) return { problem: 'pick one' };
            return result;
          },
        );
        page.references[field.name] = picked.map((entry) => entry.id);
      } else if (field.kind === 'object-list') {
        const skill = field.items?.find((item) => item.kind === 'reference');
        const level = field.items?.find((item) => item.kind === 'choice');
        if (!skill || !level) continue;
        const options = existing.get(skill.collection!) ?? [];
        process.stdout.write(`${field.name}: ${field.description}\n${numbered(options.map((entry) => `${entry.id} (${entry.title})`))}\n`);
        page.skills = [];
        for (const value of level.choices!) {
          const picked = await askUntil(questions, `Skills at level "${value}", numbers separated by commas (Enter for none): `, (answer) =>
            pickMany(answer, options),
          );
          page.skills.push(
            ...picked.filter((entry) => !page.skills!.some((item) => item.skill === entry.id)).map((entry) => ({ skill: entry.id, level: value })),
          );
        }
        if (page.skills.length < (field.min ?? 0))
          throw new Refusal(`a ${COLLECTIONS[collection].singular.toLowerCase()} needs at least ${field.min} skill; nothing was written.`);
      }
    }
    return page;
  } finally {
    questions.close();
  }
}

// ── The program ───────────────────────────────────────────────────────────────

function parseArguments(args: string[]): { collection?: string; title?: string; slug?: string } {
  const rest = [...args];
  const slugAt = rest.indexOf('--slug');
  const slug = slugAt >= 0 ? rest.splice(slugAt, 2)[1] : undefined;
  if (rest.some((arg) => arg.startsWith('--')))
    throw new Refusal(`unknown option ${rest.find((arg) => arg.startsWith('--'))}; the options are <collection> "<Title>" [--slug <file-name>]`);
  if (rest.length > 2) throw new Refusal('put the title in quotes: npm run new -- skills "Redis Streams"');
  return { ...(rest[0] && { collection: rest[0] }), ...(rest[1] !== undefined && { title: rest[1] }), ...(slug !== undefined && { slug }) };
}

export async function main(args: string[], contentDir = resolve(siteConfig.contentDir)): Promise<string> {
  const options = parseArguments(args);
  const existing = existingEntries(contentDir);
  let page: Omit<NewPage, 'today'> & { fields: FieldInfo[] };

  if (options.collection === undefined) {
    page = await interview(contentDir, existing);
  } else {
    const { collection } = options;
    if (!isCollectionName(collection)) {
      const suggestion = closest(collection, COLLECTION_NAMES);
      throw new Refusal(
        `"${collection}" is not a collection${suggestion ? `; did you mean ${suggestion}?` : '.'} Use one of: ${COLLECTION_NAMES.join(', ')}.`,
      );
    }
    if (options.title === undefined) throw new Refusal(`give the page a title: npm run new -- ${collection} "Page title"`);
    const title = options.title.trim();
    const problem = titleProblem(title);
    if (problem && !(options.slug && problem.includes('--slug'))) throw new Refusal(`${problem}; nothing was written.`);
    const slug = options.slug ?? slugFromTitle(title);
    const badSlug = slugProblem(slug);
    if (badSlug) throw new Refusal(`${badSlug}; nothing was written.`);
    refuseTaken(contentDir, collection, slug, title, existing);
    page = { collection, title, slug, choices: {}, references: {}, fields: describeFields((await loadCollectionSchemas())[collection]) };
  }

  const text = renderPage(page.fields, { ...page, today: today() }, existing);
  const folder = join(contentDir, page.collection);
  const file = join(folder, `${page.slug}.mdx`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, text, { flag: 'wx' }); // wx: never overwrite, even if the file appeared meanwhile
  return file;
}

if (import.meta.main) {
  try {
    const file = relative(process.cwd(), await main(process.argv.slice(2)));
    const url = `/${file
      .split('/')
      .slice(-2)
      .join('/')
      .replace(/\.mdx$/, '/')}`;
    console.log(
      [
        `Created ${file} as a draft.`,
        'Next:',
        `  1. npm run dev, then open http://localhost:4321${url} (drafts show there with a banner).`,
        '  2. Replace every TODO; CONTRIBUTING.md explains each field and the house style.',
        '  3. Delete the draft: true line when the page is ready, and run npm run check.',
      ].join('\n'),
    );
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(`npm run new: ${error.message}`);
    process.exit(1);
  }
}
