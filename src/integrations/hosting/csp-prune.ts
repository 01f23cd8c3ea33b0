/**
 * Astro's `security.csp` writes the same hash list into every page: the hash of every inline
 * script and stylesheet in the whole site, and of every bundled .js and .css file too (which
 * `'self'` already allows). On an article that is ~25 hashes for the ~5 inline scripts it has,
 * about 1.2 KB that brotli cannot shrink, in the HTML every reader waits for.
 *
 * pruneCspHashes() keeps, in a page's `<meta http-equiv="content-security-policy">`, only the
 * hashes of the inline scripts and styles that page holds. A hash the page needs is never removed;
 * the page is left as it is if it has no such policy or holds inline code its policy does not
 * allow (tests/build/hosting-dist.test.ts reports that).
 */
import { cspHash } from './csp-hash.ts';

const POLICY = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The hash of each inline script the page runs (not data blocks such as JSON-LD, not external scripts) and each inline style. */
function inlineHashes(html: string): { script: Set<string>; style: Set<string> } {
  const script = new Set<string>();
  for (const [, attributes, code] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes!)) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(attributes!)?.[1]?.trim().toLowerCase() ?? '';
    if (EXECUTABLE_TYPES.has(type)) script.add(`'${cspHash(code!)}'`);
  }
  const style = new Set([...html.matchAll(STYLE)].map(([, css]) => `'${cspHash(css!)}'`));
  return { script, style };
}

const isHash = (token: string) => /^'sha(256|384|512)-/.test(token);

/** `html` with its CSP meta policy naming only the hashes of the inline code the page holds. */
export function pruneCspHashes(html: string): string {
  const match = POLICY.exec(html);
  if (!match) return html;
  const needed = inlineHashes(html);
  const directives = match[2]!.split(';');
  let allowed = true;
  const pruned = directives.map((directive) => {
    const [name, ...tokens] = directive.trim().split(/\s+/);
    const keep = name === 'script-src' ? needed.script : name === 'style-src' ? needed.style : undefined;
    if (!keep) return directive;
    for (const hash of keep) if (!tokens.includes(hash)) allowed = false;
    const lead = /^\s*/.exec(directive)![0];
    return `${lead}${[name, ...tokens.filter((token) => !isHash(token) || keep.has(token))].join(' ')}`;
  });
  if (!allowed) return html;
  return html.replace(POLICY, (_, start: string, _policy: string, end: string) => `${start}${pruned.join(';')}${end}`);
}
