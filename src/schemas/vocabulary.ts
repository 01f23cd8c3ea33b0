/**
 * The closed lists of values that frontmatter fields accept, with their labels.
 * Kept apart from the zod schemas (which need astro:content) so plain scripts
 * and the content graph can use them too.
 */

/** How skills are grouped on index pages, in the matrix and in search filters. */
export const SKILL_CATEGORIES = [
  'fundamentals',
  'languages',
  'databases',
  'apis',
  'security',
  'frameworks',
  'architecture',
  'infrastructure',
  'practices',
  'professional',
] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

export const SKILL_CATEGORY_LABELS: Record<SkillCategory, string> = {
  fundamentals: 'Internet and operating-system basics',
  languages: 'Programming languages',
  databases: 'Database systems',
  apis: 'APIs and protocols',
  security: 'Security and identity',
  frameworks: 'Server technologies and frameworks',
  architecture: 'Architecture and resilience',
  infrastructure: 'Infrastructure and operations',
  practices: 'Engineering practices',
  professional: 'Problem-solving and collaboration',
};

/** How much a role relies on a skill. */
export const SKILL_LEVELS = ['core', 'useful'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** What each level means, in the words used on pages and in the editor's help. */
export const SKILL_LEVEL_MEANINGS: Record<SkillLevel, string> = {
  core: 'needed day to day',
  useful: 'helps, learned on the job',
};

/** What kind of step in a career a path entry describes. */
export const PATH_KINDS = ['level', 'workplace', 'specialisation'] as const;
export type PathKind = (typeof PATH_KINDS)[number];

export const PATH_KIND_LABELS: Record<PathKind, string> = {
  level: 'Levels',
  workplace: 'Workplaces',
  specialisation: 'Specialisations',
};

/** For levels: individual-contributor track or management track. */
export const PATH_TRACKS = ['individual', 'management'] as const;

/** Which part of the guides index a guide is listed under. */
export const GUIDE_SECTIONS = ['overview', 'impact', 'career'] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

export const GUIDE_SECTION_LABELS: Record<GuideSection, string> = {
  overview: 'The work',
  impact: 'The impact of backend work',
  career: 'Getting in and growing',
};
