import { describe, expect, it } from 'vitest';
import { pageWeight, type PageWeight } from '../../scripts/page-weight';
import { publishedContent } from '../support/content-files';
import { htmlPages, page, requireDist } from '../support/dist';

/** The page-weight budgets of issue 8, in bytes as sent (brotli). Figures per page: npm run bench. */
const FIRST_RENDER_BUDGET = 14 * 1024;
const SCRIPT_BUDGET = 1024;

/** Article pages: one per published content entry, e.g. skills/redis/index.html. */
const articles = () => publishedContent().map((entry) => `${entry.collection}/${entry.id}/index.html`);

const weights = new Map<string, PageWeight>();
/** Each page's weight, computed once for all the tests of this file. */
const weightOf = (file: string) => weights.get(file) ?? weights.set(file, pageWeight(requireDist(), file)).get(file)!;

describe('page weight budgets', { timeout: 60_000 }, () => {
  it(`every article needs at most ${FIRST_RENDER_BUDGET / 1024} KB of HTML and CSS (brotli) for its first render`, () => {
    expect(articles().length).toBeGreaterThan(50);
    const over = articles()
      .map(weightOf)
      .filter((weight) => weight.firstRenderBytes > FIRST_RENDER_BUDGET)
      .map((weight) => `${weight.file}: ${weight.firstRenderBytes} bytes (HTML + ${weight.stylesheets.join(', ')})`);
    expect(over).toEqual([]);
  });

  it(`every article runs at most ${SCRIPT_BUDGET} bytes of JavaScript (brotli) before the reader does anything`, () => {
    const over = articles()
      .map(weightOf)
      .filter((weight) => weight.scriptBytes > SCRIPT_BUDGET)
      .map((weight) => `${weight.file}: ${weight.scriptBytes} bytes from ${weight.scripts.join(', ')}`);
    expect(over).toEqual([]);
  });

  it('loads no search code, index or stylesheet with the page (only on first use)', () => {
    for (const file of htmlPages()) {
      const weight = weightOf(file);
      expect(
        [...weight.scripts, ...weight.stylesheets].filter((url) => /pagefind|search/.test(url)),
        file,
      ).toEqual([]);
    }
  });

  it('serves every image through astro:assets: a hashed modern format, width and height, lazy unless marked as the page’s main image', () => {
    const problems: string[] = [];
    for (const file of htmlPages()) {
      for (const img of page(file).querySelectorAll('img')) {
        const src = img.getAttribute('src') ?? '';
        const where = `${file}: <img src="${src}">`;
        if (!/\/_astro\/[^/]+\.(webp|avif|svg)$/.test(src))
          problems.push(`${where} is not an optimised image (write ![What it shows](./name.png) with the file beside the article)`);
        if (!img.getAttribute('width') || !img.getAttribute('height')) problems.push(`${where} has no width and height (the layout would shift)`);
        if (img.getAttribute('loading') !== 'lazy' && img.getAttribute('fetchpriority') !== 'high')
          problems.push(`${where} is neither lazy nor fetchpriority="high"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('counts what the page really runs: an inline script and an external module with its imports', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dist = mkdtempSync(join(tmpdir(), 'atlas-weight-'));
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, '_astro/a.js'), 'import"./b.js";console.log("a")');
    writeFileSync(join(dist, '_astro/b.js'), 'console.log("b")');
    writeFileSync(join(dist, '_astro/lazy.js'), 'console.log("lazy")');
    writeFileSync(
      join(dist, 'index.html'),
      '<script>document.documentElement.dataset.theme="dark"</script><script type="module" src="/_astro/a.js"></script>' +
        '<script type="application/ld+json">{"@type":"Thing"}</script><script type="module">import("./_astro/lazy.js")</script>',
    );
    expect(pageWeight(dist, 'index.html').scripts).toEqual(['inline', '_astro/a.js', '_astro/b.js', 'inline']);
  });
});
