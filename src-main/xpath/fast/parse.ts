// An XPath 1.0 parser (W3C XPath 1.0 §3, lexical rules §3.7) for the fast path. It only
// ever sees definitions libxml2 has already compiled; anything it does not understand
// (non-ASCII names, decimal literals, …) throws Unsupported and the definition runs on
// libxml2 instead, so a gap here costs speed, never exactness.

export class Unsupported extends Error {
  constructor(what: string) {
    super(`not on the fast path: ${what}`);
    this.name = 'Unsupported';
  }
}

export type Axis =
  | 'child'
  | 'descendant'
  | 'descendant-or-self'
  | 'self'
  | 'parent'
  | 'ancestor'
  | 'ancestor-or-self'
  | 'attribute'
  | 'following-sibling'
  | 'preceding-sibling'
  | 'following'
  | 'preceding'
  | 'namespace';

export type NodeTest =
  | { kind: 'name'; prefix: string | null; local: string } // local '*' for any name
  | { kind: 'type'; type: 'node' | 'text' | 'comment' | 'processing-instruction' };

export interface Step {
  axis: Axis;
  test: NodeTest;
  predicates: Expr[];
}

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'path'; absolute: boolean; filter: Expr | null; steps: Step[] }
  | { type: 'filter'; primary: Expr; predicates: Expr[] }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'negate'; arg: Expr }
  | { type: 'union'; left: Expr; right: Expr }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'variable'; name: string };

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

type Token =
  | { t: 'punct'; v: string } // ( ) [ ] . .. @ , ::
  | { t: 'op'; v: string } // and or mod div / // | + - = != < <= > >= *
  | { t: 'name'; prefix: string | null; local: string } // NameTest (local may be '*')
  | { t: 'nodetype'; v: 'node' | 'text' | 'comment' | 'processing-instruction' }
  | { t: 'function'; v: string }
  | { t: 'axis'; v: Axis }
  | { t: 'literal'; v: string }
  | { t: 'number'; v: number }
  | { t: 'variable'; v: string };

const NCNAME = /[A-Za-z_][A-Za-z0-9._-]*/y;
const NUMBER = /[0-9]+(\.[0-9]*)?|\.[0-9]+/y;
const AXES = new Set<string>([
  'child', 'descendant', 'descendant-or-self', 'self', 'parent', 'ancestor', 'ancestor-or-self',
  'attribute', 'following-sibling', 'preceding-sibling', 'following', 'preceding', 'namespace',
]);
const NODE_TYPES = new Set(['node', 'text', 'comment', 'processing-instruction']);
const OPERATOR_NAMES = new Set(['and', 'or', 'mod', 'div']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const skip = (): void => {
    while (i < source.length && isSpace(source[i])) i++;
  };
  // §3.7: after these, `*` is a name test and an NCName is not an operator.
  const operatorContext = (): boolean => {
    const prev = tokens.at(-1);
    if (prev === undefined) return true;
    if (prev.t === 'op') return true;
    return prev.t === 'punct' && ['@', '::', '(', '[', ','].includes(prev.v);
  };
  const peekNonSpace = (from: number): number => {
    let j = from;
    while (j < source.length && isSpace(source[j])) j++;
    return j;
  };
  for (skip(); i < source.length; skip()) {
    const c = source[i];
    const two = source.slice(i, i + 2);
    if (two === '..' || two === '::' || two === '//' || two === '!=' || two === '<=' || two === '>=') {
      tokens.push(two === '..' || two === '::' ? { t: 'punct', v: two } : { t: 'op', v: two });
      i += 2;
      continue;
    }
    if (c === '.' && !/[0-9]/.test(source[i + 1] ?? '')) {
      tokens.push({ t: 'punct', v: '.' });
      i++;
      continue;
    }
    if ('()[]@,'.includes(c)) {
      tokens.push({ t: 'punct', v: c });
      i++;
      continue;
    }
    if ('/|+-=<>'.includes(c)) {
      tokens.push({ t: 'op', v: c });
      i++;
      continue;
    }
    if (c === '*') {
      tokens.push(operatorContext() ? { t: 'name', prefix: null, local: '*' } : { t: 'op', v: '*' });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new Unsupported('unfinished literal');
      tokens.push({ t: 'literal', v: source.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(source);
    if (number !== null) {
      // Only integers that a double holds exactly: decimal literals are parsed by libxml2
      // with its own algorithm, which we do not reproduce.
      if (!/^[0-9]{1,15}$/.test(number[0])) throw new Unsupported(`number literal ${number[0]}`);
      tokens.push({ t: 'number', v: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    if (c === '$') {
      NCNAME.lastIndex = i + 1;
      const name = NCNAME.exec(source);
      if (name === null) throw new Unsupported('variable');
      tokens.push({ t: 'variable', v: name[0] });
      i += 1 + name[0].length;
      continue;
    }
    NCNAME.lastIndex = i;
    const name = NCNAME.exec(source);
    if (name === null) throw new Unsupported(`character ${JSON.stringify(c)}`);
    i += name[0].length;
    if (!operatorContext() && OPERATOR_NAMES.has(name[0])) {
      tokens.push({ t: 'op', v: name[0] });
      continue;
    }
    let prefix: string | null = null;
    let local = name[0];
    if (source[i] === ':' && source[i + 1] !== ':') {
      if (source[i + 1] === '*') {
        prefix = local;
        local = '*';
        i += 2;
      } else {
        NCNAME.lastIndex = i + 1;
        const second = NCNAME.exec(source);
        if (second === null) throw new Unsupported('qualified name');
        prefix = local;
        local = second[0];
        i += 1 + second[0].length;
      }
    }
    const after = peekNonSpace(i);
    if (local !== '*' && source[after] === '(') {
      if (prefix === null && NODE_TYPES.has(local)) tokens.push({ t: 'nodetype', v: local as 'node' });
      else tokens.push({ t: 'function', v: prefix === null ? local : `${prefix}:${local}` });
    } else if (prefix === null && source.slice(after, after + 2) === '::') {
      if (!AXES.has(local)) throw new Unsupported(`axis ${local}`);
      tokens.push({ t: 'axis', v: local as Axis });
    } else tokens.push({ t: 'name', prefix, local });
  }
  return tokens;
}

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
