import Callout from './Callout.astro';
import KeyTakeaways from './KeyTakeaways.astro';

/** Components writers can use in any MDX article without importing them. */
export const mdxComponents = { Callout, KeyTakeaways };
