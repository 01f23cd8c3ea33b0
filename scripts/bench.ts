/**
 * `npm run bench -- --pages 1000[x3][,10000] [--write] [--skip-lighthouse] [--skip-baseline] [--skip-warm] [--skip-site]`
 * `npm run bench -- --search-only`: only the search figures, against the dist/ already built (seconds)
 *
 * Measures how build and page cost grow with the size of the site, on this machine:
 *  1. for each N: a synthetic corpus of N MDX pages that passes the real schemas
 *     (scripts/bench/synthetic-corpus.ts), built cold by `scripts/build.ts` in .bench/,
 *     then rebuilt warm after editing one file (with rounds, three times, one more edit each,
 *     and the median is reported); the same corpus built cold by a
 *     bare-bones Astro + MDX + Pagefind project (scripts/bench/baseline/) in the same run,
 *     so the ratio stays meaningful on a noisy machine; with 1000x3, three such pairs,
 *     and the pair with the median ratio is reported, with every round's ratio. Wall time, CPU time, peak memory
 *     (largest process), time per page, output and search index size.
 *  2. the real site: Lighthouse (mobile) for the home page, an article, the search page
 *     and the skills matrix; search cost (scripts/bench/search-cost.ts) — bytes fetched for the
 *     first query in the header popup and on the search page, keystroke to first result — and
 *     page weights (scripts/page-weight.ts).
 * Served by nginx with deploy/nginx.conf when it can load it (as in production), else by the
 * test suite's static server sending the build's .br/.gz copies. Figures are reported, never
 * asserted; `--write` puts the table into docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { PAGES_IN_FLIGHT } from '../src/integrations/build-speed/index.ts';
import { SEARCH_DEBOUNCE_MS } from '../src/lib/search/search-terms.ts';
import { chromiumPath } from '../tests/support/browser.ts';
import { nginxUnavailable, serveWithNginx } from '../tests/support/nginx.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { type FirstQuery, measureFirstQuery, measureWarmQueries } from './bench/search-cost.ts';
import { type Mechanism } from '../src/integrations/build-speed/switch.ts';
import { mechanismTable, type MechanismTiming, SCENARIOS, verdicts } from './bench/mechanisms.ts';
import { generateCorpus } from './bench/synthetic-corpus.ts';
import { pageWeight } from './page-weight.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench');
const TRASH = join(WORK, 'trash');

/**
 * Moves an earlier build's folder out of the way; the moved folders are deleted when every
 * timing is done (emptyTrash). Deleting them before a timed build slowed the build that followed:
 * this machine's ext4 runs without a journal, and then the kernel skips recently deleted inodes
 * when it allocates new ones, so creating files within a minute of deleting thousands is slow
 * (docs/performance.md).
 */
function setAside(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(path, join(TRASH, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`));
}

function emptyTrash(): void {
  rmSync(TRASH, { recursive: true, force: true });
}
const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    write: { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
    'skip-baseline': { type: 'boolean', default: false },
    'skip-warm': { type: 'boolean', default: false },
    'skip-site': { type: 'boolean', default: false },
    'search-only': { type: 'boolean', default: false },
    mechanisms: { type: 'boolean', default: false },
  },
});
if (values.mechanisms && values['search-only']) throw new Error('--mechanisms and --search-only measure different things: give one of them');
if (values['search-only'] && values.write)
  throw new Error('--search-only measures part of the table; --write needs a full run to replace the table in docs/performance.md');
/** `--pages 1000x3,10000`: sizes, each with its number of rounds (x3: three cold/baseline pairs). */
const sizes = values.pages.split(',').map((item) => {
  const match = /^(\d+)(?:x(\d+))?$/.exec(item.trim());
  const [pages, rounds] = [Number(match?.[1]), Number(match?.[2] ?? 1)];
  if (!match || rounds < 1)
    throw new Error(
      `--pages takes page counts separated by commas, each with an optional number of rounds, e.g. 1000x3,10000 (0: the real site only); got ${values.pages}`,
    );
  return { pages, rounds };
});

// ─── measuring a command ────────────────────────────────────────────────────────────

interface Run {
  wallS: number;
  cpuS: number;
  /** Peak resident memory of the largest process in the tree, MB. */
  peakMB: number;
  log: string;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function measure(label: string, command: string, args: string[], env: Record<string, string>): Run {
  process.stdout.write(`  ${label} … `);
  const stats = join(WORK, 'time.txt');
  const started = performance.now();
  const result = spawnSync(TIME ?? command, TIME ? ['-f', '%e %U %S %M', '-o', stats, command, ...args] : args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const log = `${result.stdout}\n${result.stderr}`;
  writeFileSync(join(WORK, `${label.replace(/\W+/g, '-').slice(0, 60)}.log`), log);
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${log.slice(-5000)}`);
  const [wall, user, sys, maxKb] = TIME ? readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [];
  const run = {
    wallS: wall ?? (performance.now() - started) / 1000,
    cpuS: user !== undefined && sys !== undefined ? user + sys : Number.NaN,
    peakMB: maxKb !== undefined ? maxKb / 1024 : Number.NaN,
    log,
  };
  console.log(`${run.wallS.toFixed(1)} s wall, ${run.cpuS.toFixed(1)} s CPU, ${run.peakMB.toFixed(0)} MB peak`);
  return run;
}

/**
 * Wall-clock milliseconds Astro spent on routes matching `pattern`, from its per-route build log:
 * the routes' own times, which overlap when several render at once, divided by how many do.
 */
function routeMs(log: string, pattern: RegExp): number {
  const sum = [...log.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)].filter((m) => pattern.test(m[1]!)).reduce((total, m) => total + Number(m[2]), 0);
  return sum / PAGES_IN_FLIGHT;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}
const bytes = (paths: string[]) => paths.reduce((sum, path) => sum + statSync(path).size, 0);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The search index proper: Pagefind's index, fragment and filter chunks and metadata (not its JS/wasm). */
function searchIndexBytes(dist: string): number {
  return bytes(files(join(dist, 'pagefind')).filter((path) => /\.pf_(index|fragment|filter|meta)$/.test(path)));
}

// ─── 1. build at scale ──────────────────────────────────────────────────────────────

interface Round {
  cold: Run;
  baseline?: Run;
}

interface ScaleResult {
  pages: number;
  /** Cold ÷ baseline wall time of every round, in order. */
  ratios: number[];
  htmlPages: number;
  cold: Run;
  warm: Run;
  /** Wall seconds of each warm rebuild measured (the median one is `warm`). */
  warmWalls: number[];
  baseline?: Run;
  ogS: number;
  precompressS: number;
  outputBytes: number;
  outputWithSiblingsBytes: number;
  indexBytes: number;
  baselineIndexBytes?: number;
}

function buildAtScale(pages: number, repeat: number): ScaleResult {
  console.log(`\n▸ ${pages} synthetic pages`);
  const dir = join(WORK, `scale-${pages}`);
  setAside(dir);
  mkdirSync(dir, { recursive: true });
  const content = join(dir, 'content');
  const corpus = generateCorpus({ pages, outDir: content, contentDir: join(ROOT, 'content') });
  console.log(
    `  corpus: ${corpus.entries} entries in ${corpus.sets} sets (${Object.entries(corpus.byCollection)
      .map(([c, n]) => `${n} ${c}`)
      .join(', ')})`,
  );
  const dist = join(dir, 'dist');
  const env = { ATLAS_CONTENT_DIR: content, ATLAS_DIST: dist, ATLAS_CACHE_DIR: join(dir, 'cache/') };
  const baseDist = join(dir, 'baseline-dist');
  const buildBaseline = () =>
    measure(
      'bare Astro + MDX + Pagefind baseline, cold',
      join(ROOT, 'node_modules/.bin/astro'),
      ['build', '--root', join(ROOT, 'scripts/bench/baseline')],
      {
        BENCH_CONTENT_DIR: content,
        BENCH_OUT_DIR: baseDist,
        BENCH_CACHE_DIR: join(dir, 'baseline-cache/'),
      },
    );

  // Rounds of a cold build and the baseline, back to back; the round with the median ratio is reported.
  const rounds: Round[] = [];
  for (let round = 1; round <= repeat; round++) {
    if (repeat > 1) console.log(`  round ${round} of ${repeat}`);
    for (const folder of ['dist', 'cache', 'baseline-dist', 'baseline-cache']) setAside(join(dir, folder));
    const cold = measure('cold build (npm run build)', process.execPath, [join(ROOT, 'scripts/build.ts')], env);
    rounds.push({ cold, ...(!values['skip-baseline'] && { baseline: buildBaseline() }) });
  }
  const ratioOf = (round: Round) => (round.baseline ? round.cold.wallS / round.baseline.wallS : round.cold.wallS);
  const chosen = [...rounds].sort((x, y) => ratioOf(x) - ratioOf(y))[Math.floor((rounds.length - 1) / 2)]!;
  const { cold, baseline } = chosen;

  // The last cold build's output and cache are what is on disk now.
  const all = files(dist);
  const served = all.filter((path) => !/\.(br|gz)$/.test(path));
  const result: ScaleResult = {
    pages,
    htmlPages: served.filter((path) => path.endsWith('.html') && !path.includes('/pagefind/')).length,
    cold,
    ...(baseline && { baseline, baselineIndexBytes: searchIndexBytes(baseDist) }),
    ratios: rounds.filter((round) => round.baseline).map(ratioOf),
    ogS: routeMs(cold.log, /^\/og\//) / 1000,
    precompressS: Number(/Precompressed \d+ files .* in ([\d.]+) s/.exec(cold.log)?.[1] ?? Number.NaN),
    outputBytes: bytes(served),
    outputWithSiblingsBytes: bytes(all),
    indexBytes: searchIndexBytes(dist),
    warm: cold,
    warmWalls: [],
  };
  // Warm: one article edited, the same cache folder as the last cold build. With rounds, three
  // rebuilds, each after one more edit, and the median is reported: one rebuild is a few seconds,
  // and this VM's stalls can add as many.
  if (!values['skip-warm']) {
    const edited = join(content, 'guides', readdirSync(join(content, 'guides')).sort()[0]!);
    const warms: Run[] = [];
    for (let edit = 1; edit <= (repeat > 1 ? 3 : 1); edit++) {
      appendFileSync(edited, `\nOne more sentence (${edit}), added by the benchmark to measure a warm rebuild.\n`);
      warms.push(measure('warm rebuild after editing one file', process.execPath, [join(ROOT, 'scripts/build.ts')], env));
    }
    result.warmWalls = warms.map((run) => run.wallS);
    result.warm = [...warms].sort((x, y) => x.wallS - y.wallS)[Math.floor((warms.length - 1) / 2)]!;
  }
  return result;
}

// ─── what each build-speed mechanism buys ───────────────────────────────────────────

/**
 * `--mechanisms`: for each mechanism of the build-speed switch, builds with everything on and
 * without it, in turn (the order swapped every round), in the scenario it is for. Cold builds start
 * from no output and no cache. Each rebuild follows one more edit of one article, and a rebuild
 * without a mechanism is followed by an untimed one with everything on, so the next timed pair
 * starts from the caches an everyday rebuild finds.
 */
function measureMechanisms(pages: number, rounds: number): string {
  console.log(`\n▸ build-speed mechanisms: ${pages} synthetic pages, ${rounds} rounds`);
  const dir = join(WORK, `mechanisms-${pages}`);
  setAside(dir);
  mkdirSync(dir, { recursive: true });
  const content = join(dir, 'content');
  generateCorpus({ pages, outDir: content, contentDir: join(ROOT, 'content') });
  const build = (label: string, without?: Mechanism) =>
    measure(label, process.execPath, [join(ROOT, 'scripts/build.ts')], {
      ATLAS_CONTENT_DIR: content,
      ATLAS_DIST: join(dir, 'dist'),
      ATLAS_CACHE_DIR: join(dir, 'cache/'),
      ATLAS_BUILD_SPEED: without ? `without:${without}` : 'on',
    }).wallS;
  const timings: MechanismTiming[] = [];
  /** Times each mechanism of `scenario` without it and with all on, in turn, `prepare` before each build. */
  const timePairs = (scenario: MechanismTiming['scenario'], prepare: () => void, afterWithout = () => {}) => {
    const timed = (Object.keys(SCENARIOS) as Mechanism[])
      .filter((mechanism) => SCENARIOS[mechanism].includes(scenario))
      .map((mechanism): MechanismTiming => ({ mechanism, scenario, on: [], without: [] }));
    timings.push(...timed);
    for (let round = 0; round < rounds; round++) {
      for (const timing of timed) {
        for (const without of round % 2 === 0 ? [false, true] : [true, false]) {
          prepare();
          const wall = build(`${scenario}, ${without ? `without ${timing.mechanism}` : 'all on'}`, without ? timing.mechanism : undefined);
          (without ? timing.without : timing.on).push(wall);
          if (without) afterWithout();
        }
      }
    }
  };
  const fresh = () => ['dist', 'dist.previous', 'dist.partial', 'cache'].forEach((folder) => setAside(join(dir, folder)));
  timePairs('cold', fresh);
  const edited = join(content, 'guides', readdirSync(join(content, 'guides')).sort()[0]!);
  let edits = 0;
  const edit = () => appendFileSync(edited, `\nOne more sentence (${++edits}), added by the benchmark to time a rebuild.\n`);
  fresh();
  build('cold build to start the rebuilds from');
  timePairs('warm', edit, () => build('untimed rebuild with all on, to settle the caches'));
  return mechanismTable(verdicts(timings));
}

// ─── 2. the real site in a browser ──────────────────────────────────────────────────

interface SiteResult {
  server: string;
  lighthouse: { page: string; path: string; scores: Record<string, number> }[];
  /** The first query in each box: bytes from a paste (and their range over the rounds), median times typed and pasted. */
  firstQueries: (FirstQuery & { bytesRange: [number, number]; typedMs: number; pastedMs: number })[];
  keystrokeMs: number[];
  /** The search page's first query for each everyday query (pasted): bytes fetched, and how many index chunks. */
  everyday: { query: string; bytes: number; chunks: number }[];
  indexBytes: number;
  weights: { label: string; firstRender: number; script: number }[];
}

/** nginx with deploy/nginx.conf when this machine's nginx can load it, else the static server with the build's .br/.gz copies. */
async function serveSite(dist: string): Promise<{ url: string; close(): Promise<void>; description: string }> {
  if (nginxUnavailable() === undefined) return { ...(await serveWithNginx(dist)), description: 'nginx with deploy/nginx.conf (brotli)' };
  const server = await serveStatic(dist, '/', { precompressed: true });
  return { ...server, description: "the test suite's Node static server, sending the build's .br copies (nginx with brotli_static not available)" };
}

/** Milliseconds between keys for a reader typing the first query (a brisk typist); 0 is a paste. */
const TYPING_DELAY_MS = 80;
const FIRST_QUERY_ROUNDS = 3;

async function measureSearch(browser: Browser, origin: string): Promise<Pick<SiteResult, 'firstQueries' | 'keystrokeMs' | 'everyday'>> {
  const firstQueries: SiteResult['firstQueries'] = [];
  for (const box of ['popup', 'page'] as const) {
    process.stdout.write(`  first query, ${box === 'popup' ? 'header popup' : 'search page'} … `);
    const pasted: FirstQuery[] = [];
    const typed: FirstQuery[] = [];
    for (let round = 0; round < FIRST_QUERY_ROUNDS; round++) {
      pasted.push(await measureFirstQuery(browser, origin, box, 0));
      typed.push(await measureFirstQuery(browser, origin, box, TYPING_DELAY_MS));
    }
    // Bytes from a paste, a single query; typed, the UI may also search a prefix the reader paused on.
    const bytes = pasted.map((run) => run.bytes);
    const result = {
      ...pasted[0]!,
      bytesRange: [Math.min(...bytes), Math.max(...bytes)] as [number, number],
      pastedMs: median(pasted.map((run) => run.firstResultMs)),
      typedMs: median(typed.map((run) => run.firstResultMs)),
    };
    console.log(
      `${kb(result.bytes)} in ${result.requests} requests; first result ${result.typedMs.toFixed(0)} ms after the last keystroke typed, ${result.pastedMs.toFixed(0)} ms pasted`,
    );
    firstQueries.push(result);
  }
  // One query's figure depends on where Pagefind's index chunks split the words: each query's words
  // fetch one ~30 KB chunk, or two when they fall either side of a split.
  process.stdout.write(`  first query on the search page, each of ${QUERIES.length} everyday queries … `);
  const everyday: SiteResult['everyday'] = [];
  for (const query of QUERIES) {
    const run = await measureFirstQuery(browser, origin, 'page', 0, query);
    everyday.push({ query, bytes: run.bytes, chunks: run.byKind['index']?.requests ?? 0 });
  }
  const bytes = everyday.map((run) => run.bytes);
  console.log(`median ${kb(median(bytes))}, ${kb(Math.min(...bytes))}–${kb(Math.max(...bytes))}`);
  return { firstQueries, keystrokeMs: await measureWarmQueries(browser, origin, QUERIES), everyday };
}

/** `--search-only`: the search figures alone, against the dist/ already built. */
async function measureSearchOnly(): Promise<SiteResult> {
  const dist = resolve(ROOT, process.env['ATLAS_DIST'] ?? 'dist');
  if (!existsSync(join(dist, 'pagefind/pagefind.js'))) throw new Error(`No built site with a search index in ${dist}: run \`npm run build\` first.`);
  console.log(`\n▸ search, against ${relative(ROOT, dist) || dist}`);
  const server = await serveSite(dist);
  const browser = await chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    return {
      server: server.description,
      lighthouse: [],
      weights: [],
      indexBytes: searchIndexBytes(dist),
      ...(await measureSearch(browser, server.url.replace(/\/$/, ''))),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const QUERIES = ['postgres', 'kubernetes', 'api design', 'caching', 'career', 'security', 'testing', 'observability', 'message queue'];

async function measureSite(): Promise<SiteResult> {
  console.log('\n▸ the real site');
  const dir = join(WORK, 'site');
  setAside(dir);
  const dist = join(dir, 'dist');
  measure('build', process.execPath, [join(ROOT, 'scripts/build.ts')], { ATLAS_DIST: dist, ATLAS_CACHE_DIR: join(dir, 'cache/') });
  const server = await serveSite(dist);
  const origin = server.url.replace(/\/$/, '');
  const port = 9300 + Math.floor(Math.random() * 500);
  const browser = await chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', `--remote-debugging-port=${port}`],
  });
  try {
    const article = 'skills/redis/';
    const pages = [
      { page: 'Home', path: '/' },
      { page: 'Article', path: `/${article}` },
      { page: 'Search', path: '/search/' },
      ...(existsSync(join(dist, 'skills/matrix/index.html')) ? [{ page: 'Skills matrix', path: '/skills/matrix/' }] : []),
    ];
    const lighthouseResults: SiteResult['lighthouse'] = [];
    if (!values['skip-lighthouse']) {
      const { default: lighthouse } = await import('lighthouse');
      for (const { page, path } of pages) {
        process.stdout.write(`  Lighthouse (mobile) ${path} … `);
        const result = await lighthouse(`${origin}${path}`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        if (result) writeFileSync(join(WORK, `lighthouse${path.replace(/\W+/g, '-')}json`), result.report as string);
        const scores = Object.fromEntries(
          Object.entries(result?.lhr.categories ?? {}).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)]),
        );
        const problem = result?.lhr.runtimeError;
        console.log(`${Object.values(scores).join(' / ')}${problem ? ` (Lighthouse could not measure: ${problem.code} ${problem.message})` : ''}`);
        if (problem) for (const id of Object.keys(scores)) scores[id] = Number.NaN;
        lighthouseResults.push({ page, path, scores });
      }
    }

    const search = await measureSearch(browser, origin);
    const weights = [
      { label: 'Article (skills/redis/)', file: `${article}index.html` },
      { label: 'Home', file: 'index.html' },
      { label: 'Search', file: 'search/index.html' },
    ].map(({ label, file }) => {
      const weight = pageWeight(dist, file);
      return { label, firstRender: weight.firstRenderBytes, script: weight.scriptBytes };
    });
    return {
      server: server.description,
      lighthouse: lighthouseResults,
      ...search,
      indexBytes: searchIndexBytes(dist),
      weights,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ─── report ─────────────────────────────────────────────────────────────────────────

const median = (xs: number[]) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const command = values['search-only'] ? '--search-only' : `--pages ${values.pages}`;

function report(scale: ScaleResult[], site: SiteResult | undefined): string {
  const lines: string[] = [];
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'} (${availableParallelism()} usable), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}`;
  lines.push(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}, with \`npm run bench -- ${command}\`.`, '');
  if (scale.length > 0) lines.push('### Build at scale', '');
  if (scale.length > 0)
    lines.push('| | ' + scale.map((s) => `${s.pages} pages`).join(' | ') + ' |', '| --- | ' + scale.map(() => '---').join(' | ') + ' |');
  const row = (label: string, cell: (s: ScaleResult) => string) => scale.length > 0 && lines.push(`| ${label} | ${scale.map(cell).join(' | ')} |`);
  row('HTML pages built (entries, indexes, views)', (s) => String(s.htmlPages));
  row('cold build, wall', (s) => `${s.cold.wallS.toFixed(1)} s`);
  row('cold build, CPU', (s) => `${s.cold.cpuS.toFixed(1)} s`);
  row(
    `  of which the social-card routes (cards are drawn while pages render; this is the wait and the writing; route times ÷ ${PAGES_IN_FLIGHT} pages in flight)`,
    (s) => `${s.ogS.toFixed(1)} s`,
  );
  row(
    '  precompression pass over the output, alongside the sitemap and Pagefind (start to end; pages were compressed as they rendered)',
    (s) => `${s.precompressS.toFixed(1)} s`,
  );
  row('per page (cold wall / MDX pages)', (s) => `${((s.cold.wallS / s.pages) * 1000).toFixed(0)} ms`);
  row('peak memory (largest process)', (s) => `${s.cold.peakMB.toFixed(0)} MB`);
  row('baseline (bare Astro + MDX + Pagefind), wall', (s) => (s.baseline ? `${s.baseline.wallS.toFixed(1)} s` : 'skipped'));
  row('baseline, CPU', (s) => (s.baseline ? `${s.baseline.cpuS.toFixed(1)} s` : 'skipped'));
  row('baseline peak memory', (s) => (s.baseline ? `${s.baseline.peakMB.toFixed(0)} MB` : 'skipped'));
  row('**cold ÷ baseline (wall)** — target ≤ 1.25×', (s) => (s.baseline ? `**${ratio(s.cold.wallS, s.baseline.wallS)}**` : 'n/a'));
  if (scale.some((s) => s.ratios.length > 1))
    row('  cold ÷ baseline in each round (the median is reported)', (s) => s.ratios.map((r) => `${r.toFixed(2)}×`).join(', ') || 'n/a');
  row('cold ÷ baseline (CPU)', (s) => (s.baseline ? ratio(s.cold.cpuS, s.baseline.cpuS) : 'n/a'));
  row('cold without the social-card routes ÷ baseline (wall)', (s) => (s.baseline ? ratio(s.cold.wallS - s.ogS, s.baseline.wallS) : 'n/a'));
  row('**warm rebuild after one edit** — target ≤ 25% of cold', (s) =>
    s.warm === s.cold ? 'skipped' : `**${s.warm.wallS.toFixed(1)} s (${((s.warm.wallS / s.cold.wallS) * 100).toFixed(0)}%)**`,
  );
  if (scale.some((s) => s.warmWalls.length > 1))
    row(
      '  warm rebuild in each run, one more edit each (the median is reported)',
      (s) => s.warmWalls.map((w) => `${w.toFixed(1)} s`).join(', ') || 'n/a',
    );
  row('warm rebuild, CPU', (s) =>
    s.warm === s.cold ? 'skipped' : `${s.warm.cpuS.toFixed(1)} s (${((s.warm.cpuS / s.cold.cpuS) * 100).toFixed(0)}%)`,
  );
  row('output (without .br/.gz)', (s) => mb(s.outputBytes));
  row('output with .br/.gz', (s) => mb(s.outputWithSiblingsBytes));
  row('search index (Pagefind chunks)', (s) => mb(s.indexBytes));
  if (scale.length > 1) {
    const [small, large] = [scale[0]!, scale.at(-1)!];
    lines.push(
      '',
      `Per-page time at ${large.pages} pages is ${ratio(large.cold.wallS / large.pages, small.cold.wallS / small.pages)} the ${small.pages}-page figure (target ≤ 1.3×).`,
    );
  }
  if (site) {
    lines.push('', `### The real site (served by ${site.server})`, '');
    if (site.lighthouse.length > 0) {
      lines.push('| Lighthouse, mobile | Performance | Accessibility | Best Practices | SEO |', '| --- | --- | --- | --- | --- |');
      for (const { page, path, scores } of site.lighthouse) {
        lines.push(
          `| ${page} (\`${path}\`) | ${scores['performance']} | ${scores['accessibility']} | ${scores['best-practices']} | ${scores['seo']} |`,
        );
      }
      lines.push('');
    }
    if (site.weights.length > 0) {
      lines.push('| Page weight (bytes as sent) | HTML + CSS for first render | JavaScript before interaction |', '| --- | --- | --- |');
      for (const weight of site.weights) lines.push(`| ${weight.label} | ${kb(weight.firstRender)} | ${weight.script} B |`);
      lines.push('');
    }
    lines.push('| Search | |', '| --- | --- |');
    const afterDebounce = (ms: number) => `${ms.toFixed(0)} ms (${(ms - SEARCH_DEBOUNCE_MS).toFixed(0)} ms after the debounce)`;
    for (const first of site.firstQueries) {
      const popup = first.box === 'popup';
      const where = popup ? 'in the header popup, from an article (title index, no Pagefind)' : 'on the search page (Pagefind)';
      // The popup searches its title index on every keystroke; the page waits for the debounce before asking Pagefind.
      const timing = popup
        ? { wait: 'no debounce', target: 'target ≤ 50 ms', shown: (ms: number) => `${ms.toFixed(0)} ms`, loading: 'the search UI and title index' }
        : {
            wait: `${SEARCH_DEBOUNCE_MS} ms debounce included`,
            target: 'target ≤ 50 ms after the debounce',
            shown: afterDebounce,
            loading: 'Pagefind',
          };
      const parts = Object.entries(first.byKind)
        .sort(([, a], [, b]) => b.bytes - a.bytes)
        .map(([kind, { requests, bytes }]) => `${kind} ${kb(bytes)}${requests > 1 ? ` (${requests})` : ''}`);
      lines.push(
        `| **first query ("${first.query}") ${where}: bytes fetched from focus** — target ≤ 120 KB | **${kb(first.bytes)}** in ${first.requests} requests, ${first.shown} results shown: ${parts.join(', ')}${
          first.bytesRange[0] === first.bytesRange[1]
            ? ''
            : ` (${kb(first.bytesRange[0])}–${kb(first.bytesRange[1])} over ${FIRST_QUERY_ROUNDS} rounds)`
        } |`,
        `| first query ${where}: last keystroke → first result, typed right after focus at ${TYPING_DELAY_MS} ms a key (${timing.wait}; median of ${FIRST_QUERY_ROUNDS}) — ${timing.target} | ${timing.shown(first.typedMs)} |`,
        `| the same, pasted at once (${timing.loading} still loading; median of ${FIRST_QUERY_ROUNDS}) | ${timing.shown(first.pastedMs)} |`,
      );
    }
    const everyday = site.everyday.map((run) => run.bytes);
    const within = site.everyday.filter((run) => run.bytes <= 120 * 1024).length;
    lines.push(
      `| first query on the search page (Pagefind, pasted), each of ${site.everyday.length} everyday queries: median, range, and how many within 120 KB | median ${kb(median(everyday))}, ${kb(Math.min(...everyday))}–${kb(Math.max(...everyday))}; ${within} of ${site.everyday.length} within 120 KB; ${site.everyday.map((run) => `${run.query} ${kb(run.bytes)}${run.chunks > 1 ? ` (${run.chunks} index chunks)` : ''}`).join(', ')} |`,
      `| keystroke → first rendered result in the header popup, warm, median of ${site.keystrokeMs.length} queries (no debounce) | ${median(site.keystrokeMs).toFixed(0)} ms |`,
    );
    lines.push(`| search index on disk, real site | ${kb(site.indexBytes)} |`);
    const thousand = scale.find((s) => s.pages === 1000) ?? scale[0];
    if (thousand) lines.push(`| search index on disk, ${thousand.pages}-page synthetic site | ${mb(thousand.indexBytes)} |`);
  }
  return lines.join('\n');
}

mkdirSync(WORK, { recursive: true });
if (values.mechanisms) {
  const [{ pages, rounds }] = sizes as [(typeof sizes)[number]];
  const table = measureMechanisms(pages || 1000, rounds);
  console.log('\nDeleting the folders of earlier builds (.bench/trash)…');
  emptyTrash();
  const text = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench -- --mechanisms --pages ${values.pages}\`.\n\n${table}`;
  console.log(`\n${text}\n`);
  writeFileSync(join(WORK, 'report-mechanisms.md'), `${text}\n`);
  if (values.write) writeBetween('mechanisms', text);
  process.exit(0);
}
const scale = values['search-only'] ? [] : sizes.filter((size) => size.pages > 0).map((size) => buildAtScale(size.pages, size.rounds));
const site = values['search-only'] ? await measureSearchOnly() : values['skip-site'] ? undefined : await measureSite();
const table = report(scale, site);
console.log('\nDeleting the folders of earlier builds (.bench/trash)…');
emptyTrash();
console.log(`\n${table}\n`);
writeFileSync(join(WORK, `report-${values['search-only'] ? 'search' : values.pages}.md`), `${table}\n`);
if (values.write) writeBetween('bench', table);

/** Replaces what docs/performance.md holds between `<!-- name:start -->` and `<!-- name:end -->`. */
function writeBetween(name: string, table: string): void {
  const doc = join(ROOT, 'docs/performance.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = readFileSync(doc, 'utf8');
  if (!text.includes(start) || !text.includes(end)) throw new Error(`${relative(ROOT, doc)} needs the markers ${start} and ${end}`);
  writeFileSync(doc, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
  console.log(`Wrote the table into ${relative(ROOT, doc)}`);
}
