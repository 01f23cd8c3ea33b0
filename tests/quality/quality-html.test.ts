/**
 * HTML validity: every page the build emits passes html-validate's recommended
 * preset (departures justified in .htmlvalidate.mjs), and the check catches what it should.
 */
import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../scripts/check-html';
import { formatPageProblems } from '../../scripts/page-problems';
import { htmlPages, requireDist } from '../support/dist';
import { fixturePage, writeSite } from '../support/quality-fixtures';

describe('every built page is valid HTML', () => {
  it('passes html-validate with zero errors, listing every error with page, line and element', async () => {
    const { problems, pagesChecked } = await checkHtml(requireDist());
    expect(pagesChecked).toBe(htmlPages().length);
    expect(formatPageProblems(problems)).toBe('');
  });
});

describe('the HTML check (planted defects)', () => {
  const page = (body: string) => fixturePage({ path: '/', title: 'Planted', body });

  it('passes the clean fixture page, so each planted defect below is the only problem', async () => {
    expect((await checkHtml(writeSite({ 'index.html': page('<p>Fine.</p>') }))).problems).toEqual([]);
  });

  it('reports an image without alt text, with page, line and element', async () => {
    const dist = writeSite({ 'index.html': page('      <p>Chart:</p>\n      <img src="/chart.png" width="10" height="10">') });
    const { problems } = await checkHtml(dist);
    expect(formatPageProblems(problems)).toMatch(
      /^dist\/index\.html:\d+:\d+: \[wcag\/h37\] #main > img <img src="\/chart\.png" width="10" height="10"> — <img> is missing required "alt" attribute$/,
    );
  });

  it('reports a duplicate id on every page that has one, all at once', async () => {
    const twice = page('<h2 id="setup">Setup</h2><h2 id="setup">Setup again</h2>');
    const { problems } = await checkHtml(writeSite({ 'index.html': twice, 'other/index.html': twice }));
    expect(problems.map((p) => `${p.file} ${p.rule} ${p.message}`)).toEqual([
      'index.html no-dup-id Duplicate ID "setup"',
      'other/index.html no-dup-id Duplicate ID "setup"',
    ]);
  });

  it('rejects inline styles, even custom properties, since the Content-Security-Policy blocks them', async () => {
    const { problems } = await checkHtml(
      writeSite({ 'index.html': page('<pre><code><span style="--shiki-light:#24292e">x</span><span class="sl-d73a49">y</span></code></pre>') }),
    );
    expect(problems.map((p) => `${p.rule} ${p.element}`)).toEqual([
      'no-inline-style #main > pre > code > span:nth-child(1) <span style="--shiki-light:#24292e">',
    ]);
  });

  it('reports a form without a submit button and misnested markup', async () => {
    const { problems } = await checkHtml(
      writeSite({
        'index.html': page('<form action="/search/"><label>Q <input type="search" name="q"></label></form><p><div>block in a paragraph</div></p>'),
      }),
    );
    // The browser would close the <p> before the <div>, leaving a stray </p>.
    expect(problems.map((p) => p.rule).sort()).toEqual(['close-order', 'no-implicit-close', 'wcag/h32']);
  });
});
