/**
 * What each build-speed mechanism buys (`npm run bench -- --mechanisms`): builds with every
 * mechanism on and builds without one of them, interleaved, in the scenario the mechanism is for
 * (a cold build, or a rebuild after one edit). A mechanism keeps its place only if what it saves
 * is larger than the spread of the all-on builds it was measured against (the noise).
 */
import { MECHANISMS, type Mechanism } from '../../src/integrations/build-speed/switch.ts';

export type Scenario = 'cold' | 'warm';

/** The scenario(s) in which a mechanism can save time at all. */
export const SCENARIOS: Record<Mechanism, Scenario[]> = {
  incremental: ['warm'],
  'view-keys': ['warm'],
  link: ['warm'],
  'keep-folders': ['warm'],
  'index-reuse': ['warm'],
  'compress-cache': ['cold', 'warm'],
  // Not in rebuilds: build.concurrency is part of the config Astro's build cache is keyed by, so a
  // rebuild with another value renders every page, which says nothing about the mechanism.
  'pages-in-flight': ['cold'],
  'yield-to-pagefind': ['cold'],
  'render-workers': ['cold'],
};

export interface MechanismTiming {
  mechanism: Mechanism;
  scenario: Scenario;
  /** Wall seconds of the all-on build of each round. */
  on: number[];
  /** Wall seconds of the build without the mechanism, same rounds. */
  without: number[];
}

export interface MechanismVerdict extends MechanismTiming {
  /** Median over the rounds of (without − on), seconds: what the mechanism saves. */
  saves: number;
  /** Spread (max − min) of the all-on builds in this scenario over the whole run, seconds. */
  noise: number;
  pays: boolean;
}

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

export function verdicts(timings: readonly MechanismTiming[]): MechanismVerdict[] {
  const noiseOf = (scenario: Scenario) => {
    const all = timings.filter((timing) => timing.scenario === scenario).flatMap((timing) => timing.on);
    return all.length > 1 ? Math.max(...all) - Math.min(...all) : Number.NaN;
  };
  return timings.map((timing) => {
    const saves = median(timing.on.map((on, round) => timing.without[round]! - on));
    const noise = noiseOf(timing.scenario);
    return { ...timing, saves, noise, pays: saves > noise };
  });
}

export function mechanismTable(results: readonly MechanismVerdict[]): string {
  const s = (x: number) => `${x.toFixed(2)} s`;
  const lines = [
    '| mechanism | build | all on (median) | without it (median) | saves (median of the rounds) | noise (spread of all-on builds) | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    lines.push(
      `| \`${r.mechanism}\`: ${MECHANISMS[r.mechanism]} | ${r.scenario === 'cold' ? 'cold build' : 'rebuild after one edit'} | ${s(median(r.on))} | ${s(median(r.without))} | ${s(r.saves)} (${((100 * r.saves) / median(r.on)).toFixed(0)}%) | ${s(r.noise)} | ${r.pays ? 'pays' : 'inside the noise'} |`,
    );
  }
  return lines.join('\n');
}
