// What the fast compiler produces: closures over one document of the composite view.
//
// Node-set expressions have two forms: `fn`, the node-set in document order (for count(),
// sum(), string(), positions), and `some`, a depth-first search that stops at the first
// node passing a test — how a definition's truth, `not(…)`, a predicate or a comparison
// with a value is decided without building node-sets.
import { toBoolean, type Value, type ValueType } from './values';

export interface Context {
  node: number;
  pos: number;
  size: number;
}

export interface Compiled {
  type: ValueType;
  fn: (ctx: Context) => Value;
  /** The value of a literal. */
  constant?: Value;
  /** Node-sets only: does some node of the set pass `test`? */
  some?: (ctx: Context, test: (ref: number) => boolean) => boolean;
}

/** Visits nodes; returning true stops the walk (and the walk then returns true). */
export type Visit = (ref: number) => boolean;
export type Each = (ref: number, visit: Visit) => boolean;

export interface Predicate {
  test: (ctx: Context) => boolean;
  positional: boolean;
}

/** The truth of a value, searching node-sets only as far as the first node. */
export function booleanOf(c: Compiled): (ctx: Context) => boolean {
  const some = c.some;
  if (some !== undefined) return (ctx) => some(ctx, () => true);
  return (ctx) => toBoolean(c.type, c.fn(ctx));
}

/** Sorts into document order and drops duplicates. */
export function documentOrder(nodes: number[]): number[] {
  let sorted = true;
  for (let i = 1; i < nodes.length; i++) {
    if (nodes[i] <= nodes[i - 1]) {
      sorted = false;
      break;
    }
  }
  if (sorted) return nodes;
  const array = Float64Array.from(nodes).sort();
  const out: number[] = [];
  for (let i = 0; i < array.length; i++) if (i === 0 || array[i] !== array[i - 1]) out.push(array[i]);
  return out;
}

export function applyPredicates(nodes: number[], predicates: Predicate[]): number[] {
  let current = nodes;
  for (const predicate of predicates) {
    const kept: number[] = [];
    const size = current.length;
    for (let i = 0; i < size; i++) {
      if (predicate.test({ node: current[i], pos: i + 1, size })) kept.push(current[i]);
    }
    current = kept;
  }
  return current;
}
