// Comparisons (§3.4) and arithmetic between compiled operands. A node-set compared with a
// single value is a search for one node that compares true, so most comparisons stop at
// the first match without building the node-set.
import type { Compiled, Context } from './compiled';
import { booleanOf } from './compiled';
import type { CompositeTree } from './tree';
import { compare, compareNumbers, stringIdToNumber, toNumber } from './values';

export const FLIP: Record<string, string> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

export const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  div: (a, b) => a / b,
  mod: (a, b) => a % b, // C fmod: truncated, sign of the dividend, as JS %
};

export function comparison(view: CompositeTree, op: string, left: Compiled, right: Compiled): (ctx: Context) => boolean {
  const searchable =
    left.some !== undefined && right.type !== 'nodeset'
      ? { set: left, value: right, op }
      : right.some !== undefined && left.type !== 'nodeset'
        ? { set: right, value: left, op: FLIP[op] }
        : null;
  if (searchable === null) {
    return (ctx) => compare(view, op, left.type, left.fn(ctx), right.type, right.fn(ctx));
  }
  const some = searchable.set.some as NonNullable<Compiled['some']>;
  const { value, op: setOp } = searchable;
  const equality = setOp === '=' || setOp === '!=';
  if (value.type === 'boolean') {
    const exists = booleanOf(searchable.set);
    return (ctx) => compare(view, setOp, 'boolean', exists(ctx), 'boolean', value.fn(ctx));
  }
  if (value.type === 'string' && equality) {
    const want = setOp === '=';
    if (value.constant !== undefined) {
      const id = view.t.strings.lookup(value.constant as string);
      return (ctx) => some(ctx, (n) => (view.stringId(n) === id) === want);
    }
    return (ctx) => {
      const id = view.t.strings.lookup(value.fn(ctx) as string);
      return some(ctx, (n) => (view.stringId(n) === id) === want);
    };
  }
  return (ctx) => {
    const b = toNumber(view, value.type, value.fn(ctx));
    return some(ctx, (n) => compareNumbers(setOp, stringIdToNumber(view, view.stringId(n)), b));
  };
}

export function arithmetic(view: CompositeTree, op: string, left: Compiled, right: Compiled): (ctx: Context) => number {
  const arith = ARITHMETIC[op];
  return (ctx) => arith(toNumber(view, left.type, left.fn(ctx)), toNumber(view, right.type, right.fn(ctx)));
}
