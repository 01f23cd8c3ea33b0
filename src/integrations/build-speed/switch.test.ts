import { describe, expect, it } from 'vitest';
import { MECHANISMS, mechanismsOff } from './switch.ts';

describe('mechanismsOff', () => {
  it('turns nothing off by default, everything off with "off", and the named ones with "without:"', () => {
    expect(mechanismsOff(undefined).size).toBe(0);
    expect(mechanismsOff('on').size).toBe(0);
    expect([...mechanismsOff('off')].sort()).toEqual(Object.keys(MECHANISMS).sort());
    expect([...mechanismsOff('without:link, index-reuse')]).toEqual(['link', 'index-reuse']);
  });

  it('refuses a value or a name it does not know, listing the valid ones', () => {
    expect(() => mechanismsOff('fast')).toThrow(/ATLAS_BUILD_SPEED=fast: write on, off, or without: .*incremental, link/);
    expect(() => mechanismsOff('without:links')).toThrow(/\(unknown: links\)/);
  });
});
