/**
 * The build-speed switch, one environment variable, read by every speed-only mechanism
 * (src/integrations/build-speed/index.ts lists them):
 *
 * - unset or `on`: every mechanism on;
 * - `off`: none, the build runs on stock Astro behaviour (and writes the same dist/);
 * - `without:link,index-reuse`: every mechanism but those named, so `npm run bench -- --mechanisms`
 *   can measure what each one buys.
 */
export const MECHANISMS = {
  incremental: "Astro's incremental build: unchanged pages copied from the build cache",
  link: 'unchanged outputs hard-linked from the build cache instead of copied',
  'pages-in-flight': 'four pages rendered at once',
  'keep-folders': "the output folder emptied of files but not folders, starting from the replaced site's",
  'compress-cache': 'pages compressed as they render, compressed copies kept in the build cache',
  'index-reuse': "the last build's unchanged search index files reused",
  'render-workers': 'a cold build renders articles on a worker per core',
} as const;

export type Mechanism = keyof typeof MECHANISMS;

/** The mechanisms the switch turns off, from its value; an unknown value or name is an error that lists the valid ones. */
export function mechanismsOff(value = process.env.ATLAS_BUILD_SPEED): Set<Mechanism> {
  const names = Object.keys(MECHANISMS) as Mechanism[];
  if (value === undefined || value === '' || value === 'on') return new Set();
  if (value === 'off') return new Set(names);
  const listed = /^without:(.+)$/
    .exec(value)?.[1]
    ?.split(',')
    .map((name) => name.trim());
  const unknown = listed?.filter((name) => !(names as string[]).includes(name)) ?? [value];
  if (!listed || unknown.length > 0)
    throw new Error(
      `ATLAS_BUILD_SPEED=${value}: write on, off, or without: and a comma-separated list of ${names.join(', ')} (unknown: ${unknown.join(', ')}).`,
    );
  return new Set(listed as Mechanism[]);
}

/** Whether a speed mechanism is on. */
export function buildSpeedOn(mechanism: Mechanism): boolean {
  return !mechanismsOff().has(mechanism);
}
