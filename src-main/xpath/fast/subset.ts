// The fast path's subset of XPath 1.0, stated once: the axes, node tests, functions and
// operand types the fast evaluator reproduces exactly (as MAAS's libxml2 2.9 answers).
// A parsed definition is checked against it before anything is compiled; whatever it
// refuses runs on libxml2 whole. docs/xpath.md has the same rules as a table.
import { Unsupported, type Axis, type Expr, type NodeTest, type Step } from './parse';

export type StaticType = 'nodeset' | 'string' | 'number' | 'boolean';

/** How a function takes an argument: a node-set, any value, or a value turned into a string. */
type ArgKind = 'nodeset' | 'any' | 'string';

interface FunctionRule {
  min: number;
  max: number;
  /** Kind of each argument (the last repeats). */
  args: ArgKind[];
  result: StaticType;
}

const FUNCTIONS: Record<string, FunctionRule> = {
  last: { min: 0, max: 0, args: [], result: 'number' },
  position: { min: 0, max: 0, args: [], result: 'number' },
  count: { min: 1, max: 1, args: ['nodeset'], result: 'number' },
  sum: { min: 1, max: 1, args: ['nodeset'], result: 'number' },
  name: { min: 0, max: 1, args: ['nodeset'], result: 'string' },
  'local-name': { min: 0, max: 1, args: ['nodeset'], result: 'string' },
  'namespace-uri': { min: 0, max: 1, args: ['nodeset'], result: 'string' },
  string: { min: 0, max: 1, args: ['string'], result: 'string' },
  concat: { min: 2, max: Infinity, args: ['string'], result: 'string' },
  'starts-with': { min: 2, max: 2, args: ['string'], result: 'boolean' },
  contains: { min: 2, max: 2, args: ['string'], result: 'boolean' },
  'substring-before': { min: 2, max: 2, args: ['string'], result: 'string' },
  'substring-after': { min: 2, max: 2, args: ['string'], result: 'string' },
  'string-length': { min: 0, max: 1, args: ['string'], result: 'number' },
  'normalize-space': { min: 0, max: 1, args: ['string'], result: 'string' },
  translate: { min: 3, max: 3, args: ['string'], result: 'string' },
  boolean: { min: 1, max: 1, args: ['any'], result: 'boolean' },
  not: { min: 1, max: 1, args: ['any'], result: 'boolean' },
  true: { min: 0, max: 0, args: [], result: 'boolean' },
  false: { min: 0, max: 0, args: [], result: 'boolean' },
  number: { min: 0, max: 1, args: ['any'], result: 'number' },
  floor: { min: 1, max: 1, args: ['any'], result: 'number' },
  ceiling: { min: 1, max: 1, args: ['any'], result: 'number' },
};

/**
 * Axes and the node tests allowed on each. The tables hold elements and attributes only,
 * so `node()` is allowed only where no text, comment or processing-instruction node can
 * be selected: on self, parent and ancestor axes (text nodes are never a context node
 * here) and on the attribute axis. following, preceding and namespace are not modelled.
 */
const AXES: Partial<Record<Axis, { anyNode: boolean }>> = {
  child: { anyNode: false },
  descendant: { anyNode: false },
  'descendant-or-self': { anyNode: false },
  self: { anyNode: true },
  parent: { anyNode: true },
  ancestor: { anyNode: true },
  'ancestor-or-self': { anyNode: true },
  attribute: { anyNode: true },
  'following-sibling': { anyNode: false },
  'preceding-sibling': { anyNode: false },
};

/** After `//` (descendant-or-self::node() with no predicate), steps that never look at text nodes. */
const AFTER_DESCENDANT_OR_SELF: Axis[] = ['child', 'attribute', 'descendant', 'descendant-or-self', 'self'];

/** The prefixes definitions are compiled with (any other fails at evaluation in libxml2). */
const PREFIXES = new Set(['lshw', 'lldp']);

export function isAnyNodeStep(step: Step): boolean {
  return step.axis === 'descendant-or-self' && step.test.kind === 'type' && step.test.type === 'node' && step.predicates.length === 0;
}

function checkNodeTest(axis: Axis, test: NodeTest): void {
  if (test.kind === 'name') {
    if (test.prefix !== null && !PREFIXES.has(test.prefix)) throw new Unsupported(`prefix ${test.prefix}`);
    return;
  }
  if (test.type !== 'node') throw new Unsupported(`${test.type}() test`);
  if (!AXES[axis]?.anyNode) throw new Unsupported(`node() on the ${axis} axis`);
}

function checkSteps(steps: Step[]): void {
  steps.forEach((step, i) => {
    if (isAnyNodeStep(step)) {
      // `//`: the text, comment and PI descendants it passes over are invisible to what follows
      // only if what follows looks at or below elements by name (never at their parents).
      const next = steps[i + 1];
      if (next === undefined || !AFTER_DESCENDANT_OR_SELF.includes(next.axis)) throw new Unsupported('// followed by this axis');
      if ((next.axis === 'self' || next.axis === 'descendant-or-self') && next.test.kind === 'type') {
        throw new Unsupported(`//${next.axis}::node()`);
      }
      if (next.axis === 'descendant' && next.test.kind === 'type') throw new Unsupported('//descendant::node()');
      return;
    }
    if (AXES[step.axis] === undefined) throw new Unsupported(`${step.axis} axis`);
    checkNodeTest(step.axis, step.test);
    for (const p of step.predicates) checkExpr(p, true);
  });
}

/**
 * Checks an expression against the subset and returns its static type. `inPredicate`:
 * position() and last() have a context position and size only inside a predicate; at the
 * top, libxml2 2.9 (MAAS) raises an evaluation error there — no match.
 */
export function checkExpr(e: Expr, inPredicate: boolean): StaticType {
  switch (e.type) {
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'variable':
      throw new Unsupported('variables');
    case 'negate':
      checkExpr(e.arg, inPredicate);
      return 'number';
    case 'binary': {
      checkExpr(e.left, inPredicate);
      checkExpr(e.right, inPredicate);
      return ['or', 'and', '=', '!=', '<', '<=', '>', '>='].includes(e.op) ? 'boolean' : 'number';
    }
    case 'union':
      if (checkExpr(e.left, inPredicate) !== 'nodeset' || checkExpr(e.right, inPredicate) !== 'nodeset') {
        throw new Unsupported('union of non-node-sets');
      }
      return 'nodeset';
    case 'filter':
      if (checkExpr(e.primary, inPredicate) !== 'nodeset') throw new Unsupported('predicate on a non-node-set');
      for (const p of e.predicates) checkExpr(p, true);
      return 'nodeset';
    case 'path':
      if (e.filter !== null && checkExpr(e.filter, inPredicate) !== 'nodeset') throw new Unsupported('path from a non-node-set');
      checkSteps(e.steps);
      return 'nodeset';
    case 'call':
      return checkCall(e.name, e.args, inPredicate);
  }
}

function checkCall(name: string, args: Expr[], inPredicate: boolean): StaticType {
  const rule = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (rule === undefined) throw new Unsupported(`function ${name}()`);
  if (args.length < rule.min || args.length > rule.max) throw new Unsupported(`${name}() with ${args.length} arguments`);
  if ((name === 'position' || name === 'last') && !inPredicate) throw new Unsupported(`${name}() outside a predicate`);
  args.forEach((arg, i) => {
    const kind = rule.args[Math.min(i, rule.args.length - 1)];
    const type = checkExpr(arg, inPredicate);
    if (kind === 'nodeset' && type !== 'nodeset') throw new Unsupported(`${name}() of a non-node-set`);
    // Number → string is libxml2's own formatting, which we do not reproduce.
    if (kind === 'string' && type === 'number') throw new Unsupported('number to string conversion');
  });
  return rule.result;
}

/** Throws Unsupported unless the whole definition is in the subset. */
export function checkSubset(definition: Expr): void {
  checkExpr(definition, false);
}
