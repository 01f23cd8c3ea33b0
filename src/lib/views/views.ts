/**
 * The pages that show the content graph as a whole rather than one entry: their
 * address, title and description live here once, for the page, its social card,
 * its structured data and the links to it.
 */
import type { CollectionName } from '../content/collections.ts';
import type { AtlasEntry } from './graph.ts';

export interface ViewInfo {
  /** Site path without the base, e.g. "skills/matrix/". */
  path: string;
  title: string;
  description: string;
  /** The collection index the view belongs under in breadcrumbs. */
  parent?: CollectionName;
  /** Label on social cards and above the title. */
  kicker: string;
}

export const VIEWS = {
  matrix: {
    path: 'skills/matrix/',
    title: 'Skills matrix',
    description: 'Every backend role side by side: which skills each one needs day to day, which help, and which it can do without.',
    parent: 'skills',
    kicker: 'Explore · Skills',
  },
  careerMap: {
    path: 'paths/map/',
    title: 'Career map',
    description:
      'A map of backend careers: the levels from junior to staff and management, where specialisms and workplaces lead, and where each role starts.',
    parent: 'paths',
    kicker: 'Explore · Career paths',
  },
  compare: {
    path: 'compare/',
    title: 'Compare roles',
    description: 'Side-by-side comparisons of related backend roles: the responsibilities and skills they share, and what sets each one apart.',
    parent: 'roles',
    kicker: 'Explore · Roles',
  },
  progress: {
    path: 'progress/',
    title: 'Your progress',
    description:
      'The skills you have marked as learning or done, each role’s count and what to learn next: kept in your browser only, with export and import.',
    kicker: 'Explore · Skills',
    parent: 'skills',
  },
  api: {
    path: 'api/',
    title: 'Data API',
    description:
      'Backend Atlas as open data: every role, skill, responsibility, career path and guide as static JSON files with a published JSON Schema.',
    kicker: 'Open data',
  },
} as const satisfies Record<string, ViewInfo>;

/** The page of a role's whole learning path, under the role. */
export function learningPathView(role: AtlasEntry<'roles'>): ViewInfo {
  return {
    path: `roles/${role.id}/learning-path/`,
    title: `Learning path: ${role.data.title}`,
    description: `Every skill a ${role.data.title.toLowerCase()} needs, in an order to learn them, as a checklist you can mark and print.`,
    parent: 'roles',
    kicker: 'Learning path · Roles',
  };
}
