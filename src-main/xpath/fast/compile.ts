// Compiles a parsed XPath 1.0 expression into closures over the composite view. Every
// construct is either evaluated with XPath 1.0's exact semantics (as libxml2 does) or
// refused with Unsupported at compile time (then libxml2 evaluates the definition), and
// a node whose answer depends on something the tables do not hold throws NeedsExact at
// run time (then libxml2 evaluates that node).
//
// Node-set expressions compile to two forms: `fn`, the node-set in document order (for
// count(), sum(), string(), positions), and `some`, a depth-first search that stops at
// the first node passing a test — how a definition's truth, `not(…)`, a predicate or a
// comparison with a value is decided without building node-sets.
import { Unsupported, type Axis, type Expr, type NodeTest, type Step } from './parse';
import type { NameIndex } from './store';
import { CompositeTree, DOC, LIST, LLDP_COPY, LSHW_COPY, NeedsExact, PLAIN, elementOf, elementRef, slotOf, treeOf } from './tree';
import { compileFunction } from './functions';
import { compare, compareNumbers, stringIdToNumber, toBoolean, toNumber, type Value, type ValueType } from './values';

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
type Visit = (ref: number) => boolean;
type Each = (ref: number, visit: Visit) => boolean;

const REVERSE_AXES = new Set<Axis>(['parent', 'ancestor', 'ancestor-or-self', 'preceding-sibling']);
const ANY = -2;

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

/** Does the expression read the context position or size at its own level? */
function usesPosition(expr: Expr): boolean {
  switch (expr.type) {
    case 'call':
      return expr.name === 'position' || expr.name === 'last' || expr.args.some(usesPosition);
    case 'binary':
    case 'union':
      return usesPosition(expr.left) || usesPosition(expr.right);
    case 'negate':
      return usesPosition(expr.arg);
    case 'filter':
      return usesPosition(expr.primary);
    case 'path':
      return expr.filter !== null && usesPosition(expr.filter);
    default:
      return false;
  }
}

/** The truth of a value, searching node-sets only as far as the first node. */
export function booleanOf(c: Compiled): (ctx: Context) => boolean {
  const some = c.some;
  if (some !== undefined) return (ctx) => some(ctx, () => true);
  return (ctx) => toBoolean(c.type, c.fn(ctx));
}

interface ElementTest {
  /** Which trees' elements may pass (by tree number). */
  trees: boolean[];
  list: boolean;
  doc: boolean;
  /** Name id, ANY for `*`/node(), -1 for a name no document of the shard has. */
  name: number;
}

interface Predicate {
  test: (ctx: Context) => boolean;
  positional: boolean;
}

export class Compiler {
  constructor(
    private readonly view: CompositeTree,
    private readonly index: NameIndex,
  ) {}

  expr(e: Expr): Compiled {
    switch (e.type) {
      case 'number': {
        const v = e.value;
        return { type: 'number', fn: () => v, constant: v };
      }
      case 'string': {
        const v = e.value;
        return { type: 'string', fn: () => v, constant: v };
      }
      case 'variable':
        throw new Unsupported('variables');
      case 'negate': {
        const arg = this.expr(e.arg);
        const view = this.view;
        return { type: 'number', fn: (ctx) => -toNumber(view, arg.type, arg.fn(ctx)) };
      }
      case 'binary':
        return this.binary(e.op, this.expr(e.left), this.expr(e.right));
      case 'union': {
        const left = this.expr(e.left);
        const right = this.expr(e.right);
        if (left.type !== 'nodeset' || right.type !== 'nodeset') throw new Unsupported('union of non-node-sets');
        return {
          type: 'nodeset',
          fn: (ctx) => documentOrder([...(left.fn(ctx) as number[]), ...(right.fn(ctx) as number[])]),
        };
      }
      case 'call':
        return compileFunction(this.view, e.name, e.args.map((a) => this.expr(a)));
      case 'filter': {
        const primary = this.expr(e.primary);
        if (primary.type !== 'nodeset') throw new Unsupported('predicate on a non-node-set');
        const predicates = e.predicates.map((p) => this.predicate(p));
        return {
          type: 'nodeset',
          fn: (ctx) => applyPredicates(primary.fn(ctx) as number[], predicates),
        };
      }
      case 'path':
        return this.path(e);
    }
  }

  private binary(op: string, left: Compiled, right: Compiled): Compiled {
    const view = this.view;
    switch (op) {
      case 'or': {
        const a = booleanOf(left);
        const b = booleanOf(right);
        return { type: 'boolean', fn: (ctx) => a(ctx) || b(ctx) };
      }
      case 'and': {
        const a = booleanOf(left);
        const b = booleanOf(right);
        return { type: 'boolean', fn: (ctx) => a(ctx) && b(ctx) };
      }
      case '=':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return { type: 'boolean', fn: this.comparison(op, left, right) };
      default: {
        const arith = ARITHMETIC[op];
        return {
          type: 'number',
          fn: (ctx) => arith(toNumber(view, left.type, left.fn(ctx)), toNumber(view, right.type, right.fn(ctx))),
        };
      }
    }
  }

  /** §3.4; a node-set against a single value is a search for one node that compares true. */
  private comparison(op: string, left: Compiled, right: Compiled): (ctx: Context) => boolean {
    const view = this.view;
    const flipped = FLIP[op];
    const searchable =
      left.some !== undefined && right.type !== 'nodeset'
        ? { set: left, value: right, op }
        : right.some !== undefined && left.type !== 'nodeset'
          ? { set: right, value: left, op: flipped }
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

  /** A boolean-valued expression as a test, with and/or/not and the quick shapes unrolled. */
  private condition(p: Expr): ((ctx: Context) => boolean) | null {
    if (p.type === 'binary' && (p.op === 'and' || p.op === 'or')) {
      const a = this.condition(p.left) ?? booleanOf(this.expr(p.left));
      const b = this.condition(p.right) ?? booleanOf(this.expr(p.right));
      return p.op === 'and' ? (ctx) => a(ctx) && b(ctx) : (ctx) => a(ctx) || b(ctx);
    }
    if (p.type === 'call' && p.name === 'not' && p.args.length === 1) {
      const a = this.condition(p.args[0]) ?? booleanOf(this.expr(p.args[0]));
      return (ctx) => !a(ctx);
    }
    return this.quickComparison(p) ?? this.quickStringTest(p);
  }

  private predicate(p: Expr): Predicate {
    if (!usesPosition(p)) {
      const quick = this.condition(p);
      if (quick !== null) return { test: quick, positional: false };
    }
    const compiled = this.expr(p);
    if (compiled.type === 'number') {
      return { test: (ctx) => compiled.fn(ctx) === ctx.pos, positional: true };
    }
    return { test: booleanOf(compiled), positional: usesPosition(p) };
  }

  /**
   * `@a = "v"`, `name = "v"` (and `!=`) as tight loops over the tables: the shapes almost
   * every tag definition's predicates have. Anything else: null (the general form).
   */
  private quickComparison(p: Expr): ((ctx: Context) => boolean) | null {
    if (p.type !== 'binary' || (p.op !== '=' && p.op !== '!=')) return null;
    const [side, literal] = p.left.type === 'string' ? [p.right, p.left] : [p.left, p.right];
    if (literal.type !== 'string' || side.type !== 'path' || side.absolute || side.filter !== null) return null;
    if (side.steps.length !== 1) return null;
    const [step] = side.steps;
    if (step.predicates.length > 0 || step.test.kind !== 'name' || step.test.local === '*' || step.test.prefix !== null) {
      return null;
    }
    const t = this.view.t;
    const name = t.strings.lookup(step.test.local);
    const value = t.strings.lookup(literal.value);
    const want = p.op === '=';
    if (step.axis === 'attribute') {
      return (ctx) => {
        const ref = ctx.node;
        if (ref < 0 || slotOf(ref) !== 0) return false;
        const e = elementOf(ref);
        for (let a = t.attrStart.data[e], end = t.attrEnd(e); a < end; a++) {
          if (t.attrName.data[a] === name && (t.attrValue.data[a] === value) === want) return true;
        }
        return false;
      };
    }
    if (step.axis !== 'child') return null;
    const general = this.expr(p).fn as (ctx: Context) => boolean;
    const view = this.view;
    return (ctx) => {
      const ref = ctx.node;
      // Plain-named children live in tree 0 only; LIST, DOC and the lshw root (whose
      // children include the copies) take the general path.
      if (ref < 0 || slotOf(ref) !== 0 || treeOf(ref) !== PLAIN || view.isLshwRoot(ref)) return general(ctx);
      const e = elementOf(ref);
      const end = t.end.data;
      for (let c = e + 1, stop = end[e]; c < stop; c = end[c]) {
        if (t.name.data[c] !== name) continue;
        const text = t.text.data[c];
        if (text < 0) throw NeedsExact.instance;
        if ((text === value) === want) return true;
      }
      return false;
    };
  }

  /** The single child or attribute step `name`/`@name` of a simple relative path, if it is one. */
  private simpleStep(e: Expr): { axis: 'child' | 'attribute'; name: number } | null {
    if (e.type !== 'path' || e.absolute || e.filter !== null || e.steps.length !== 1) return null;
    const [step] = e.steps;
    if (step.predicates.length > 0 || step.test.kind !== 'name' || step.test.local === '*' || step.test.prefix !== null) {
      return null;
    }
    if (step.axis !== 'child' && step.axis !== 'attribute') return null;
    return { axis: step.axis, name: this.view.t.strings.lookup(step.test.local) };
  }

  /**
   * The string-value of the first node of `name`/`@name` under an element of tree 0 or a
   * copy (not the lshw root, LIST or DOC: those return undefined for the general path).
   */
  private firstString(step: { axis: 'child' | 'attribute'; name: number }): (ref: number) => number | null | undefined {
    const t = this.view.t;
    const view = this.view;
    if (step.axis === 'attribute') {
      return (ref) => {
        if (ref < 0 || slotOf(ref) !== 0) return null;
        const e = elementOf(ref);
        for (let a = t.attrStart.data[e], end = t.attrEnd(e); a < end; a++) {
          if (t.attrName.data[a] === step.name) return t.attrValue.data[a];
        }
        return null;
      };
    }
    return (ref) => {
      if (ref < 0 || slotOf(ref) !== 0 || treeOf(ref) !== PLAIN || view.isLshwRoot(ref)) return undefined;
      const e = elementOf(ref);
      const end = t.end.data;
      for (let c = e + 1, stop = end[e]; c < stop; c = end[c]) {
        if (t.name.data[c] !== step.name) continue;
        const text = t.text.data[c];
        if (text < 0) throw NeedsExact.instance;
        return text;
      }
      return null;
    };
  }

  /** contains(x, "v") and starts-with(x, "v") with x a simple child or attribute step. */
  private quickStringTest(p: Expr): ((ctx: Context) => boolean) | null {
    if (p.type !== 'call' || (p.name !== 'contains' && p.name !== 'starts-with') || p.args.length !== 2) return null;
    const [subject, literal] = p.args;
    const step = this.simpleStep(subject);
    if (step === null || literal.type !== 'string') return null;
    const first = this.firstString(step);
    const needle = literal.value;
    const values = this.view.t.strings.values;
    const general = booleanOf(this.expr(p));
    const test = p.name === 'contains' ? (s: string) => s.includes(needle) : (s: string) => s.startsWith(needle);
    return (ctx) => {
      const id = first(ctx.node);
      if (id === undefined) return general(ctx);
      return test(id === null ? '' : values[id]);
    };
  }

  private path(e: Extract<Expr, { type: 'path' }>): Compiled {
    let start: (ctx: Context) => number[];
    if (e.filter !== null) {
      const filter = this.expr(e.filter);
      if (filter.type !== 'nodeset') throw new Unsupported('path from a non-node-set');
      start = filter.fn as (ctx: Context) => number[];
    } else if (e.absolute) start = () => [DOC];
    else start = (ctx) => [ctx.node];
    const steps = this.steps(e.steps);
    const fn = (ctx: Context): number[] => {
      let nodes = start(ctx);
      for (const step of steps) {
        if (nodes.length === 0) return nodes;
        const out: number[] = [];
        const collect: Visit = (r) => {
          out.push(r);
          return false;
        };
        for (const n of nodes) step.each(n, collect);
        nodes = nodes.length > 1 || step.sort ? documentOrder(out) : out;
      }
      return nodes;
    };
    const some = (ctx: Context, test: (ref: number) => boolean): boolean => {
      const from = (i: number, ref: number): boolean =>
        i === steps.length ? test(ref) : steps[i].each(ref, (r) => from(i + 1, r));
      for (const n of start(ctx)) if (from(0, n)) return true;
      return false;
    };
    return { type: 'nodeset', fn, some };
  }

  /** `sort`: the step's nodes for one context node do not come in document order. */
  private steps(steps: Step[]): { each: Each; sort: boolean }[] {
    const out: { each: Each; sort: boolean }[] = [];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      const next = steps[i + 1];
      if (step.axis === 'descendant-or-self' && step.test.kind === 'type' && step.test.type === 'node' && step.predicates.length === 0) {
        // `//`: text and comment nodes have no children or attributes, so when the next
        // step looks below or at the node, elements alone give the same result.
        if (next === undefined || !['child', 'attribute', 'descendant', 'descendant-or-self', 'parent', 'self'].includes(next.axis)) {
          throw new Unsupported('descendant-or-self::node() here');
        }
        if (next.axis === 'self' && next.test.kind === 'type') throw new Unsupported('//self::node()');
        const predicates = next.predicates.map((p) => this.predicate(p));
        if (next.axis === 'child' && !predicates.some((p) => p.positional)) {
          // descendant-or-self::node()/child::T[p] ≡ descendant::T[p] when p ignores positions
          out.push(this.step('descendant', next.test, predicates));
          i++;
          continue;
        }
        if (next.axis === 'child' && next.test.kind === 'name') {
          // `//T[1]`: positions count among each parent's T children; those are exactly
          // the T descendants grouped by parent, so only T elements are visited.
          out.push(this.childrenByParent(next.test, predicates));
          i++;
          continue;
        }
        out.push(this.step('descendant-or-self', { kind: 'type', type: 'node' }, []));
        continue;
      }
      out.push(this.step(step.axis, step.test, step.predicates.map((p) => this.predicate(p))));
    }
    return out;
  }

  private childrenByParent(test: NodeTest, predicates: Predicate[]): { each: Each; sort: boolean } {
    const descendants = this.step('descendant', test, []).each;
    const view = this.view;
    const each: Each = (ref, visit) => {
      const groups = new Map<number, number[]>();
      descendants(ref, (r) => {
        const parent = view.parent(r) as number;
        const group = groups.get(parent);
        if (group === undefined) groups.set(parent, [r]);
        else group.push(r);
        return false;
      });
      for (const group of groups.values()) {
        for (const r of applyPredicates(group, predicates)) if (visit(r)) return true;
      }
      return false;
    };
    return { each, sort: true };
  }

  private elementTest(test: NodeTest, axis: Axis): ElementTest {
    if (test.kind === 'type') {
      if (test.type !== 'node') throw new Unsupported(`${test.type}() test`);
      if (!['self', 'parent', 'ancestor', 'ancestor-or-self', 'descendant-or-self'].includes(axis)) {
        throw new Unsupported(`node() on the ${axis} axis`);
      }
      return { trees: [true, true, true], list: true, doc: true, name: ANY };
    }
    const trees = [false, false, false];
    if (test.prefix === null) {
      // `*` is any element in any namespace; a plain name is in no namespace.
      if (test.local === '*') trees.fill(true);
      else trees[PLAIN] = true;
    } else if (test.prefix === 'lldp') trees[LLDP_COPY] = true;
    else if (test.prefix === 'lshw') trees[LSHW_COPY] = true;
    else throw new Unsupported(`prefix ${test.prefix}`);
    return {
      trees,
      list: test.prefix === null && (test.local === '*' || test.local === 'list'),
      doc: false,
      name: test.local === '*' ? ANY : this.view.t.strings.lookup(test.local),
    };
  }

  private attributeTest(test: NodeTest): (attrIndex: number) => boolean {
    if (test.kind === 'type') {
      if (test.type !== 'node') throw new Unsupported(`${test.type}() on attributes`);
      return () => true;
    }
    if (test.prefix !== null) {
      if (test.prefix !== 'lshw' && test.prefix !== 'lldp') throw new Unsupported(`prefix ${test.prefix}`);
      return () => false; // attributes are never namespaced in the composite
    }
    if (test.local === '*') return () => true;
    const id = this.view.t.strings.lookup(test.local);
    const names = this.view.t.attrName;
    return (a) => names.data[a] === id;
  }

  /** One location step: its axis, node test and predicates, for one context node. */
  private step(axis: Axis, test: NodeTest, predicates: Predicate[]): { each: Each; sort: boolean } {
    const axisEach = axis === 'attribute' ? this.attributeAxis(test) : this.elementAxis(axis, this.elementTest(test, axis));
    // Reverse axes visit nearest first (positions count that way); sort them back.
    const sort = REVERSE_AXES.has(axis);
    if (predicates.length === 0) return { each: axisEach, sort };
    if (!predicates.some((p) => p.positional)) {
      const each: Each = (ref, visit) =>
        axisEach(ref, (r) => {
          const ctx: Context = { node: r, pos: 1, size: 1 };
          for (const p of predicates) if (!p.test(ctx)) return false;
          return visit(r);
        });
      return { each, sort };
    }
    const each: Each = (ref, visit) => {
      const candidates: number[] = [];
      axisEach(ref, (r) => {
        candidates.push(r);
        return false;
      });
      for (const r of applyPredicates(candidates, predicates)) if (visit(r)) return true;
      return false;
    };
    return { each, sort };
  }

  private attributeAxis(test: NodeTest): Each {
    const matches = this.attributeTest(test);
    const t = this.view.t;
    return (ref, visit) => {
      if (ref < 0 || slotOf(ref) !== 0) return false;
      const e = elementOf(ref);
      const start = t.attrStart.data[e];
      const end = t.attrEnd(e);
      for (let a = start; a < end; a++) if (matches(a) && visit(ref + (a - start + 1))) return true;
      return false;
    };
  }

  private elementAxis(axis: Axis, test: ElementTest): Each {
    const view = this.view;
    const names = view.t.name;
    const index = this.index;
    const matchesRef = (ref: number): boolean => {
      if (ref === DOC) return test.doc;
      if (ref === LIST) return test.list;
      if (slotOf(ref) !== 0) return false;
      return test.trees[treeOf(ref)] && (test.name === ANY || names.data[elementOf(ref)] === test.name);
    };
    const fromList = (refs: number[], visit: Visit): boolean => {
      for (const r of refs) if (matchesRef(r) && visit(r)) return true;
      return false;
    };
    const descendants: Each = (ref, visit) => {
      if (ref === DOC && test.list && visit(LIST)) return true;
      const ranges = view.descendantRanges(ref);
      for (let k = 0; k < ranges.length; k += 3) {
        const tree = ranges[k];
        if (!test.trees[tree]) continue;
        const base = elementRef(tree, 0);
        if (test.name === ANY) {
          for (let e = ranges[k + 1], to = ranges[k + 2]; e < to; e++) if (visit(base + e * 8192)) return true;
        } else if (index.some(test.name, ranges[k + 1], ranges[k + 2], (e) => visit(base + e * 8192))) return true;
      }
      return false;
    };
    switch (axis) {
      case 'child':
        return (ref, visit) => fromList(view.children(ref), visit);
      case 'descendant':
        return descendants;
      case 'descendant-or-self':
        return (ref, visit) => (matchesRef(ref) && visit(ref)) || descendants(ref, visit);
      case 'self':
        return (ref, visit) => matchesRef(ref) && visit(ref);
      case 'parent':
        return (ref, visit) => {
          const p = view.parent(ref);
          return p !== null && matchesRef(p) && visit(p);
        };
      case 'ancestor':
      case 'ancestor-or-self':
        return (ref, visit) => {
          for (let n: number | null = axis === 'ancestor' ? view.parent(ref) : ref; n !== null; n = view.parent(n)) {
            if (matchesRef(n) && visit(n)) return true;
          }
          return false;
        };
      case 'following-sibling':
      case 'preceding-sibling':
        return (ref, visit) => {
          if (ref < 0 || slotOf(ref) !== 0) return false;
          const parent = view.parent(ref);
          if (parent === null) return false;
          const all = view.children(parent);
          const at = all.indexOf(ref);
          const part = axis === 'following-sibling' ? all.slice(at + 1) : all.slice(0, at).reverse();
          return fromList(part, visit);
        };
      default:
        throw new Unsupported(`${axis} axis`);
    }
  }
}

function applyPredicates(nodes: number[], predicates: Predicate[]): number[] {
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

const FLIP: Record<string, string> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  div: (a, b) => a / b,
  mod: (a, b) => a % b, // C fmod: truncated, sign of the dividend, as JS %
};

export { NeedsExact };
