/**
 * Structured data (JSON-LD, schema.org) for each kind of page. Typed with
 * schema-dts, so a property schema.org does not define for a type fails the
 * type check instead of reaching search engines.
 */
import type { BreadcrumbList, CollectionPage, Graph, Occupation, Organization, TechArticle, Thing, WebPage, WebSite } from 'schema-dts';
import type { AtlasEntry, ContentGraph } from '../views/graph.ts';

export interface PageContext {
  /** Absolute URL of the page. */
  url: string;
  /** Absolute URL of the site root (with its base path). */
  siteUrl: string;
  siteName: string;
  /** Absolute URL of the page's social image, if it has one. */
  image?: string | undefined;
}

export interface Crumb {
  label: string;
  /** Absolute URL. */
  url: string;
}

const O_NET_SOC = 'O*NET-SOC 2019';

/** The publisher, referenced by id from every page. */
function publisher(context: PageContext): Organization {
  return { '@type': 'Organization', '@id': `${context.siteUrl}#publisher`, name: context.siteName, url: context.siteUrl };
}

function website(context: PageContext): WebSite {
  return {
    '@type': 'WebSite',
    '@id': `${context.siteUrl}#website`,
    name: context.siteName,
    url: context.siteUrl,
    inLanguage: 'en',
    publisher: { '@id': `${context.siteUrl}#publisher` },
  };
}

export function breadcrumbList(crumbs: readonly Crumb[]): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.label, item: crumb.url })),
  };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A role as an Occupation: its core skills, responsibilities and O*NET-SOC code. */
export function occupation(
  graph: ContentGraph,
  role: AtlasEntry<'roles'>,
  context: PageContext,
  entryUrl: (entry: AtlasEntry) => string,
): Occupation {
  // The skills needed day to day: with the backend map a role lists up to 60, and the whole list
  // (on the learning path page) would weigh on every role page's first render for little gain.
  const skills = role.data.skills.filter((item) => item.level === 'core').map((item) => graph.get('skills', item.skill.id));
  return {
    '@type': 'Occupation',
    '@id': `${context.url}#occupation`,
    name: role.data.title,
    description: role.data.description,
    url: context.url,
    mainEntityOfPage: context.url,
    ...(role.data.aliases.length > 0 && { alternateName: role.data.aliases }),
    ...(role.data.onetSoc && {
      occupationalCategory: {
        '@type': 'CategoryCode',
        codeValue: role.data.onetSoc,
        inCodeSet: { '@type': 'CategoryCodeSet', name: O_NET_SOC },
        url: `https://www.onetonline.org/link/summary/${role.data.onetSoc}`,
      },
    }),
    skills: skills.map((skill) => ({ '@type': 'DefinedTerm', name: skill.data.title, url: entryUrl(skill) })),
    responsibilities: role.data.responsibilities.map((ref) => graph.get('responsibilities', ref.id).data.title),
    ...(context.image && { image: context.image }),
  };
}

/** Guides, skills, responsibilities and career paths as technical articles. */
export function techArticle(entry: AtlasEntry, context: PageContext, readingMinutes: number, wordCount: number): TechArticle {
  const about: Thing | undefined = entry.collection === 'skills' ? { '@type': 'DefinedTerm', name: entry.data.title } : undefined;
  return {
    '@type': 'TechArticle',
    '@id': `${context.url}#article`,
    headline: entry.data.title,
    description: entry.data.description,
    url: context.url,
    mainEntityOfPage: context.url,
    dateModified: isoDate(entry.data.updated),
    inLanguage: 'en',
    isPartOf: { '@id': `${context.siteUrl}#website` },
    author: { '@id': `${context.siteUrl}#publisher` },
    publisher: { '@id': `${context.siteUrl}#publisher` },
    timeRequired: `PT${readingMinutes}M`,
    wordCount,
    ...('aliases' in entry.data && entry.data.aliases.length > 0 && { keywords: entry.data.aliases.join(', ') }),
    ...(about && { about }),
    ...(entry.data.sources.length > 0 && {
      citation: entry.data.sources.map((source) => ({
        '@type': 'CreativeWork',
        name: source.title,
        url: source.url,
        publisher: { '@type': 'Organization', name: source.publisher },
        version: source.edition,
      })),
    }),
    ...(context.image && { image: context.image }),
    license: 'https://creativecommons.org/licenses/by/4.0/',
  };
}

/** A page that lists or compares entries (collection indexes and the views). */
export function collectionPage(context: PageContext, name: string, description: string, about: readonly Thing[] = []): CollectionPage {
  return {
    ...webPage(context, name, description),
    '@type': 'CollectionPage',
    ...(about.length > 0 && { about: [...about] }),
    ...(context.image && { image: context.image }),
  };
}

export function webPage(context: PageContext, name: string, description: string): WebPage {
  return {
    '@type': 'WebPage',
    '@id': `${context.url}#page`,
    name,
    description,
    url: context.url,
    inLanguage: 'en',
    isPartOf: { '@id': `${context.siteUrl}#website` },
  };
}

/**
 * One JSON-LD document for a page: the page's own items, the site and its
 * publisher. (The breadcrumb trail comes with the Breadcrumbs component.)
 */
export function structuredData(context: PageContext, items: readonly Exclude<Thing, string>[]): Graph {
  return { '@context': 'https://schema.org', '@graph': [...items, website(context), publisher(context)] };
}

/** The breadcrumb trail as its own JSON-LD document. */
export function breadcrumbData(crumbs: readonly Crumb[]): BreadcrumbList & { '@context': 'https://schema.org' } {
  return { '@context': 'https://schema.org', ...breadcrumbList(crumbs) };
}

/** JSON for a <script type="application/ld+json">, safe against a "</script>" inside any text. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The JSON-LD of an entry page: an Occupation for a role, a TechArticle for anything else. */
export function entryStructuredData(
  graph: ContentGraph,
  entry: AtlasEntry,
  context: PageContext,
  entryUrl: (entry: AtlasEntry) => string,
  reading: { minutes: number; words: number },
): Graph {
  const main =
    entry.collection === 'roles' ? occupation(graph, entry, context, entryUrl) : techArticle(entry, context, reading.minutes, reading.words);
  return structuredData(context, [main]);
}
