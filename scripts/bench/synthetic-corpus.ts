/**
 * A synthetic content folder of any size that passes the real schemas, for the benchmark.
 *
 * It is made of "sets": set 0 is the real content/ as written; set k copies real entries
 * with the slug suffix `-s<k>`, a unique title, every reference (frontmatter and links in
 * the body) pointed at the copy in the same set where there is one, and one added section
 * of set-specific text so the search index grows like a real site's. MDX features come
 * with the copies: components, code blocks, tables, links.
 *
 * Growth follows a real reference site: guides and skills grow with the site, while
 * roles, responsibilities and career paths stop after ROLE_SETS sets (a site with 10,000
 * pages still has tens of roles, not a thousand — and the role × skill matrix would
 * otherwise grow with the square of the site).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { COLLECTION_NAMES } from '../../src/lib/content/collections.ts';
import { REGISTRY_FILES } from '../../src/lib/content/registry.ts';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const ROLE_SETS = 4;
const GROWING = new Set(['guides', 'skills']);
/** Frontmatter fields that never hold a reference to another entry. */
// Fields whose values are never slugs of other entries (a category named like a page, "security", must stay as it is).
const NOT_REFERENCES = new Set([
  'title',
  'description',
  'updated',
  'reviewed',
  'draft',
  'sources',
  'aliases',
  'category',
  'section',
  'kind',
  'track',
]);

interface Template {
  collection: string;
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

export interface CorpusSummary {
  /** Published MDX entries written. */
  entries: number;
  byCollection: Record<string, number>;
  sets: number;
}

function readTemplates(contentDir: string): Template[] {
  const templates: Template[] = [];
  for (const collection of COLLECTION_NAMES) {
    for (const name of readdirSync(join(contentDir, collection)).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const source = readFileSync(join(contentDir, collection, name), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
      if (!match) throw new Error(`${collection}/${name}: no frontmatter`);
      const data = parse(match[1]!) as Record<string, unknown>;
      if (data['draft'] === true) continue;
      templates.push({ collection, slug: name.slice(0, -4), data, body: match[2]! });
    }
  }
  return templates;
}

/** Deterministic pseudo-random numbers (mulberry32), so a corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCorpus(options: { pages: number; outDir: string; contentDir: string }): CorpusSummary {
  const templates = readTemplates(options.contentDir);
  const collectionsOf = new Map<string, Set<string>>();
  for (const t of templates) (collectionsOf.get(t.slug) ?? collectionsOf.set(t.slug, new Set()).get(t.slug)!).add(t.collection);
  const inSet = (collection: string, set: number) => set === 0 || set < ROLE_SETS || GROWING.has(collection);
  // The first set is the real site as it is; cut short, its pages would reference entries it lacks.
  if (options.pages < templates.length)
    throw new Error(
      `A synthetic corpus needs at least ${templates.length} pages: its first set is the ${templates.length} published entries of ${options.contentDir}, which reference one another. Got ${options.pages}.`,
    );

  // Which templates each set copies, until `pages` entries are planned.
  const plan: { template: Template; set: number }[] = [];
  for (let set = 0; plan.length < options.pages; set++) {
    for (const template of templates) {
      if (plan.length >= options.pages) break;
      if (inSet(template.collection, set)) plan.push({ template, set });
    }
  }
  const planned = new Set(plan.map(({ template, set }) => `${template.collection}/${template.slug}/${set}`));
  const slugIn = (slug: string, set: number) =>
    set > 0 && [...(collectionsOf.get(slug) ?? [])].every((collection) => planned.has(`${collection}/${slug}/${set}`)) ? `${slug}-s${set}` : slug;
  const rewrite = (value: unknown, set: number): unknown => {
    if (typeof value === 'string') return collectionsOf.has(value) ? slugIn(value, set) : value;
    if (Array.isArray(value)) return value.map((item) => rewrite(item, set));
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(item, set)]));
    }
    return value;
  };

  rmSync(options.outDir, { recursive: true, force: true });
  const byCollection: Record<string, number> = {};
  for (const { template, set } of plan) {
    const data = Object.fromEntries(
      Object.entries(template.data).map(([key, value]) => [key, NOT_REFERENCES.has(key) ? value : rewrite(value, set)]),
    );
    let body = template.body.replace(/\/(guides|roles|responsibilities|skills|paths)\/([a-z0-9-]+)\//g, (whole, collection: string, slug: string) =>
      planned.has(`${collection}/${slug}/${set}`) && set > 0 ? `/${collection}/${slug}-s${set}/` : whole,
    );
    if (set > 0) {
      // An old id belongs to one page: the copies do not claim it again.
      delete data['previousIds'];
      const suffix = ` (set ${set})`;
      data['title'] = `${String(template.data['title']).slice(0, 70 - suffix.length)}${suffix}`;
      // Set-specific prose from the page's own vocabulary, so the search index grows like a real site's.
      const words = template.body.match(/\b[a-z]{4,}\b/g) ?? ['backend'];
      const next = random(set * 7919 + template.slug.length);
      const sentence = () => {
        const picked = Array.from({ length: 12 }, () => words[Math.floor(next() * words.length)]!);
        return `${picked[0]!.charAt(0).toUpperCase()}${picked.join(' ').slice(1)} (note ${set}-${Math.floor(next() * 1e6)}).`;
      };
      body += `\n\n## Field notes from set ${set}\n\n${Array.from({ length: 4 }, sentence).join(' ')}\n`;
    }
    const slug = set === 0 ? template.slug : `${template.slug}-s${set}`;
    mkdirSync(join(options.outDir, template.collection), { recursive: true });
    writeFileSync(join(options.outDir, template.collection, `${slug}.mdx`), `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`);
    byCollection[template.collection] = (byCollection[template.collection] ?? 0) + 1;
  }
  // The sources and facts every copy cites.
  for (const name of REGISTRY_FILES)
    if (existsSync(join(options.contentDir, name))) copyFileSync(join(options.contentDir, name), join(options.outDir, name));
  return { entries: plan.length, byCollection, sets: Math.max(...plan.map((p) => p.set)) + 1 };
}
