import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESS_MIN_BYTES, COMPRESSIBLE_EXTENSIONS, renderHeadersFile } from '../../src/integrations/hosting/response-headers';
import { PAGEFIND_WASM } from '../../src/integrations/precompression/precompress';
import { distFiles, htmlPages, page, requireDist } from '../support/dist';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const isData = (type: string | undefined) => type !== undefined && !['', 'module', 'text/javascript'].includes(type.toLowerCase());

describe('the built site for static hosts', { timeout: 60_000 }, () => {
  it('has _headers rendered from src/integrations/hosting/response-headers.ts', () => {
    expect(readFileSync(join(requireDist(), '_headers'), 'utf8')).toBe(renderHeadersFile('/'));
  });

  it('has a .br and a .gz beside every text file over 1 KB, each decoding to the file', () => {
    const dist = requireDist();
    const files = new Set(distFiles());
    const problems: string[] = [];
    let checked = 0;
    for (const file of files) {
      const extension = file.split('.').pop()!;
      if (!COMPRESSIBLE_EXTENSIONS.includes(extension)) continue;
      const source = readFileSync(join(dist, file));
      const big = statSync(join(dist, file)).size > COMPRESS_MIN_BYTES;
      if (!big) {
        if (files.has(`${file}.br`)) problems.push(`${file} is ${source.length} bytes but has a .br`);
        continue;
      }
      checked++;
      if (!files.has(`${file}.br`) || !files.has(`${file}.gz`)) {
        problems.push(`${file}: missing .br or .gz`);
        continue;
      }
      if (!brotliDecompressSync(readFileSync(join(dist, `${file}.br`))).equals(source)) problems.push(`${file}.br does not decode to ${file}`);
      if (!gunzipSync(readFileSync(join(dist, `${file}.gz`))).equals(source)) problems.push(`${file}.gz does not decode to ${file}`);
    }
    expect(checked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });

  it('has a .br beside Pagefind’s WebAssembly that decodes to its gzipped payload, smaller than the file, and no .gz', () => {
    const dist = requireDist();
    const files = distFiles().filter((file) => PAGEFIND_WASM.test(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(join(dist, file));
      const brotli = readFileSync(join(dist, `${file}.br`));
      expect(brotliDecompressSync(brotli).equals(gunzipSync(source)), file).toBe(true);
      expect(brotli.length, file).toBeLessThan(source.length * 0.9);
      expect(existsSync(join(dist, `${file}.gz`)), file).toBe(false);
    }
  });
});

describe('Content-Security-Policy in every page', { timeout: 60_000 }, () => {
  it('allows each inline script and style the page has, by hash, no other hash, and nothing inline by keyword', () => {
    const problems: string[] = [];
    for (const file of htmlPages()) {
      const root = page(file);
      const metas = root.querySelectorAll('meta[http-equiv="content-security-policy"]');
      if (metas.length !== 1) {
        problems.push(`${file}: ${metas.length} CSP meta elements, expected 1`);
        continue;
      }
      const policy = metas[0]!.getAttribute('content') ?? '';
      if (/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/.test(policy)) problems.push(`${file}: the policy allows inline code or eval`);
      if (!/script-src 'self' 'wasm-unsafe-eval'/.test(policy)) problems.push(`${file}: script-src is not 'self' 'wasm-unsafe-eval' + hashes`);
      const own = new Set<string>();
      for (const element of root.querySelectorAll('script:not([src]), style')) {
        if (element.tagName === 'SCRIPT' && isData(element.getAttribute('type'))) continue;
        own.add(sha256(element.rawText));
        if (!policy.includes(sha256(element.rawText))) {
          problems.push(
            `${file}: inline <${element.tagName.toLowerCase()}> "${element.rawText.slice(0, 60)}…" is not in the page's CSP; ` +
              'bundle it (a plain <script>/<style> in a component) or register its hash with Astro.csp.insertScriptHash()',
          );
        }
      }
      // Only the page's own: Astro lists every hash in the site (src/integrations/hosting/csp-prune.ts).
      const others = (policy.match(/'sha256-[^']+'/g) ?? []).filter((hash) => !own.has(hash));
      if (others.length > 0) problems.push(`${file}: the CSP names ${others.length} hashes of code the page does not hold`);
    }
    expect(problems).toEqual([]);
  });

  it('has no style attributes or inline event handlers, which no hash can allow', () => {
    const problems: string[] = [];
    for (const file of htmlPages()) {
      for (const element of page(file).querySelectorAll('*')) {
        const inline = Object.keys(element.attributes).filter((name) => name === 'style' || /^on[a-z]+$/.test(name));
        for (const name of inline) problems.push(`${file}: <${element.tagName.toLowerCase()} ${name}="${element.getAttribute(name)}">`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('no third-party requests', { timeout: 60_000 }, () => {
  it('loads every script, stylesheet, image, font and frame from the site itself', () => {
    const problems: string[] = [];
    const fetching =
      'script[src], link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"], link[rel~="modulepreload"], link[rel~="manifest"], img, source, iframe, video, audio, embed, object';
    for (const file of htmlPages()) {
      for (const element of page(file).querySelectorAll(fetching)) {
        for (const attribute of ['src', 'href', 'srcset', 'data']) {
          const value = element.getAttribute(attribute);
          if (value && /^([a-z][a-z0-9+.-]*:)?\/\//i.test(value.trim()))
            problems.push(`${file}: <${element.tagName.toLowerCase()} ${attribute}="${value}">`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has stylesheets that fetch nothing from elsewhere and never block text on a web font', () => {
    const dist = requireDist();
    for (const file of distFiles().filter((name) => name.endsWith('.css'))) {
      const css = readFileSync(join(dist, file), 'utf8');
      expect(css.match(/url\(\s*["']?(https?:)?\/\/[^)]*\)|@import\s+(url\()?["']?(https?:)?\/\//g) ?? [], file).toEqual([]);
      for (const fontFace of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
        expect(fontFace, `${file}: @font-face needs font-display: swap, optional or fallback`).toMatch(/font-display:\s*(swap|optional|fallback)/);
      }
    }
  });
});
