import { describe, expect, it } from 'vitest';
import { codeBlocks, findRepetitions, owner, type Passage } from './repetition.ts';

const prose = (page: string, text: string, line = 1): Passage => ({ page, line, kind: 'prose', text });
const code = (page: string, text: string, line = 1): Passage => ({ page, line, kind: 'code', text });

const OPENAPI = `/orders/{orderId}:
  get:
    operationId: getOrder
    parameters:
      - name: orderId
        in: path
        required: true
    responses:
      "200":
        description: The order`;

describe('passages written twice', () => {
  it('reads fenced code blocks with their line, leaving diagrams out', () => {
    const source = '---\ntitle: x\n---\n\nText.\n\n```yaml\na: 1\n```\n\n```mermaid caption="x"\nflowchart TD\n  A --> B\n```\n';
    expect(codeBlocks('skills/x', source)).toEqual([{ page: 'skills/x', line: 7, kind: 'code', text: 'a: 1' }]);
  });

  it('finds a code block that repeats another with small changes, and not one that only shares a few lines', () => {
    const edited = OPENAPI.replace('getOrder', 'fetchOrder').replace('The order', 'One order');
    const found = findRepetitions([code('skills/api-design', OPENAPI, 10), code('roles/api-engineer', edited, 40)]);
    expect(found).toEqual([
      {
        original: expect.objectContaining({ page: 'skills/api-design' }),
        copy: expect.objectContaining({ page: 'roles/api-engineer', line: 40 }),
        shared: 8,
      },
    ]);
    const other = 'get:\n  summary: Health\nresponses:\n  "200":\n    description: Up\nx-internal: true\nx-owner: platform';
    expect(findRepetitions([code('skills/api-design', OPENAPI), code('skills/http', other)])).toEqual([]);
  });

  it('ignores blocks under five lines, and repetition inside one page', () => {
    const short = 'SELECT 1;\nSELECT 2;\nSELECT 3;\nSELECT 4;';
    expect(findRepetitions([code('skills/sql', short), code('guides/a', short)])).toEqual([]);
    expect(findRepetitions([code('skills/sql', OPENAPI, 1), code('skills/sql', OPENAPI, 50)])).toEqual([]);
  });

  it('finds a paragraph reworded only slightly, and leaves paragraphs on one subject in different words alone', () => {
    const original =
      'James Lewis and Martin Fowler described microservices in 2014 as one application built as a suite of small services, each running in its own process and talking over lightweight mechanisms.';
    const reworded =
      'In 2014 James Lewis and Martin Fowler described microservices as one application built as a suite of small services, each running in its own process and talking over HTTP.';
    const different =
      'Splitting a system into services pays off when teams need to deploy independently; until then a well-structured monolith is cheaper to run, test and change, and easier to reason about.';
    expect(findRepetitions([prose('paths/microservices-architecture', original), prose('guides/impact-on-innovation', reworded)])).toHaveLength(1);
    expect(findRepetitions([prose('paths/microservices-architecture', original), prose('guides/impact-on-innovation', different)])).toEqual([]);
  });

  it('gives a group of copies one owner: the page the passage is most about, then skills before other collections', () => {
    const text = 'Cache keys expire after a time to live; caching with Redis keeps hot reads off the database.';
    expect(
      owner([
        prose('guides/how-a-backend-fits-together', text),
        prose('skills/redis', text),
        prose('responsibilities/performance-optimisation', text),
      ]).page,
    ).toBe('skills/redis');
    expect(owner([prose('guides/a', 'Nothing here names either page.'), prose('skills/b', 'Nothing here names either page.')]).page).toBe('skills/b');
    const three = ['paths/microservices-architecture', 'guides/impact-on-innovation', 'roles/distributed-systems-engineer'].map((page, index) =>
      prose(
        page,
        `Lewis and Fowler defined microservices in 2014 as small services, each in its own process, talking over lightweight protocols${'!'.repeat(index)}`,
      ),
    );
    const found = findRepetitions(three);
    expect(found.map((repetition) => [repetition.copy.page, repetition.original.page])).toEqual([
      ['guides/impact-on-innovation', 'paths/microservices-architecture'],
      ['roles/distributed-systems-engineer', 'paths/microservices-architecture'],
    ]);
  });
});
