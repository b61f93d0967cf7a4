// The XPath 1.0 lexer (W3C XPath 1.0 §3.7) for the fast path: `*` and operator names are
// told apart by what precedes them; anything it does not know throws Unsupported.
import { Unsupported, type Axis } from './ast';

export type Token =
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

