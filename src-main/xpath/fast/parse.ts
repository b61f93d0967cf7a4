// An XPath 1.0 parser (W3C XPath 1.0 §3, lexical rules §3.7) for the fast path. It only
// ever sees definitions libxml2 has already compiled; anything it does not understand
// (non-ASCII names, decimal literals, …) throws Unsupported and the definition runs on
// libxml2 instead, so a gap here costs speed, never exactness.
import { Unsupported, type Axis, type BinaryOp, type Expr, type NodeTest, type Step } from './ast';
import { tokenize, type Token } from './tokenize';

export { Unsupported, type Axis, type BinaryOp, type Expr, type NodeTest, type Step };


class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.or();
    if (this.i !== this.tokens.length) throw new Unsupported('trailing tokens');
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(...ops: string[]): string | null {
    const t = this.peek();
    return t !== undefined && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  private isPunct(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === 'punct' && t.v === v;
  }

  private expectPunct(v: string): void {
    if (!this.isPunct(v)) throw new Unsupported(`expected ${v}`);
    this.i++;
  }

  private binary(next: () => Expr, ops: string[]): Expr {
    let left = next();
    for (let op = this.isOp(...ops); op !== null; op = this.isOp(...ops)) {
      this.i++;
      left = { type: 'binary', op: op as BinaryOp, left, right: next() };
    }
    return left;
  }

  private or = (): Expr => this.binary(this.and, ['or']);
  private and = (): Expr => this.binary(this.equality, ['and']);
  private equality = (): Expr => this.binary(this.relational, ['=', '!=']);
  private relational = (): Expr => this.binary(this.additive, ['<', '<=', '>', '>=']);
  private additive = (): Expr => this.binary(this.multiplicative, ['+', '-']);
  private multiplicative = (): Expr => this.binary(this.unary, ['*', 'div', 'mod']);

  private unary = (): Expr => {
    if (this.isOp('-')) {
      this.i++;
      return { type: 'negate', arg: this.unary() };
    }
    return this.union();
  };

  private union(): Expr {
    let left = this.pathExpr();
    while (this.isOp('|')) {
      this.i++;
      left = { type: 'union', left, right: this.pathExpr() };
    }
    return left;
  }

  private pathExpr(): Expr {
    const t = this.peek();
    if (t === undefined) throw new Unsupported('unexpected end');
    const startsFilter =
      t.t === 'literal' || t.t === 'number' || t.t === 'variable' || t.t === 'function' || (t.t === 'punct' && t.v === '(');
    if (!startsFilter) return this.locationPath();
    let filter: Expr = this.primary();
    const predicates = this.predicates();
    if (predicates.length > 0) filter = { type: 'filter', primary: filter, predicates };
    const sep = this.isOp('/', '//');
    if (sep === null) return filter;
    this.i++;
    const steps = sep === '//' ? [DESCENDANT_OR_SELF_NODE] : [];
    steps.push(...this.relativeSteps());
    return { type: 'path', absolute: false, filter, steps };
  }

  private primary(): Expr {
    const t = this.tokens[this.i++];
    switch (t.t) {
      case 'literal':
        return { type: 'string', value: t.v };
      case 'number':
        return { type: 'number', value: t.v };
      case 'variable':
        return { type: 'variable', name: t.v };
      case 'function': {
        this.expectPunct('(');
        const args: Expr[] = [];
        if (!this.isPunct(')')) {
          args.push(this.or());
          while (this.isPunct(',')) {
            this.i++;
            args.push(this.or());
          }
        }
        this.expectPunct(')');
        return { type: 'call', name: t.v, args };
      }
      default: {
        if (t.t === 'punct' && t.v === '(') {
          const inner = this.or();
          this.expectPunct(')');
          return inner;
        }
        throw new Unsupported('primary expression');
      }
    }
  }

  private predicates(): Expr[] {
    const list: Expr[] = [];
    while (this.isPunct('[')) {
      this.i++;
      list.push(this.or());
      this.expectPunct(']');
    }
    return list;
  }

  private startsStep(): boolean {
    const t = this.peek();
    if (t === undefined) return false;
    if (t.t === 'name' || t.t === 'nodetype' || t.t === 'axis') return true;
    return t.t === 'punct' && (t.v === '.' || t.v === '..' || t.v === '@');
  }

  private locationPath(): Expr {
    const sep = this.isOp('/', '//');
    if (sep === null) return { type: 'path', absolute: false, filter: null, steps: this.relativeSteps() };
    this.i++;
    if (sep === '/') {
      return { type: 'path', absolute: true, filter: null, steps: this.startsStep() ? this.relativeSteps() : [] };
    }
    return { type: 'path', absolute: true, filter: null, steps: [DESCENDANT_OR_SELF_NODE, ...this.relativeSteps()] };
  }

  private relativeSteps(): Step[] {
    const steps = [this.step()];
    for (let sep = this.isOp('/', '//'); sep !== null; sep = this.isOp('/', '//')) {
      this.i++;
      if (sep === '//') steps.push(DESCENDANT_OR_SELF_NODE);
      steps.push(this.step());
    }
    return steps;
  }

  private step(): Step {
    const t = this.peek();
    if (t === undefined) throw new Unsupported('missing step');
    if (t.t === 'punct' && t.v === '.') {
      this.i++;
      return { axis: 'self', test: { kind: 'type', type: 'node' }, predicates: [] };
    }
    if (t.t === 'punct' && t.v === '..') {
      this.i++;
      return { axis: 'parent', test: { kind: 'type', type: 'node' }, predicates: [] };
    }
    let axis: Axis = 'child';
    if (t.t === 'punct' && t.v === '@') {
      axis = 'attribute';
      this.i++;
    } else if (t.t === 'axis') {
      axis = t.v;
      this.i++;
      this.expectPunct('::');
    }
    const testToken = this.tokens[this.i++];
    let test: NodeTest;
    if (testToken?.t === 'name') test = { kind: 'name', prefix: testToken.prefix, local: testToken.local };
    else if (testToken?.t === 'nodetype') {
      this.expectPunct('(');
      if (testToken.v === 'processing-instruction' && this.peek()?.t === 'literal') this.i++;
      this.expectPunct(')');
      test = { kind: 'type', type: testToken.v };
    } else throw new Unsupported('node test');
    return { axis, test, predicates: this.predicates() };
  }
}

const DESCENDANT_OR_SELF_NODE: Step = { axis: 'descendant-or-self', test: { kind: 'type', type: 'node' }, predicates: [] };

export function parseXPath(source: string): Expr {
  return new Parser(tokenize(source)).parse();
}
