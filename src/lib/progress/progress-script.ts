/**
 * The progress boot script for a page (progress-boot-script.ts, with the page code's URL), its
 * hash registered with Astro's CSP. Call it from the page's own frontmatter: that runs before the
 * page's <head> is written, and a hash registered by a component further down would come too late.
 */
import progressUrl from '../../scripts/progress.ts?worker&url';
import { cspHash } from '../../integrations/hosting/csp-hash.ts';
import { type BootOptions, progressBootScript } from './progress-boot-script.ts';

export function progressScript(csp: { insertScriptHash(hash: `sha256-${string}`): void } | undefined, options: BootOptions = {}): string {
  const script = progressBootScript(progressUrl, options);
  csp?.insertScriptHash(cspHash(script));
  return script;
}
