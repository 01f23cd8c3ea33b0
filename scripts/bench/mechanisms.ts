/**
 * What each build-speed mechanism buys (`npm run bench -- --mechanisms`): builds with every
 * mechanism on and builds without one of them, interleaved, in the scenario the mechanism is for
 * (a cold build, or a rebuild after one edit). The machine's speed drifts over a run by more than
 * most mechanisms save, so each round's pair is compared, not the run's totals: a mechanism pays
 * when it saved time in every round and its median saving is at least 2% of the build.
 */
import { MECHANISMS, type Mechanism } from '../../src/integrations/build-speed/switch.ts';

export type Scenario = 'cold' | 'warm';

/** The scenario(s) in which a mechanism can save time at all. */
export const SCENARIOS: Record<Mechanism, Scenario[]> = {
  incremental: ['warm'],
  link: ['warm'],
  'keep-folders': ['warm'],
  'index-reuse': ['warm'],
  'compress-cache': ['cold', 'warm'],
  // Not in rebuilds: build.concurrency is part of the config Astro's build cache is keyed by, so a
  // rebuild with another value renders every page, which says nothing about the mechanism.
  'pages-in-flight': ['cold'],
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
  /** The range (min to max) of the rounds' savings, seconds: how much the pairs disagree. */
  range: [number, number];
  pays: boolean;
}

/** The smallest median saving, as a share of the all-on build, that counts as paying. */
export const MIN_SHARE = 0.02;

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

export function verdicts(timings: readonly MechanismTiming[]): MechanismVerdict[] {
  return timings.map((timing) => {
    const savings = timing.on.map((on, round) => timing.without[round]! - on);
    const saves = median(savings);
    const range: [number, number] = [Math.min(...savings), Math.max(...savings)];
    return { ...timing, saves, range, pays: range[0] > 0 && saves >= MIN_SHARE * median(timing.on) };
  });
}

export function mechanismTable(results: readonly MechanismVerdict[]): string {
  const s = (x: number) => `${x.toFixed(2)} s`;
  const lines = [
    '| mechanism | build | all on (median) | without it (median) | saves: median of the rounds (range) | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const share = ((100 * r.saves) / median(r.on)).toFixed(0);
    lines.push(
      `| \`${r.mechanism}\`: ${MECHANISMS[r.mechanism]} | ${r.scenario === 'cold' ? 'cold build' : 'rebuild after one edit'} | ${s(median(r.on))} | ${s(median(r.without))} | ${s(r.saves)}, ${share}% (${s(r.range[0])} to ${s(r.range[1])}) | ${r.pays ? 'pays' : 'inside the noise'} |`,
    );
  }
  return lines.join('\n');
}
