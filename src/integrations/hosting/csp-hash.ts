import { createHash } from 'node:crypto';

/** The CSP source expression that allows exactly this inline script or style: sha256-<base64>. */
export function cspHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}
