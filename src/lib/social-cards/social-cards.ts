/**
 * The social card (Open Graph image) of every page that has one: its title and
 * the label above it. One list, read by the image route and checked by tests.
 */
import { SITE_NAME, SITE_TAGLINE } from '../../consts.ts';
import { COLLECTION_NAMES, COLLECTIONS } from '../content/collections.ts';
import { entryKicker } from '../content/entry-labels.ts';
import type { AtlasEntry, ContentGraph } from '../views/graph.ts';
import { rolePairs } from '../views/role-comparison.ts';
import { learningPathView, VIEWS } from '../views/views.ts';

export interface SocialCard {
  /** Site path of the page, without the base: "" for the home page, "skills/redis/". */
  page: string;
  title: string;
  kicker: string;
}

/** Site path of a page's card image, without the base: "og/skills/redis.png", "og/index.png" for home. */
export function socialImagePath(page: string): string {
  const trimmed = page.replace(/^\/+|\/+$/g, '');
  return `og/${trimmed || 'index'}.png`;
}

/** The card of an entry page. */
export const entryCard = (entry: AtlasEntry): SocialCard => ({
  page: `${entry.collection}/${entry.id}/`,
  title: entry.data.title,
  kicker: entryKicker(entry),
});

export const compareTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => `${a.data.title} vs ${b.data.title}`;

export function socialCards(graph: ContentGraph): SocialCard[] {
  return [
    { page: '', title: SITE_NAME, kicker: SITE_TAGLINE.split(',')[0]! },
    ...COLLECTION_NAMES.map((collection) => ({ page: `${collection}/`, title: COLLECTIONS[collection].plural, kicker: SITE_NAME })),
    ...graph.all().map(entryCard),
    ...Object.values(VIEWS).map((view) => ({ page: view.path, title: view.title, kicker: view.kicker })),
    ...rolePairs(graph).map((pair) => ({ page: `compare/${pair.slug}/`, title: compareTitle(pair.a, pair.b), kicker: VIEWS.compare.title })),
    ...graph.list('roles').map((role) => {
      const view = learningPathView(role);
      return { page: view.path, title: view.title, kicker: view.kicker };
    }),
  ];
}

/** A page's card image and the text alternative for it (what the card says). */
export interface SocialImage {
  path: string;
  alt: string;
}

export function socialImage(card: SocialCard): SocialImage {
  return { path: socialImagePath(card.page), alt: `${card.kicker}: ${card.title}` };
}
