/**
 * The text of a new page: frontmatter with every field of its collection, each
 * under a comment taken from the schema's own description, and a body outline
 * in the shape the collection's published pages share. Anything the writer still
 * has to decide is marked TODO, which `npm run check` refuses on a published page.
 */
import { stringify } from 'yaml';
import type { CollectionName } from '../../src/lib/content/collections.ts';
import type { FieldInfo } from './fields.ts';

export interface ExistingEntry {
  id: string;
  title: string;
}

export interface NewPage {
  collection: CollectionName;
  title: string;
  slug: string;
  /** The one-sentence summary; a TODO placeholder when left out. */
  description?: string | undefined;
  /** Today, as YYYY-MM-DD. */
  today: string;
  /** Values picked for closed-list fields (category, kind, section…). */
  choices: Record<string, string>;
  /** Slugs picked for reference fields (prerequisites, next, responsibilities…). */
  references: Record<string, string[]>;
  /** For roles: the skills picked, each with its level. */
  skills?: { skill: string; level: string }[];
}

const WIDTH = 100;

/** A YAML scalar, quoted only when YAML needs it. */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trim();

function comment(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = `${indent}#`;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== '#') {
      lines.push(line);
      line = `${indent}#`;
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

const slugList = (entries: readonly ExistingEntry[]) => entries.map((entry) => entry.id).join(', ') || '(none yet)';

/** A placeholder description that passes the schema (50–160 characters) and says what to write. */
export function placeholderDescription(title: string): string {
  return `TODO: one sentence of 50 to 160 characters on what ${title} covers and who it is for.`;
}

function frontmatter(fields: FieldInfo[], page: NewPage, existing: Map<string, ExistingEntry[]>): string[] {
  const out: string[] = ['---'];
  const help = (field: FieldInfo) => comment(`${field.required ? 'Required. ' : ''}${field.description}`);
  for (const field of fields) {
    const options = field.collection ? (existing.get(field.collection) ?? []) : [];
    switch (field.name) {
      case 'title':
        out.push(...help(field), `title: ${scalar(page.title)}`);
        continue;
      case 'description':
        out.push(...help(field), `description: ${scalar(page.description ?? placeholderDescription(page.title))}`);
        continue;
      case 'updated':
        out.push(...help(field), `updated: ${page.today}`);
        continue;
      case 'draft':
        out.push(
          ...comment(`${field.description} Delete this line when the page is ready: npm run check then holds it to the rules for published pages.`),
          'draft: true',
        );
        continue;
      case 'previousIds':
        // A new page has had no other name: the field matters only when a page is renamed.
        continue;
      case 'sources':
        out.push(
          ...help(field),
          '# Add a work to content/sources.yaml first if it is not there (title, publisher, url, edition, kind).',
          '# sources: [rfc-9110, bls-ooh-software-developers]',
        );
        continue;
    }
    switch (field.kind) {
      case 'choice': {
        const picked = page.choices[field.name];
        const allowed = `One of: ${field.choices!.join(', ')}.`;
        if (picked) out.push(...help(field), ...comment(allowed), `${field.name}: ${picked}`);
        else if (field.required)
          out.push(...help(field), ...comment(allowed), `${field.name}: ${field.choices![0]} # TODO: check this is the right one`);
        else out.push(...help(field), ...comment(allowed), `# ${field.name}: ${field.choices![0]}`);
        break;
      }
      case 'reference-list': {
        const picked = page.references[field.name] ?? [];
        out.push(...help(field), ...comment(`Existing: ${slugList(options)}.`));
        if (picked.length > 0) out.push(`${field.name}: [${picked.join(', ')}]`);
        else if ((field.min ?? 0) > 0 && options[0]) out.push(`${field.name}: [${options[0].id}] # TODO: pick the right ones`);
        else out.push(`${field.name}: []`);
        break;
      }
      case 'reference': {
        const [picked] = page.references[field.name] ?? [];
        out.push(
          ...help(field),
          ...comment(`Existing: ${slugList(options)}.`),
          picked ? `${field.name}: ${picked}` : `# ${field.name}: ${options[0]?.id ?? 'slug'}`,
        );
        break;
      }
      case 'object-list': {
        // A role's skills: each a skill slug with a level.
        const skill = field.items?.find((item) => item.kind === 'reference');
        const level = field.items?.find((item) => item.kind === 'choice');
        if (!skill || !level) break;
        const skills = existing.get(skill.collection ?? '') ?? [];
        out.push(...help(field), ...comment(`${level.description} Existing skills: ${slugList(skills)}.`), `${field.name}:`);
        const picked = page.skills ?? [];
        if (picked.length > 0) for (const item of picked) out.push(`  - { ${skill.name}: ${item.skill}, ${level.name}: ${item.level} }`);
        else if (skills[0])
          out.push(`  - { ${skill.name}: ${skills[0].id}, ${level.name}: ${level.choices![0]} } # TODO: list the skills this role needs`);
        break;
      }
      case 'text-list':
        out.push(...help(field), `${field.name}: []`);
        break;
      default:
        // Optional fields with a sensible default (order, onetSoc…): shown, left for the writer to set.
        out.push(...help(field), `# ${field.name}: ${field.default ?? (field.name === 'onetSoc' ? '"15-1252.00"' : '')}`.trimEnd());
    }
  }
  out.push('---');
  return out;
}

/** What each collection's published pages cover, as headings with guidance for the writer. */
const OUTLINES: Record<CollectionName, { heading: string; guidance: string }[]> = {
  guides: [
    {
      heading: 'TODO: first section heading',
      guidance: 'Answer the question in the title in the first section; readers who stop here should still leave with the answer.',
    },
    { heading: 'Common mistakes', guidance: 'What goes wrong in practice, and how people avoid it.' },
  ],
  roles: [
    { heading: 'What they are responsible for', guidance: 'The work this role owns, linking to each responsibility page.' },
    { heading: 'What a week looks like', guidance: 'Concrete tasks, meetings and on-call, not a job advert.' },
    { heading: 'Skills', guidance: 'The core and useful skills from the frontmatter, and why each matters here.' },
    { heading: 'How people get into it', guidance: 'The usual routes in, and what to learn first.' },
    { heading: 'How it differs from neighbouring roles', guidance: 'Compare with the related roles; a <ComparisonTable> often helps.' },
    { heading: 'Common job titles', guidance: 'The titles employers use for this work.' },
    { heading: 'Where it leads', guidance: 'The next steps, linking to career path pages.' },
  ],
  responsibilities: [
    { heading: 'What it covers', guidance: 'The work itself, with a small concrete example.' },
    { heading: 'Common mistakes', guidance: 'What goes wrong, and how teams catch it early.' },
  ],
  skills: [
    { heading: 'What backend developers do with it', guidance: 'Real uses, with a short code or command example if it helps.' },
    { heading: 'How to learn it', guidance: 'A route from first steps to working knowledge, linking to prerequisite skills.' },
    { heading: 'Common mistakes', guidance: 'What beginners and experienced people get wrong.' },
  ],
  paths: [
    { heading: 'What the work looks like', guidance: 'Day-to-day work at this level, workplace or specialisation.' },
    { heading: 'Common traps', guidance: 'What holds people back here.' },
    { heading: 'Where people go next', guidance: 'The next steps from the frontmatter, and what they ask of you.' },
  ],
};

function body(page: NewPage): string[] {
  const out = [
    '',
    `{/* TODO: open with two or three sentences that say what ${page.title.replace(/\*\//g, '* /')} is and why it matters to backend developers.`,
    '   Link to related pages from the text, e.g. [SQL](/skills/sql/): write site links from the root, ending in /.',
    '   Any figure (a percentage, a salary, a survey share) lives in content/facts.yaml and is shown with <Fact id="…" />; never estimate one. */}',
  ];
  for (const { heading, guidance } of OUTLINES[page.collection]) {
    out.push('', `## ${heading}`, '', `{/* TODO: ${guidance} */}`);
  }
  out.push('', '<KeyTakeaways>', '', '- TODO: three to five one-line takeaways.', '', '</KeyTakeaways>', '');
  return out;
}

/** The full MDX text of a new page. */
export function renderPage(fields: FieldInfo[], page: NewPage, existing: Map<string, ExistingEntry[]>): string {
  return [...frontmatter(fields, page, existing), ...body(page)].join('\n');
}
