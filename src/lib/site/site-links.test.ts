import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { siteLinks, withBase } from './site-links.ts';

describe('withBase', () => {
  it('puts the base path in front of a root-relative link', () => {
    expect(withBase('/skills/redis/#persistence', '/atlas/')).toBe('/atlas/skills/redis/#persistence');
  });

  it('leaves external, protocol-relative, relative and fragment links alone', () => {
    for (const url of ['https://redis.io/', '//cdn.example.org/x.js', 'sql/', '#top', 'mailto:team@example.org']) {
      expect(withBase(url, '/atlas/')).toBe(url);
    }
  });

  it('changes nothing at the root base', () => {
    expect(withBase('/skills/redis/', '/')).toBe('/skills/redis/');
  });
});

describe('siteLinks (Markdown plugin)', () => {
  const render = async (markdown: string, base: string) => {
    const plugin = siteLinks(base);
    return (await markdownToHtml(markdown, { hastPlugins: plugin ? [plugin] : [] })).html;
  };

  it('rewrites links and public images written root-relative in an article', async () => {
    const html = await render('See [Redis](/skills/redis/) and [the docs](https://redis.io/).\n\n![Diagram](/images/cache.png)', '/atlas/');
    expect(html).toContain('href="/atlas/skills/redis/"');
    expect(html).toContain('href="https://redis.io/"');
    expect(html).toContain('src="/atlas/images/cache.png"');
  });

  it('adds no plugin when the site is served from the root', async () => {
    expect(siteLinks('/')).toBeUndefined();
    expect(await render('[Redis](/skills/redis/)', '/')).toContain('href="/skills/redis/"');
  });
});
