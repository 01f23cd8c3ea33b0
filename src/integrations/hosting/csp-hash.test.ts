import { describe, expect, it } from 'vitest';
import { cspHash } from './csp-hash.ts';

describe('cspHash', () => {
  it('gives the sha256 source expression browsers compute for an inline script', () => {
    // The value Chrome prints in its CSP violation message for <script>alert('Hello, world.');</script>.
    expect(cspHash("alert('Hello, world.');")).toBe('sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=');
  });
});
