/** The content collections, in the order they appear in navigation. */
export const COLLECTION_NAMES = ['guides', 'roles', 'responsibilities', 'skills', 'paths'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

export interface CollectionInfo {
  /** Label for one entry, used as the search filter value ("Skill"). */
  singular: string;
  /** Label for the index page and navigation ("Skills"). */
  plural: string;
  /** One-line explanation shown on the home page and the index page. */
  intro: string;
}

export const COLLECTIONS: Record<CollectionName, CollectionInfo> = {
  guides: {
    singular: 'Guide',
    plural: 'Guides',
    intro: 'Long-form answers: what the job is, the difference it makes, and how to get in and grow.',
  },
  roles: {
    singular: 'Role',
    plural: 'Roles',
    intro: 'Backend jobs and specialisations, each with its responsibilities, skills and career paths.',
  },
  responsibilities: {
    singular: 'Responsibility',
    plural: 'Responsibilities',
    intro: 'What backend developers are accountable for, from server-side logic to security and on-call.',
  },
  skills: {
    singular: 'Skill',
    plural: 'Skills',
    intro: 'What you need to know: languages, databases, APIs, infrastructure and the human skills.',
  },
  paths: {
    singular: 'Career path',
    plural: 'Career paths',
    intro: 'Levels from junior to staff and management, the places you can work, and where to specialise.',
  },
};

export function isCollectionName(value: string): value is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(value);
}
