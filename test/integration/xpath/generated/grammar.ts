// A grammar-based generator of XPath 1.0 tag definitions, plausible for lshw and LLDP:
// every axis, abbreviations (`.`, `..`, `//`, `@`), node(), text(), comment(),
// processing-instruction(), namespace steps, positional and nested predicates, every core
// function (right and wrong arity), every operator, node-set vs string/number/boolean
// comparisons in both orders, number forms libxml2 reads its own way, quotes inside
// literals, and now and then a syntax error. Names and values come from the corpus.
//
// A definition is a tree of parts so that a failure can be shrunk: a predicate dropped, a
// step dropped, an expression replaced by one of its sub-expressions (see differential.ts).

import { random as prng } from '../../../unit/xpath/corpus';

export type Kind = 'expr' | 'step' | 'pred' | 'literal';
export interface Gen {
  kind: Kind;
  parts: (string | Gen)[];
}

export const render = (g: Gen | string): string => (typeof g === 'string' ? g : g.parts.map(render).join(''));

export interface Vocabulary {
  elements: string[];
  attributes: string[];
  values: string[];
}

/** Element and attribute names and short values found in the documents. */
export function vocabularyOf(texts: string[]): Vocabulary {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const values = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/<([A-Za-z_][\w.-]*)/g)) elements.add(m[1]);
    for (const m of text.matchAll(/\s([A-Za-z_][\w.-]*)="([^"<&]{0,40})"/g)) {
      attributes.add(m[1]);
      values.add(m[2]);
    }
    for (const m of text.matchAll(/>([^<>&]{1,40})</g)) if (m[1].trim() !== '') values.add(m[1]);
  }
  return { elements: [...elements].sort(), attributes: [...attributes].sort(), values: [...values].sort() };
}

const AXES = [
  'child', 'descendant', 'descendant-or-self', 'self', 'parent', 'ancestor', 'ancestor-or-self',
  'attribute', 'following-sibling', 'preceding-sibling', 'following', 'preceding', 'namespace',
];
/** Axes that stay near the context node (in predicates: no walk over the whole document per node). */
const NEAR_AXES = AXES.filter((a) => !['following', 'preceding', 'descendant', 'descendant-or-self', 'ancestor', 'ancestor-or-self'].includes(a));
const FUNCTIONS: [string, number, number][] = [
  ['last', 0, 0], ['position', 0, 0], ['count', 1, 1], ['id', 1, 1], ['local-name', 0, 1], ['namespace-uri', 0, 1],
  ['name', 0, 1], ['string', 0, 1], ['concat', 2, 4], ['starts-with', 2, 2], ['contains', 2, 2],
  ['substring-before', 2, 2], ['substring-after', 2, 2], ['substring', 2, 3], ['string-length', 0, 1],
  ['normalize-space', 0, 1], ['translate', 3, 3], ['boolean', 1, 1], ['not', 1, 1], ['true', 0, 0],
  ['false', 0, 0], ['lang', 1, 1], ['number', 0, 1], ['sum', 1, 1], ['floor', 1, 1], ['ceiling', 1, 1], ['round', 1, 1],
];
const NODESET_FUNCTIONS = new Set(['count', 'sum', 'local-name', 'namespace-uri', 'name']);
const NUMBERS = ['0', '1', '2', '3', '-1', '1e3', '.5', '12.', '1.5', '0.1', '960197124096', '137438953472', '2 div 0', '0 div 0', '-0'];
// A `-` with no digits (`-`, `-e`, ` - `, `-E1`) is -0 in MAAS's libxml2 2.9.
const ODD_STRINGS = [' 12 ', '1e3', '.5', 'NaN', 'Infinity', '-Infinity', '-1', '', '1024', '0', '+3', "it's", 'say "hi"', '-', ' - ', '-e', '-E1'];
const COMPARISONS = ['=', '!=', '<', '<=', '>', '>='];
const ARITHMETIC = ['+', '-', '*', 'div', 'mod'];
const SYNTAX_ERRORS = ['//node[', ']', '@@', 'node/', '//', 'foo(', '"open', "'open", 'node[]', '1 +', 'and', '()', '::node', 'node::x', '$', '|node', 'node|'];

export class DefinitionGenerator {
  private readonly rnd: () => number;
  /** Inside a predicate, paths stay near the context node (a `//` or `following::` there, per node, is quadratic). */
  private nested = 0;

  constructor(seed: number, private readonly vocabulary: Vocabulary) {
    this.rnd = prng(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)];
  }

  private chance(p: number): boolean {
    return this.rnd() < p;
  }

  /** One definition. */
  definition(): Gen {
    if (this.chance(0.03)) return { kind: 'expr', parts: [this.pick(SYNTAX_ERRORS)] };
    const e = this.expr(3);
    if (this.chance(0.03)) {
      // A damaged definition: a character dropped, or the stream-pattern trailing `|`.
      const text = render(e);
      const at = Math.floor(this.rnd() * text.length);
      return { kind: 'expr', parts: [this.chance(0.5) ? `${text}|` : text.slice(0, at) + text.slice(at + 1)] };
    }
    return e;
  }

  literal(): Gen {
    const value = this.chance(0.3) ? this.pick(ODD_STRINGS) : this.pick(this.vocabulary.values);
    if (!value.includes('"')) return { kind: 'literal', parts: [`"${value}"`] };
    if (!value.includes("'")) return { kind: 'literal', parts: [`'${value}'`] };
    return { kind: 'literal', parts: ['"x"'] };
  }

  private number(): Gen {
    return { kind: 'literal', parts: [this.pick(NUMBERS)] };
  }

  private nodeTest(axis: string): string {
    const roll = this.rnd();
    if (axis === 'attribute') {
      if (roll < 0.15) return '*';
      if (roll < 0.2) return 'node()';
      if (roll < 0.23) return 'xml:id';
      return this.pick(this.vocabulary.attributes);
    }
    if (axis === 'namespace') return this.pick(['*', 'lshw', 'lldp', 'xml', 'x', 'node()']);
    if (roll < 0.12) return '*';
    if (roll < 0.22) return 'node()';
    if (roll < 0.28) return 'text()';
    if (roll < 0.3) return this.pick(['comment()', 'processing-instruction()', "processing-instruction('pi')"]);
    if (roll < 0.38) return `${this.pick(['lshw', 'lldp'])}:${this.chance(0.2) ? '*' : this.pick(this.vocabulary.elements)}`;
    if (roll < 0.39) return `x:${this.pick(['extra', '*'])}`;
    return this.pick(this.vocabulary.elements);
  }

  /** `wide`: following:: and preceding:: allowed (from one node; after `//` they are quadratic). */
  private step(depth: number, wide: boolean): Gen {
    const roll = this.rnd();
    let head: string;
    if (roll < 0.06) head = '.';
    else if (roll < 0.1) head = '..';
    else if (roll < 0.4) head = this.nodeTest('child');
    else if (roll < 0.55) head = `@${this.nodeTest('attribute')}`;
    else {
      const axis = this.pick(this.nested > 0 ? NEAR_AXES : wide ? AXES : AXES.filter((a) => a !== 'following' && a !== 'preceding'));
      head = `${axis}::${this.nodeTest(axis)}`;
    }
    const parts: (string | Gen)[] = [head];
    if (head !== '.' && head !== '..') {
      const predicates = this.chance(0.4) ? (this.chance(0.25) ? 2 : 1) : 0;
      for (let i = 0; i < predicates; i++) parts.push(this.predicate(depth));
    }
    return { kind: 'step', parts };
  }

  private predicateBody(depth: number): Gen {
    const roll = this.rnd();
    let inner: Gen | string;
    if (roll < 0.2) inner = this.pick(['1', '2', 'last()', 'last() - 1', 'position() > 1', 'position() = last()', 'position() mod 2 = 0']);
    else if (roll < 0.45) {
      inner = { kind: 'expr', parts: [`@${this.pick(this.vocabulary.attributes)}`, ` ${this.pick(['=', '!='])} `, this.literal()] };
    } else if (roll < 0.55) inner = { kind: 'expr', parts: [this.pick(['contains', 'starts-with']), '(', this.pick(['.', '@id', 'vendor', 'product']), ', ', this.literal(), ')'] };
    else if (roll < 0.62) inner = { kind: 'expr', parts: ['. = ', this.literal()] };
    else inner = this.expr(depth - 1);
    return { kind: 'pred', parts: ['[', inner, ']'] };
  }

  private predicate(depth: number): Gen {
    this.nested++;
    try {
      return this.predicateBody(depth);
    } finally {
      this.nested--;
    }
  }

  path(depth: number): Gen {
    // A path from the root inside a predicate inside a predicate walks the whole document per
    // node per node: `//self::*[../node()[//x]]` ran for minutes in lxml (MAAS) as in libxml2
    // over the fixture-sized documents, so only the outer predicate may start one.
    const prefix = this.nested > 1
      ? this.pick(['', '', '', '../'])
      : this.nested > 0
      ? this.chance(0.03) ? this.pick(['/', '//', '/list/']) : this.pick(['', '', '', '../'])
      : this.pick(['', '', '/', '//', '//', './/', '../', '/list/']);
    const count = 1 + Math.floor(this.rnd() * (depth > 1 && this.nested === 0 ? 3 : 2));
    const parts: (string | Gen)[] = [prefix];
    for (let i = 0; i < count; i++) {
      const step = this.step(depth, i === 0 && (prefix === '' || prefix === '../' || prefix === '/list/'));
      if (i > 0) step.parts.unshift(this.chance(this.nested > 0 ? 0.03 : 0.3) ? '//' : '/');
      parts.push(step);
    }
    if (prefix === '/' && this.chance(0.05)) return { kind: 'expr', parts: ['/'] };
    return { kind: 'expr', parts };
  }

  private call(depth: number): Gen {
    const [name, min, max] = this.pick(FUNCTIONS);
    let arity = min + Math.floor(this.rnd() * (max - min + 1));
    if (this.chance(0.03)) arity++; // wrong arity: an evaluation error in libxml2
    const args: (string | Gen)[] = [];
    for (let i = 0; i < arity; i++) {
      if (i > 0) args.push(', ');
      args.push(NODESET_FUNCTIONS.has(name) && this.chance(0.85) ? this.path(depth - 1) : this.operand(depth - 1));
    }
    return { kind: 'expr', parts: [this.chance(0.01) ? 'unknown-fn' : name, '(', ...args, ')'] };
  }

  /** Something to compare or compute with. */
  private operand(depth: number): Gen {
    const roll = this.rnd();
    if (depth <= 0 || roll < 0.4) return this.chance(0.6) ? this.path(Math.max(depth, 1)) : this.chance(0.5) ? this.literal() : this.number();
    if (roll < 0.75) return this.call(depth);
    if (roll < 0.85) return { kind: 'expr', parts: ['-', this.operand(depth - 1)] };
    if (roll < 0.92) return { kind: 'expr', parts: [this.operand(depth - 1), ` ${this.pick(ARITHMETIC)} `, this.operand(depth - 1)] };
    return { kind: 'expr', parts: ['(', this.path(depth), ')', this.predicate(depth - 1), this.chance(0.5) ? `/${this.nodeTest('child')}` : ''] };
  }

  expr(depth: number): Gen {
    const roll = this.rnd();
    if (depth <= 0 || roll < 0.3) return this.path(Math.max(depth, 1));
    if (roll < 0.55) {
      // node-set, string, number or boolean against each other, in both orders
      const left = this.operand(depth - 1);
      const right = this.chance(0.3) ? { kind: 'expr' as const, parts: [this.pick(['true()', 'false()'])] } : this.operand(depth - 1);
      const [a, b] = this.chance(0.5) ? [left, right] : [right, left];
      return { kind: 'expr', parts: [a, ` ${this.pick(COMPARISONS)} `, b] };
    }
    if (roll < 0.65) return { kind: 'expr', parts: [this.expr(depth - 1), ` ${this.pick(['and', 'or'])} `, this.expr(depth - 1)] };
    if (roll < 0.8) return this.call(depth);
    if (roll < 0.87) return { kind: 'expr', parts: [this.path(depth), ' | ', this.path(depth)] };
    if (roll < 0.93) return this.operand(depth);
    return this.chance(0.5) ? this.literal() : this.number();
  }
}
