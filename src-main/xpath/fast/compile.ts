// Compiles a parsed XPath 1.0 expression into closures over the composite view. The
// expression has passed fast/subset.ts, so every construct here is evaluated with XPath
// 1.0's semantics as libxml2 2.9 (MAAS) applies them; a node whose answer depends on
// something the tables do not hold throws NeedsExact at run time (then libxml2 evaluates
// that node).
import { Unsupported, type Expr, type NodeTest, type Step } from './parse';
import type { NameIndex } from './name-index';
import { CompositeTree, DOC, NeedsExact } from './tree';
import { compileFunction } from './functions';
import { toNumber } from './values';
import { applyPredicates, booleanOf, documentOrder, type Compiled, type Context, type Each, type Predicate, type Visit } from './compiled';
import { attributeAxis, elementAxis } from './axes';
import { arithmetic, comparison } from './comparisons';
import { condition } from './quick';
import { isAnyNodeStep } from './subset';

export type { Compiled, Context } from './compiled';

const REVERSE_AXES = new Set(['parent', 'ancestor', 'ancestor-or-self', 'preceding-sibling']);

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

type StepPlan = { each: Each; sort: boolean };

export class Compiler {
  private readonly general = (e: Expr): Compiled => this.expr(e);

  constructor(
    private readonly view: CompositeTree,
    private readonly index: NameIndex,
  ) {}

  expr(e: Expr): Compiled {
    const view = this.view;
    switch (e.type) {
      case 'number':
      case 'string': {
        const v = e.value;
        return { type: e.type, fn: () => v, constant: v };
      }
      case 'variable':
        throw new Unsupported('variables');
      case 'negate': {
        const arg = this.expr(e.arg);
        return { type: 'number', fn: (ctx) => -toNumber(view, arg.type, arg.fn(ctx)) };
      }
      case 'binary':
        return this.binary(e.op, this.expr(e.left), this.expr(e.right));
      case 'union': {
        const left = this.expr(e.left);
        const right = this.expr(e.right);
        return {
          type: 'nodeset',
          fn: (ctx) => documentOrder([...(left.fn(ctx) as number[]), ...(right.fn(ctx) as number[])]),
        };
      }
      case 'call':
        return compileFunction(view, e.name, e.args.map((a) => this.expr(a)));
      case 'filter': {
        const primary = this.expr(e.primary);
        const predicates = e.predicates.map((p) => this.predicate(p));
        return { type: 'nodeset', fn: (ctx) => applyPredicates(primary.fn(ctx) as number[], predicates) };
      }
      case 'path':
        return this.path(e);
    }
  }

  private binary(op: string, left: Compiled, right: Compiled): Compiled {
    switch (op) {
      case 'or':
      case 'and': {
        const a = booleanOf(left);
        const b = booleanOf(right);
        return { type: 'boolean', fn: op === 'or' ? (ctx) => a(ctx) || b(ctx) : (ctx) => a(ctx) && b(ctx) };
      }
      case '=':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return { type: 'boolean', fn: comparison(this.view, op, left, right) };
      default:
        return { type: 'number', fn: arithmetic(this.view, op, left, right) };
    }
  }

  private predicate(p: Expr): Predicate {
    if (!usesPosition(p)) {
      const quick = condition(this.view, p, this.general);
      if (quick !== null) return { test: quick, positional: false };
    }
    const compiled = this.expr(p);
    if (compiled.type === 'number') {
      return { test: (ctx) => compiled.fn(ctx) === ctx.pos, positional: true };
    }
    return { test: booleanOf(compiled), positional: usesPosition(p) };
  }

  private path(e: Extract<Expr, { type: 'path' }>): Compiled {
    let start: (ctx: Context) => number[];
    if (e.filter !== null) start = this.expr(e.filter).fn as (ctx: Context) => number[];
    else if (e.absolute) start = () => [DOC];
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
  private steps(steps: Step[]): StepPlan[] {
    const out: StepPlan[] = [];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      const next = steps[i + 1];
      // `//` (fast/subset.ts admits it only before a step that never sees text nodes).
      if (isAnyNodeStep(step) && next !== undefined && next.axis === 'child') {
        const predicates = next.predicates.map((p) => this.predicate(p));
        if (!predicates.some((p) => p.positional)) {
          // descendant-or-self::node()/child::T[p] ≡ descendant::T[p] when p ignores positions
          out.push(this.step('descendant', next.test, predicates));
          i++;
          continue;
        }
        if (next.test.kind === 'name') {
          // `//T[1]`: positions count among each parent's T children; those are exactly
          // the T descendants grouped by parent, so only T elements are visited.
          out.push(this.childrenByParent(next.test, predicates));
          i++;
          continue;
        }
      }
      out.push(this.step(step.axis, step.test, step.predicates.map((p) => this.predicate(p))));
    }
    return out;
  }

  private childrenByParent(test: NodeTest, predicates: Predicate[]): StepPlan {
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

  /** One location step: its axis, node test and predicates, for one context node. */
  private step(axis: Step['axis'], test: NodeTest, predicates: Predicate[]): StepPlan {
    const axisEach = axis === 'attribute' ? attributeAxis(this.view, test) : elementAxis(this.view, this.index, axis, test);
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
}

export { NeedsExact };
