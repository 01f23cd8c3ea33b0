/**
 * `npm run check` accepts a link to /page/#anchor only if the anchor is a heading id
 * on that page, and it computes those ids before any build. Here, for every published
 * page, the ids it computes are exactly the ids the build gave the article's headings
 * (not the layout's own sections, such as the learning path on role pages).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlineMdx } from '../../scripts/content-check/mdx-outline';
import { publishedContent } from '../support/content-files';
import { ROOT } from '../support/fixture-build';
import { page } from '../support/dist';

describe('heading ids: npm run check and the build agree', () => {
  it.each(publishedContent().map((entry) => [`${entry.collection}/${entry.id}`, entry] as const))('%s', (_, entry) => {
    const computed = outlineMdx(readFileSync(join(ROOT, entry.file), 'utf8'))
      .headings.filter((heading) => heading.depth > 1)
      .map((heading) => heading.slug);
    // The article's own headings are the direct children of .prose; the layout's sections
    // after it (sources, learning path, comparisons) nest theirs in a <section>.
    const built = page(`${entry.collection}/${entry.id}/index.html`)
      .querySelectorAll('.prose > :is(h2, h3, h4, h5, h6)')
      .map((heading) => heading.id);
    expect(built.length).toBeGreaterThan(0);
    expect(computed).toEqual(built);
  });
});
