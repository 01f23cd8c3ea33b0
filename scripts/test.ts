/**
 * `npm test`: every check the project has, in the order that fails fastest.
 *   1. types and Astro components (astro check), code lint and formatting (npm run lint),
 *      then the content lint (npm run check)
 *   2. unit tests, and builds of broken fixtures (the error messages writers see)
 *   3. the production build of the real site (npm run build)
 *   4. tests over the built dist/, browser tests in headless Chromium, site-wide
 *      quality gates, and hosting tests under nginx (when nginx and its brotli module are installed)
 * Ends with one summary line: "Tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { nginxUnavailable } from '../tests/support/nginx.ts';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'atlas-test-'));
let passed = 0;
let failed = 0;
const brokenFiles: string[] = [];

/** The parts of vitest's JSON report this summary reads. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n━━ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return result.status === 0;
}

function vitest(title: string, projects: string[]): boolean {
  const report = join(reports, `${projects.join('-')}.json`);
  const ok = run(title, bin('vitest'), [
    'run',
    ...projects.flatMap((project) => ['--project', project]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  let json: VitestReport;
  try {
    json = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  } catch {
    failed += 1; // the runner itself failed before writing a report
    return ok;
  }
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file whose setup (beforeAll, an import) throws fails without failing any test: its tests are
  // only skipped. Each such file counts as one failure, so the summary never says 0 failed for a red run.
  for (const file of json.testResults) {
    if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
      failed += 1;
      brokenFiles.push(relative(root, file.name));
    }
  }
  return ok;
}

function finish(ok: boolean): never {
  const broken =
    brokenFiles.length > 0 ? ` (${brokenFiles.length} of them a test file that failed before its tests ran: ${brokenFiles.join(', ')})` : '';
  console.log(`\nTests: ${passed} passed, ${failed} failed${broken}`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

if (!run('Type and Astro checks (astro check)', bin('astro'), ['check'])) {
  failed += 1;
  finish(false);
}
if (!run('Code lint (eslint)', bin('eslint'), ['.']) || !run('Formatting (prettier --check)', bin('prettier'), ['--check', '.'])) {
  failed += 1;
  finish(false);
}
if (!run('Content check (npm run check)', process.execPath, [join(root, 'scripts/check-content.ts')])) {
  failed += 1;
  finish(false);
}
let ok = vitest('Unit tests, content rules and broken-fixture builds', ['unit', 'content', 'errors']);
if (!run('Production build (npm run build)', process.execPath, [join(root, 'scripts/build.ts')])) {
  failed += 1;
  finish(false);
}
const noNginx = nginxUnavailable();
if (noNginx) console.log(`\n${noNginx}.`);
ok = vitest('Built-site, browser, quality-gate and hosting tests', ['build', 'browser', 'quality', 'hosting']) && ok;
finish(ok);
