import type { GuideData } from '@/schemas/guide';
import type { PathData } from '@/schemas/path';
import type { ResponsibilityData } from '@/schemas/responsibility';
import type { RoleData } from '@/schemas/role';
import type { SkillData } from '@/schemas/skill';
import type { SkillLevel } from '@/schemas/vocabulary';
import type { ArticleFacts } from '../article/facts.ts';
import { COLLECTION_NAMES, type CollectionName } from '../content/collections.ts';
import { entryGroupInfo } from '../content/entry-labels.ts';

/** The validated data of each collection, keyed by collection name. */
export interface CollectionData {
  roles: RoleData;
  responsibilities: ResponsibilityData;
  skills: SkillData;
  paths: PathData;
  guides: GuideData;
}

/** One content entry as the graph sees it: enough to link, list and relate it. */
export type AtlasEntry<C extends CollectionName = CollectionName> = {
  [K in C]: {
    collection: K;
    id: string;
    filePath: string;
    /** Changes whenever the file does (Astro's digest of it). */
    digest: string;
    /** What pages need from the article text: its links and length. */
    facts: ArticleFacts;
    /** The images beside the article that it shows, as paths from the project folder. */
    images?: string[];
    data: CollectionData[K];
  };
}[C];

/** A link from one entry to another, with an optional note such as a skill level. */
export interface EntryLink {
  entry: AtlasEntry;
  note?: SkillLevel;
  /** For one of a role's languages: how many languages the role chooses from. */
  choiceOf?: number;
}

/** A titled list of related entries shown on an entry page. */
export interface RelatedGroup {
  heading: string;
  links: EntryLink[];
}

/** A reference in one entry's frontmatter that points nowhere valid. */
export interface BrokenReference {
  filePath: string;
  field: string;
  target: { collection: string; id: string };
  reason: 'missing' | 'draft';
}

export class ContentReferenceError extends Error {
  readonly problems: BrokenReference[];
  /** The published entries by collection, to explain each problem with the valid ids. */
  readonly known: Map<string, AtlasEntry[]>;
  constructor(problems: BrokenReference[], known: Map<string, AtlasEntry[]>) {
    super(
      `${problems.length} broken content reference${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((problem) => `  ${describeProblem(problem, known)}`).join('\n'),
    );
    this.name = 'ContentReferenceError';
    this.problems = problems;
    this.known = known;
  }
}

const keyOf = (collection: string, id: string) => `${collection}/${id}`;

function describeProblem(problem: BrokenReference, known: Map<string, AtlasEntry[]>): string {
  const { message, fix } = explainBrokenReference(problem, known);
  return `${problem.filePath}: ${message}. ${fix}`;
}

/**
 * What is wrong with a broken reference and how to fix it, as two sentences;
 * shared by the build's error and the content check (`npm run check`).
 */
export function explainBrokenReference(problem: BrokenReference, known: Map<string, readonly AtlasEntry[]>): { message: string; fix: string } {
  const { collection, id } = problem.target;
  if (problem.reason === 'draft') {
    return {
      message: `field "${problem.field}" points to "${id}" in ${collection}, which is a draft and is not published`,
      fix: 'Publish it by removing draft: true, or remove the reference.',
    };
  }
  const ids = (known.get(collection) ?? []).map((entry) => entry.id).sort();
  const suggestion = closest(id, ids);
  return {
    message: `field "${problem.field}" references "${id}", but there is no content/${collection}/${id}.mdx`,
    fix: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Valid ${collection}: ${ids.join(', ') || '(none)'}.`,
  };
}

/** An old name in a `previousIds` field that cannot carry readers' progress to the page that lists it. */
export interface PreviousIdConflict {
  filePath: string;
  /** e.g. "previousIds[0]". */
  field: string;
  previousId: string;
  /** own: the page's own name; live: another page's name now; claimed: another page lists it too. */
  reason: 'own' | 'live' | 'claimed';
  /** The other file involved: the page with that name, or the other page that lists it. */
  otherFilePath: string;
}

/**
 * Old names (previousIds) that would send readers' progress to the wrong page, or to two
 * pages: a name a page has now, or one that two pages claim. Drafts count, since their
 * names go live when they are published.
 */
export function previousIdConflicts(entries: readonly AtlasEntry[]): PreviousIdConflict[] {
  const live = new Map(entries.map((entry) => [keyOf(entry.collection, entry.id), entry]));
  const claims = new Map<string, AtlasEntry[]>();
  for (const entry of entries) {
    for (const previousId of new Set(entry.data.previousIds)) {
      const key = keyOf(entry.collection, previousId);
      claims.set(key, [...(claims.get(key) ?? []), entry]);
    }
  }
  const conflicts: PreviousIdConflict[] = [];
  for (const entry of entries) {
    entry.data.previousIds.forEach((previousId, index) => {
      const key = keyOf(entry.collection, previousId);
      const base = { filePath: entry.filePath, field: `previousIds[${index}]`, previousId };
      const owner = live.get(key);
      if (owner) conflicts.push({ ...base, reason: owner === entry ? 'own' : 'live', otherFilePath: owner.filePath });
      else
        for (const other of claims.get(key)!.filter((claimant) => claimant !== entry))
          conflicts.push({ ...base, reason: 'claimed', otherFilePath: other.filePath });
    });
  }
  return conflicts;
}

/** What is wrong with an old name and how to fix it, as two sentences; shared by the build and `npm run check`. */
export function explainPreviousIdConflict(conflict: PreviousIdConflict): { message: string; fix: string } {
  const { field, previousId, otherFilePath } = conflict;
  switch (conflict.reason) {
    case 'own':
      return {
        message: `field "${field}" lists "${previousId}", the page's own file name`,
        fix: 'List only the names the page had before it was renamed.',
      };
    case 'live':
      return {
        message: `field "${field}" lists "${previousId}", but that is the file name of ${otherFilePath}, a page on the site`,
        fix: `Readers' progress saved under an old name moves to the page that lists it, so the name cannot belong to another page: remove "${previousId}" from previousIds, or rename ${otherFilePath}.`,
      };
    case 'claimed':
      return {
        message: `field "${field}" lists "${previousId}", and so does ${otherFilePath}`,
        fix: `Readers' progress saved under an old name can move to one page only: keep "${previousId}" on the page that took its place and remove it from the other.`,
      };
  }
}

/** Thrown when old names (previousIds) collide with page names or with each other. */
export class PreviousIdError extends Error {
  readonly conflicts: PreviousIdConflict[];
  constructor(conflicts: PreviousIdConflict[]) {
    super(
      `${conflicts.length} old page name${conflicts.length === 1 ? '' : 's'} in previousIds cannot carry readers' progress:\n` +
        conflicts
          .map((conflict) => {
            const { message, fix } = explainPreviousIdConflict(conflict);
            return `  ${conflict.filePath}: ${message}. ${fix}`;
          })
          .join('\n'),
    );
    this.name = 'PreviousIdError';
    this.conflicts = conflicts;
  }
}

/** How a role needs a skill that is one of its languages: the level and the size of the set; undefined otherwise. */
export function languageChoice(role: AtlasEntry<'roles'>, skill: AtlasEntry<'skills'>): { level: SkillLevel; of: number } | undefined {
  const languages = role.data.languages;
  return languages?.from.some((ref) => ref.id === skill.id) ? { level: languages.level, of: languages.from.length } : undefined;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate nearest to `value`, if it is close enough to be a likely typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

interface Ref {
  collection: string;
  id: string;
}

/** Every frontmatter reference of an entry, with the field path it sits in. */
export function referencesOf(entry: AtlasEntry): { field: string; ref: Ref }[] {
  const out: { field: string; ref: Ref }[] = [];
  const list = (field: string, refs: readonly Ref[]) => refs.forEach((ref, index) => out.push({ field: `${field}[${index}]`, ref }));
  switch (entry.collection) {
    case 'roles':
      list('responsibilities', entry.data.responsibilities);
      entry.data.skills.forEach((item, index) => out.push({ field: `skills[${index}].skill`, ref: item.skill }));
      list('languages.from', entry.data.languages?.from ?? []);
      list('relatedRoles', entry.data.relatedRoles);
      list('paths', entry.data.paths);
      break;
    case 'responsibilities':
      list('skills', entry.data.skills);
      break;
    case 'skills':
      if (entry.data.parent) out.push({ field: 'parent', ref: entry.data.parent });
      list('prerequisites', entry.data.prerequisites);
      break;
    case 'paths':
      list('next', entry.data.next);
      break;
    case 'guides':
      break;
  }
  return out;
}

/** Orders entries for lists: by group (category, kind, section), then `order`, then title. */
export function compareEntries(a: AtlasEntry, b: AtlasEntry): number {
  const groupOf = (entry: AtlasEntry) => entryGroupInfo(entry)?.rank ?? 0;
  // Skills have no `order`: the broad skill of a group (no parent) leads, then A–Z.
  const orderOf = (entry: AtlasEntry) => ('order' in entry.data ? entry.data.order : entry.collection === 'skills' && !entry.data.parent ? 0 : 100);
  return groupOf(a) - groupOf(b) || orderOf(a) - orderOf(b) || a.data.title.localeCompare(b.data.title, 'en');
}

/** How many other guides of its section a guide page lists. */
const RELATED_GUIDES = 6;

/**
 * The content graph: every published entry and the links between them, with
 * reverse links derived here so that no writer ever records a relation twice.
 */
export class ContentGraph {
  readonly #byKey = new Map<string, AtlasEntry>();
  readonly #byCollection = new Map<CollectionName, AtlasEntry[]>();
  readonly #incoming = new Map<string, { from: AtlasEntry; field: string }[]>();

  /**
   * @param entries the entries to publish.
   * @param unpublished entries that exist but are not published (drafts), so a
   *   reference to one can be reported as such instead of as missing.
   */
  constructor(entries: readonly AtlasEntry[], unpublished: readonly AtlasEntry[] = []) {
    for (const entry of [...entries].sort(compareEntries)) {
      this.#byKey.set(keyOf(entry.collection, entry.id), entry);
      const list = this.#byCollection.get(entry.collection) ?? [];
      list.push(entry);
      this.#byCollection.set(entry.collection, list);
    }
    const drafts = new Set(unpublished.map((entry) => keyOf(entry.collection, entry.id)));
    const problems: BrokenReference[] = [];
    for (const entry of this.#byKey.values()) {
      for (const { field, ref } of referencesOf(entry)) {
        const key = keyOf(ref.collection, ref.id);
        if (!this.#byKey.has(key)) {
          problems.push({
            filePath: entry.filePath,
            field,
            target: ref,
            reason: drafts.has(key) ? 'draft' : 'missing',
          });
          continue;
        }
        const incoming = this.#incoming.get(key) ?? [];
        incoming.push({ from: entry, field: field.replace(/\[\d+\].*$/, '') });
        this.#incoming.set(key, incoming);
      }
    }
    if (problems.length > 0) throw new ContentReferenceError(problems, this.#byCollection);
    const conflicts = previousIdConflicts([...this.#byKey.values(), ...unpublished]);
    if (conflicts.length > 0) throw new PreviousIdError(conflicts);
  }

  /** All published entries of a collection, in display order. */
  list<C extends CollectionName>(collection: C): AtlasEntry<C>[] {
    return (this.#byCollection.get(collection) ?? []) as AtlasEntry<C>[];
  }

  /** All published entries, collection by collection. */
  all(): AtlasEntry[] {
    return [...this.#byKey.values()];
  }

  get<C extends CollectionName>(collection: C, id: string): AtlasEntry<C> {
    const entry = this.#byKey.get(keyOf(collection, id));
    if (!entry) throw new Error(`No published entry ${collection}/${id}`);
    return entry as AtlasEntry<C>;
  }

  #resolve(ref: Ref): AtlasEntry {
    return this.get(ref.collection as CollectionName, ref.id);
  }

  /** Entries whose field `field` points at `entry` (reverse links). */
  referrers(entry: AtlasEntry, collection: CollectionName, field: string): AtlasEntry[] {
    return (this.#incoming.get(keyOf(entry.collection, entry.id)) ?? [])
      .filter((link) => link.from.collection === collection && link.field === field)
      .map((link) => link.from)
      .sort(compareEntries);
  }

  /** The roles that list a skill, with the level each role gives it ("core, one of 7" for one of a role's languages). */
  rolesNeedingSkill(skill: AtlasEntry<'skills'>): EntryLink[] {
    return this.list('roles').flatMap((role) => {
      const item = role.data.skills.find((s) => s.skill.id === skill.id);
      if (item) return [{ entry: role, note: item.level }];
      const choice = languageChoice(role, skill);
      return choice ? [{ entry: role, note: choice.level, choiceOf: choice.of }] : [];
    });
  }

  /** Roles that name each other in `relatedRoles`, in either direction. */
  relatedRoles(role: AtlasEntry<'roles'>): AtlasEntry<'roles'>[] {
    const ids = new Set([...role.data.relatedRoles.map((ref) => ref.id), ...this.referrers(role, 'roles', 'relatedRoles').map((entry) => entry.id)]);
    ids.delete(role.id);
    return this.list('roles').filter((entry) => ids.has(entry.id));
  }

  #positions: Map<AtlasEntry, number> | undefined;

  /** An entry's index in its collection's display order, without scanning the list for every page. */
  #position(entry: AtlasEntry): number {
    if (!this.#positions) {
      this.#positions = new Map();
      for (const list of this.#byCollection.values()) list.forEach((item, index) => this.#positions!.set(item, index));
    }
    return this.#positions.get(this.#byKey.get(keyOf(entry.collection, entry.id)) ?? entry) ?? -1;
  }

  /** The previous and next entry in the collection's display order. */
  neighbours(entry: AtlasEntry): { previous?: AtlasEntry; next?: AtlasEntry } {
    const list = this.list(entry.collection);
    const index = this.#position(entry);
    const previous = list[index - 1];
    const next = list[index + 1];
    return { ...(previous && { previous }), ...(next && { next }) };
  }

  #sections: Map<string, AtlasEntry<'guides'>[]> | undefined;

  #guidesBySection(): Map<string, AtlasEntry<'guides'>[]> {
    if (!this.#sections) {
      this.#sections = new Map();
      for (const guide of this.list('guides'))
        (this.#sections.get(guide.data.section) ?? this.#sections.set(guide.data.section, []).get(guide.data.section)!).push(guide);
    }
    return this.#sections;
  }

  #mentions: Map<string, AtlasEntry[]> | undefined;

  /**
   * Entries whose article text links to `entry` (a backlink), collection by collection in display order.
   * Read from the links the content loader found in each article (src/lib/article/facts.ts).
   */
  mentionedBy(entry: AtlasEntry): AtlasEntry[] {
    if (!this.#mentions) {
      this.#mentions = new Map();
      for (const from of this.all()) {
        for (const key of from.facts.links) {
          if (key === keyOf(from.collection, from.id) || !this.#byKey.has(key)) continue;
          const list = this.#mentions.get(key) ?? [];
          if (!list.includes(from)) list.push(from);
          this.#mentions.set(key, list);
        }
      }
    }
    const rank = (e: AtlasEntry) => COLLECTION_NAMES.indexOf(e.collection);
    return [...(this.#mentions.get(keyOf(entry.collection, entry.id)) ?? [])].sort((a, b) => rank(a) - rank(b) || compareEntries(a, b));
  }

  /** The "related" blocks for an entry page, derived from the graph. Empty groups are left out. */
  related(entry: AtlasEntry): RelatedGroup[] {
    const links = (entries: readonly AtlasEntry[]): EntryLink[] => entries.map((e) => ({ entry: e }));
    const groups: RelatedGroup[] = [];
    const add = (heading: string, items: EntryLink[]) => {
      if (items.length > 0) groups.push({ heading, links: items });
    };
    switch (entry.collection) {
      case 'roles': {
        // The role's skills and its server language are listed once, with their levels and in
        // order, in its learning path (src/components/LearningPath.astro), not again here.
        add('Responsibilities', links(entry.data.responsibilities.map((ref) => this.#resolve(ref))));
        add('Career paths', links(entry.data.paths.map((ref) => this.#resolve(ref))));
        add('Related roles', links(this.relatedRoles(entry)));
        break;
      }
      case 'responsibilities':
        add('Skills this work draws on', links(entry.data.skills.map((ref) => this.#resolve(ref))));
        add('Roles responsible for it', links(this.referrers(entry, 'roles', 'responsibilities')));
        break;
      case 'skills': {
        if (entry.data.parent) add('Part of', links([this.#resolve(entry.data.parent)]));
        add('Includes', links(this.referrers(entry, 'skills', 'parent')));
        add('Learn first', links(entry.data.prerequisites.map((ref) => this.#resolve(ref))));
        add('Roles that need it', this.rolesNeedingSkill(entry));
        add('Used in', links(this.referrers(entry, 'responsibilities', 'skills')));
        add('Builds towards', links(this.referrers(entry, 'skills', 'prerequisites')));
        break;
      }
      case 'paths':
        add('Comes after', links(this.referrers(entry, 'paths', 'next')));
        add('Leads to', links(entry.data.next.map((ref) => this.#resolve(ref))));
        add('Roles on this path', links(this.referrers(entry, 'roles', 'paths')));
        break;
      case 'guides': {
        // The guides nearest in reading order, not the whole section: a page's size must not grow with the site's.
        const section = this.#guidesBySection().get(entry.data.section) ?? [];
        const at = section.indexOf(entry);
        const start = Math.max(0, Math.min(at - RELATED_GUIDES / 2, section.length - RELATED_GUIDES - 1));
        add(
          'More guides in this section',
          links(
            section
              .slice(start, start + RELATED_GUIDES + 1)
              .filter((g) => g !== entry)
              .slice(0, RELATED_GUIDES),
          ),
        );
        break;
      }
    }
    // Backlinks from article text, leaving out entries already listed above.
    const listed = new Set(groups.flatMap((group) => group.links.map((link) => link.entry)));
    add('Mentioned in', links(this.mentionedBy(entry).filter((other) => !listed.has(other))));
    return groups;
  }
}
