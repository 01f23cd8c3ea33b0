import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-files.ts';
import { cachedDiagram, DiagramError, diagramKey, diagramOptions, drawDiagram } from './diagram.ts';

const FLOW = `flowchart LR
  C[Browser] -->|HTTPS| L[Load balancer]
  subgraph Data
    P[(PostgreSQL)]
  end
  L --> A[App server]
  A -.->|query| P
  X[Audit log]`;

const SEQUENCE = `sequenceDiagram
  participant B as Browser
  participant A as App
  B->>A: GET /orders
  Note over A: checks the session
  A-->>B: 200 with the orders`;

describe('mermaid diagrams', () => {
  it('reads the caption after ```mermaid and refuses a fence without one or with an unknown option', () => {
    expect(diagramOptions('caption="A request, end to end"')).toEqual({ caption: 'A request, end to end' });
    expect(() => diagramOptions('')).toThrow('a diagram needs a caption that says what it shows');
    expect(() => diagramOptions('title="x"')).toThrow('```mermaid has no option "title"; the options are: caption');
    expect(() => diagramOptions('caption=unquoted')).toThrow('write options as name="value"');
  });

  it('draws a flowchart as an SVG the site CSP allows: no <style>, no style attribute, no web font, ids of its own', async () => {
    const { svg } = await drawDiagram(FLOW, 'A request, end to end', 'diagram-test');
    expect(svg).toMatch(/^<svg class="diagram-svg" role="img" aria-label="A request, end to end"/);
    expect(svg).not.toContain('<style');
    expect(svg).not.toMatch(/ style="/);
    expect(svg).not.toContain('fonts.googleapis.com');
    expect(svg).not.toMatch(/ data-/);
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id!.startsWith('diagram-test-'))).toBe(true);
    for (const [, target] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(target);
    // Every colour comes from a variable that article-components.css sets.
    expect(svg).not.toMatch(/(fill|stroke)="#/);
    // Whole pixels, and no attribute the stylesheet already sets.
    expect(svg).not.toMatch(/\d\.\d\d/);
    expect(svg).not.toMatch(/ stroke-width="1"| font-weight="400"| text-anchor="middle"/);
    // Every tag is still well formed: attributes only, each name="value".
    for (const [tag] of svg.matchAll(/<[a-z][^>]*>/g)) expect(tag).toMatch(/^<[a-z]+(\s+[a-zA-Z0-9:-]+="[^"]*")*\s*\/?>$/);
    expect(svg).toContain('Load balancer');
  });

  it('describes a flowchart in text with every connection, its label, its group and the parts with no connection', async () => {
    const { text, summary, kind } = await drawDiagram(FLOW, 'A request', 'd');
    expect(kind).toBe('flowchart');
    expect(summary).toBe('3 connections between 5 parts');
    expect(text).toBe(
      '<ul><li><strong>Browser</strong> → <strong>Load balancer</strong>: HTTPS</li>' +
        '<li><strong>Load balancer</strong> → <strong>App server</strong></li>' +
        '<li><strong>App server</strong> → <strong>PostgreSQL</strong> (in Data): query<span class="visually-hidden">, dotted line</span></li>' +
        '<li>Also shown: <strong>Audit log</strong></li></ul>',
    );
  });

  it('describes a sequence diagram as its messages and notes, in order', async () => {
    const { text, summary } = await drawDiagram(SEQUENCE, 'Loading orders', 'd');
    expect(summary).toBe('2 messages between 2 participants');
    expect(text).toBe(
      '<ol><li><strong>Browser</strong> → <strong>App</strong>: GET /orders</li>' +
        '<li>Note (over <strong>App</strong>): checks the session</li>' +
        '<li><strong>App</strong> → <strong>Browser</strong>: 200 with the orders<span class="visually-hidden"> (reply)</span></li></ol>',
    );
  });

  it('describes the branches of an alt block and where each block ends', async () => {
    const { text } = await drawDiagram(
      'sequenceDiagram\n  participant A as App\n  participant D as Database\n  A->>D: read\n  alt found\n    D-->>A: the row\n  else missing\n    D-->>A: nothing\n  end\n  loop every minute\n    A->>D: ping\n  end',
      'Reading a row',
      'd',
    );
    const items = [...text.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    expect(items).toEqual([
      'App → Database: read',
      'alt [found]:',
      'Database → App: the row (reply)',
      'else [missing]:',
      'Database → App: nothing (reply)',
      'end of alt',
      'loop [every minute]:',
      'App → Database: ping',
      'end of loop',
    ]);
  });

  it('describes a state diagram with its start and end', async () => {
    const { text, summary } = await drawDiagram(
      'stateDiagram-v2\n  [*] --> Pending\n  Pending --> Paid: payment captured\n  Paid --> [*]',
      'An order',
      'd',
    );
    expect(summary).toBe('3 transitions between 2 states');
    expect(text).toContain('<strong>Pending</strong> → <strong>Paid</strong>: payment captured');
    expect(text).toContain('<strong>Start</strong> → <strong>Pending</strong>');
    expect(text).toContain('<strong>Paid</strong> → <strong>End</strong>');
  });

  it('escapes labels in the text alternative', async () => {
    const { text } = await drawDiagram('flowchart TD\n  A["a &lt;script&gt;"] --> B', 'x', 'd');
    expect(text).not.toContain('<script>');
  });

  it('fails with Mermaid’s own parse error and the line in the diagram, quoting that line', async () => {
    const error = (await drawDiagram('flowchart LR\n  A --> B\n  C[never closed --> D', 'x', 'd').catch((e: unknown) => e)) as DiagramError;
    expect(error).toBeInstanceOf(DiagramError);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^the diagram does not parse at "C\[never closed --> D": Expecting .*, got /);
  });

  it('names the diagram types it draws when given another one', async () => {
    await expect(drawDiagram('pie title Pets\n  "Dogs": 3', 'x', 'd')).rejects.toThrow(
      '"pie title Pets" is not a diagram type the site draws; start the diagram with one of: flowchart (graph TD / flowchart LR), sequenceDiagram, stateDiagram-v2',
    );
  });

  it('keeps drawings in a cache folder by content hash and draws only sources it has not seen', async () => {
    const dir = tempDir('diagrams');
    const first = await cachedDiagram(FLOW, 'A request', dir);
    expect(readdirSync(dir)).toEqual([`${diagramKey(FLOW, 'A request')}.json`]);
    // A cached drawing is used as it is: prove it by changing the file.
    writeFileSync(join(dir, `${diagramKey(FLOW, 'A request')}.json`), JSON.stringify({ ...first, summary: 'from the cache' }));
    expect((await cachedDiagram(FLOW, 'A request', dir)).summary).toBe('from the cache');
    await cachedDiagram(FLOW, 'Another caption', dir);
    await cachedDiagram(SEQUENCE, 'A request', dir);
    expect(readdirSync(dir)).toHaveLength(3);
    expect(diagramKey(FLOW, 'A request')).not.toBe(diagramKey(`${FLOW}\n  Y[Another]`, 'A request'));
  });
});
