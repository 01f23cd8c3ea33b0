/** A set of items whose dependencies loop back on themselves, so no order exists. */
export class DependencyCycleError extends Error {
  /** The ids in the loop, first id repeated at the end: ["a", "b", "a"]. */
  readonly cycle: string[];
  constructor(cycle: string[], describe: (cycle: string[]) => string) {
    super(describe(cycle));
    this.name = 'DependencyCycleError';
    this.cycle = cycle;
  }
}

export interface DependencyOrderOptions<T> {
  id: (item: T) => string;
  /** Ids this item must come after, most important first. Ids of items not in the list are ignored. */
  dependencies: (item: T) => readonly string[];
  /** Which item is placed first (negative: `a`); its dependencies are placed just before it. */
  priority: (a: T, b: T) => number;
  /** The error message for a cycle; defaults to "a → b → a". */
  describeCycle?: (cycle: string[]) => string;
}

/**
 * Orders items so that each comes after its dependencies (a topological order).
 * Items are taken in `priority` order, and each is preceded by those of its
 * dependencies not yet placed (depth first, in the order they are declared), so
 * what an item needs sits right before it. The same input always gives the same
 * order. Throws DependencyCycleError naming the loop when dependencies are circular.
 */
export function dependencyOrder<T>(items: readonly T[], options: DependencyOrderOptions<T>): T[] {
  const { id } = options;
  const byId = new Map(items.map((item) => [id(item), item]));
  const state = new Map<string, 'visiting' | 'placed'>();
  const ordered: T[] = [];
  const trail: string[] = [];
  const visit = (key: string) => {
    const status = state.get(key);
    if (status === 'placed') return;
    if (status === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(key)), key];
      throw new DependencyCycleError(cycle, options.describeCycle ?? ((c) => `Circular dependency: ${c.join(' → ')}`));
    }
    state.set(key, 'visiting');
    trail.push(key);
    const item = byId.get(key)!;
    for (const dependency of options.dependencies(item)) {
      if (byId.has(dependency) && dependency !== key) visit(dependency);
    }
    trail.pop();
    state.set(key, 'placed');
    ordered.push(item);
  };
  for (const item of [...items].sort(options.priority)) visit(id(item));
  return ordered;
}
