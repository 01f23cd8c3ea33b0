import { describe, expect, it } from 'vitest';
import { cspHash } from './csp-hash.ts';
import { pruneCspHashes } from './csp-prune.ts';

const hash = (code: string) => `'${cspHash(code)}'`;
const page = (policy: string, body: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const policyOf = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)![1];

describe('pruneCspHashes', () => {
  const theme = 'document.documentElement.dataset.theme = "dark";';
  const boot = 'import "/_astro/app.js";';
  const css = 'p{color:red}';
  const other = ['elsewhere()', 'another.page()', 'h1{color:blue}'];

  it("keeps the hashes of the page's own inline scripts and styles and drops every other hash", () => {
    const policy =
      `default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' ${hash(theme)} ${hash(other[0]!)} ${hash(boot)} ${hash(other[1]!)}; ` +
      `style-src 'self' ${hash(other[2]!)} ${hash(css)};`;
    const html = page(
      policy,
      `<script>${theme}</script><script type="application/ld+json">{"@type":"Thing"}</script><script type="module">${boot}</script>` +
        `<script type="module" src="/_astro/x.js"></script><style>${css}</style>`,
    );
    expect(policyOf(pruneCspHashes(html))).toBe(
      `default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' ${hash(theme)} ${hash(boot)}; style-src 'self' ${hash(css)};`,
    );
    // Only the policy changes.
    expect(pruneCspHashes(html).replace(policyOf(pruneCspHashes(html))!, '')).toBe(html.replace(policy, ''));
  });

  it('drops every hash from a page without inline code, keeping the sources', () => {
    const html = page(`script-src 'self' ${hash(other[0]!)}; style-src 'self' ${hash(other[2]!)}`, '<p>Text</p>');
    expect(policyOf(pruneCspHashes(html))).toBe("script-src 'self'; style-src 'self'");
  });

  it('leaves a page alone when its policy does not allow its inline code, or it has no policy', () => {
    const blocked = page(`script-src 'self' ${hash(other[0]!)}`, `<script>${theme}</script>`);
    expect(pruneCspHashes(blocked)).toBe(blocked);
    const none = `<!doctype html><html><head></head><body><script>${theme}</script></body></html>`;
    expect(pruneCspHashes(none)).toBe(none);
  });
});
