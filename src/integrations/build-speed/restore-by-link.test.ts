import type { AstroPrerenderer } from 'astro';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFileOf } from './observe-prerender.ts';
import { restoreByLink } from './restore-by-link.ts';
import { tempDir, writeFileIn as write } from '../../../tests/support/temp-files.ts';

/** A stand-in for Astro's prerenderer: three paths, and a record of what it was asked to render. */
function setup() {
  const root = tempDir('link');
  const outDir = join(root, 'dist.partial');
  const cachedOutput = join(root, 'cache', 'dist');
  write(join(cachedOutput, 'skills/redis/index.html'), 'cached redis page');
  write(join(cachedOutput, 'api/skills.json'), '{"cached":true}');
  const rendered: { url: string; existedInOutput: boolean; existedInCache: boolean }[] = [];
  const route = (type: string) => ({ type }) as never;
  const astro: AstroPrerenderer = {
    name: 'astro',
    getStaticPaths: () =>
      Promise.resolve([
        { pathname: '/skills/redis/', route: route('page'), cacheKey: 'a' },
        { pathname: '/api/skills.json', route: route('endpoint'), cacheKey: 'b' },
        { pathname: '/skills/kafka/', route: route('page'), cacheKey: 'c' }, // new: nothing cached
        { pathname: '/search/', route: route('page') }, // no key: never cached
      ]),
    render: (request) => {
      const file = request.url.includes('api') ? 'api/skills.json' : 'skills/redis/index.html';
      rendered.push({ url: request.url, existedInOutput: existsSync(join(outDir, file)), existedInCache: existsSync(join(cachedOutput, file)) });
      return Promise.resolve(new Response('rendered'));
    },
  };
  return { outDir, cachedOutput, rendered, wrapped: restoreByLink(astro, { outDir, cachedOutput, base: '/atlas/' }) };
}

describe('restoring unchanged outputs as hard links', () => {
  it('links every keyed path that has a cached file into the output before Astro generates', async () => {
    const { outDir, cachedOutput, wrapped } = setup();
    await wrapped.getStaticPaths();
    expect([...wrapped.linked].sort()).toEqual(['api/skills.json', 'skills/redis/index.html']);
    expect(statSync(join(outDir, 'skills/redis/index.html')).ino).toBe(statSync(join(cachedOutput, 'skills/redis/index.html')).ino);
    expect(readFileSync(join(outDir, 'api/skills.json'), 'utf8')).toBe('{"cached":true}');
    expect(existsSync(join(outDir, 'skills/kafka')), 'no folder made for a path with nothing cached').toBe(false);
  });

  it('links into folders a previous build left in place (src/integrations/build-speed/empty-output.ts)', async () => {
    const { outDir, cachedOutput, wrapped } = setup();
    mkdirSync(join(outDir, 'skills/redis'), { recursive: true });
    mkdirSync(join(outDir, 'skills/kafka'), { recursive: true });
    await wrapped.getStaticPaths();
    expect([...wrapped.linked].sort()).toEqual(['api/skills.json', 'skills/redis/index.html']);
    expect(statSync(join(outDir, 'skills/redis/index.html')).ino).toBe(statSync(join(cachedOutput, 'skills/redis/index.html')).ino);
    expect(readdirSync(join(outDir, 'skills/kafka'))).toEqual([]);
  });

  it('unlinks a path from the output and the cache before Astro renders it again, so both are written as new files', async () => {
    const { wrapped, rendered } = setup();
    await wrapped.getStaticPaths();
    await wrapped.render(new Request('https://example.org/atlas/skills/redis/'), { routeData: {} as never });
    expect(rendered).toEqual([{ url: 'https://example.org/atlas/skills/redis/', existedInOutput: false, existedInCache: false }]);
    expect([...wrapped.linked]).toEqual(['api/skills.json']);
    expect([...wrapped.unlinked]).toEqual(['skills/redis/index.html']);
  });

  it('maps paths to the files Astro writes in the directory format', () => {
    expect(outputFileOf('/', true)).toBe('index.html');
    expect(outputFileOf('/skills/redis/', true)).toBe('skills/redis/index.html');
    expect(outputFileOf('/skills/redis', true)).toBe('skills/redis/index.html');
    expect(outputFileOf('/og/skills/redis.png', false)).toBe('og/skills/redis.png');
    expect(outputFileOf('/404', true)).toBe('404.html');
  });
});
