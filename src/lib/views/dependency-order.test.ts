import { describe, expect, it } from 'vitest';
import { DependencyCycleError, dependencyOrder } from './dependency-order.ts';

interface Item {
  id: string;
  after: string[];
  rank: number;
}
const item = (id: string, after: string[] = [], rank = 0): Item => ({ id, after, rank });
const order = (items: Item[]) =>
  dependencyOrder(items, { id: (i) => i.id, dependencies: (i) => i.after, priority: (a, b) => a.rank - b.rank || a.id.localeCompare(b.id) }).map(
    (i) => i.id,
  );

describe('dependencyOrder', () => {
  it('puts every item after its dependencies', () => {
    expect(order([item('c', ['b']), item('b', ['a']), item('a')])).toEqual(['a', 'b', 'c']);
  });

  it('takes items in priority order, each right after the dependencies it still needs', () => {
    // "first" has the best rank, so "base" (rank 9) is pulled forward to just before it.
    const items = [item('calm', [], 5), item('first', ['base'], 0), item('base', [], 9), item('urgent', [], 1)];
    expect(order(items)).toEqual(['base', 'first', 'urgent', 'calm']);
  });

  it('places dependencies in the order they are declared', () => {
    expect(order([item('goal', ['zeta', 'alpha']), item('alpha', [], 5), item('zeta', [], 5)])).toEqual(['zeta', 'alpha', 'goal']);
  });

  it('is stable: the input order does not change the result', () => {
    const items = [item('x'), item('y', ['x']), item('z'), item('w', ['z', 'x'])];
    expect(order([...items].reverse())).toEqual(order(items));
  });

  it('ignores dependencies on items that are not in the list, and self-references', () => {
    expect(order([item('b', ['elsewhere', 'b']), item('a')])).toEqual(['a', 'b']);
  });

  it('names the loop when dependencies are circular, leaving out items that merely lead into it', () => {
    const items = [item('start'), item('victim', ['a'], -1), item('a', ['c', 'start']), item('b', ['a']), item('c', ['b'])];
    let error: unknown;
    try {
      order(items);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DependencyCycleError);
    const cycle = (error as DependencyCycleError).cycle;
    expect(cycle[0]).toBe(cycle.at(-1));
    expect(cycle).toEqual(['a', 'c', 'b', 'a']);
    expect((error as Error).message).toBe('Circular dependency: a → c → b → a');
  });
});
