// Quick shapes: the predicates almost every tag definition has — `@a = "v"`, `name = "v"`
// (and `!=`), `contains(x, "v")`, `starts-with(x, "v")`, and/or/not of those — run as
// tight loops over the element tables instead of the general closures. Each falls back to
// the general form for the nodes it does not cover (the lshw root, `list`, the document).
import type { Expr } from './parse';
import { booleanOf, type Context, type Compiled } from './compiled';
import { CompositeTree, NeedsExact, PLAIN, elementOf, slotOf, treeOf } from './tree';

type Test = (ctx: Context) => boolean;
type General = (e: Expr) => Compiled;

/** The single child or attribute step `name`/`@name` of a simple relative path, if it is one. */
function simpleStep(view: CompositeTree, e: Expr): { axis: 'child' | 'attribute'; name: number } | null {
  if (e.type !== 'path' || e.absolute || e.filter !== null || e.steps.length !== 1) return null;
  const [step] = e.steps;
  if (step.predicates.length > 0 || step.test.kind !== 'name' || step.test.local === '*' || step.test.prefix !== null) {
    return null;
  }
  if (step.axis !== 'child' && step.axis !== 'attribute') return null;
  return { axis: step.axis, name: view.t.strings.lookup(step.test.local) };
}

/**
 * The string id of the first node of `name`/`@name` under an element of tree 0 or a copy;
 * null when there is none; undefined for the lshw root, LIST and DOC (general path).
 */
function firstString(view: CompositeTree, step: { axis: 'child' | 'attribute'; name: number }): (ref: number) => number | null | undefined {
  const t = view.t;
  if (step.axis === 'attribute') {
    return (ref) => {
      if (ref < 0 || slotOf(ref) !== 0) return null;
      const e = elementOf(ref);
      for (let a = t.attrStart(e), end = t.attrEnd(e); a < end; a++) {
        if (t.attrName(a) === step.name) return t.attrValue(a);
      }
      return null;
    };
  }
  return (ref) => {
    if (ref < 0 || slotOf(ref) !== 0 || treeOf(ref) !== PLAIN || view.isLshwRoot(ref)) return undefined;
    const e = elementOf(ref);
    for (let c = e + 1, stop = t.end(e); c < stop; c = t.end(c)) {
      if (t.name(c) !== step.name) continue;
      const text = t.text(c);
      if (text < 0) throw NeedsExact.instance;
      return text;
    }
    return null;
  };
}

/** `x = "v"` / `x != "v"` with x a simple child or attribute step: is there such a node? */
function quickComparison(view: CompositeTree, p: Expr, general: General): Test | null {
  if (p.type !== 'binary' || (p.op !== '=' && p.op !== '!=')) return null;
  const [side, literal] = p.left.type === 'string' ? [p.right, p.left] : [p.left, p.right];
  if (literal.type !== 'string') return null;
  const step = simpleStep(view, side);
  if (step === null) return null;
  const t = view.t;
  const value = t.strings.lookup(literal.value);
  const want = p.op === '=';
  if (step.axis === 'attribute') {
    return (ctx) => {
      const ref = ctx.node;
      if (ref < 0 || slotOf(ref) !== 0) return false;
      const e = elementOf(ref);
      for (let a = t.attrStart(e), end = t.attrEnd(e); a < end; a++) {
        if (t.attrName(a) === step.name && (t.attrValue(a) === value) === want) return true;
      }
      return false;
    };
  }
  const fallback = general(p).fn as Test;
  return (ctx) => {
    const ref = ctx.node;
    // Plain-named children live in tree 0 only; LIST, DOC and the lshw root (whose
    // children include the copies) take the general path.
    if (ref < 0 || slotOf(ref) !== 0 || treeOf(ref) !== PLAIN || view.isLshwRoot(ref)) return fallback(ctx);
    const e = elementOf(ref);
    for (let c = e + 1, stop = t.end(e); c < stop; c = t.end(c)) {
      if (t.name(c) !== step.name) continue;
      const text = t.text(c);
      if (text < 0) throw NeedsExact.instance;
      if ((text === value) === want) return true;
    }
    return false;
  };
}

/** contains(x, "v") and starts-with(x, "v") with x a simple child or attribute step. */
function quickStringTest(view: CompositeTree, p: Expr, general: General): Test | null {
  if (p.type !== 'call' || (p.name !== 'contains' && p.name !== 'starts-with') || p.args.length !== 2) return null;
  const [subject, literal] = p.args;
  const step = simpleStep(view, subject);
  if (step === null || literal.type !== 'string') return null;
  const first = firstString(view, step);
  const needle = literal.value;
  const values = view.t.strings.values;
  const fallback = booleanOf(general(p));
  const test = p.name === 'contains' ? (s: string) => s.includes(needle) : (s: string) => s.startsWith(needle);
  return (ctx) => {
    const id = first(ctx.node);
    if (id === undefined) return fallback(ctx);
    return test(id === null ? '' : values[id]);
  };
}

/** A boolean-valued expression as a test, with and/or/not and the quick shapes unrolled; null otherwise. */
export function condition(view: CompositeTree, p: Expr, general: General): Test | null {
  if (p.type === 'binary' && (p.op === 'and' || p.op === 'or')) {
    const a = condition(view, p.left, general) ?? booleanOf(general(p.left));
    const b = condition(view, p.right, general) ?? booleanOf(general(p.right));
    return p.op === 'and' ? (ctx) => a(ctx) && b(ctx) : (ctx) => a(ctx) || b(ctx);
  }
  if (p.type === 'call' && p.name === 'not' && p.args.length === 1) {
    const a = condition(view, p.args[0], general) ?? booleanOf(general(p.args[0]));
    return (ctx) => !a(ctx);
  }
  return quickComparison(view, p, general) ?? quickStringTest(view, p, general);
}
