// The XPath 1.0 core function library (§4) over the composite view. Functions not here
// (id, lang, substring, round, …) and number → string conversions are Unsupported: the
// definition then runs on libxml2.
import type { Compiled, Context } from './compiled';
import { Unsupported } from './parse';
import { CompositeTree, NeedsExact } from './tree';
import { stringIdToNumber, toBoolean, toNumber, toStringValue, type Value } from './values';

type Fn = (ctx: Context) => Value;

function arity(name: string, args: Compiled[], min: number, max: number): void {
  if (args.length < min || args.length > max) throw new Unsupported(`${name}() with ${args.length} arguments`);
}

function stringArg(view: CompositeTree, arg: Compiled): (ctx: Context) => string {
  if (arg.type === 'number') throw new Unsupported('number to string conversion');
  return (ctx) => toStringValue(view, arg.type, arg.fn(ctx));
}

/** The argument, or the context node as a node-set when it is omitted. */
function nodeOrContext(args: Compiled[]): (ctx: Context) => number[] {
  if (args.length === 0) return (ctx) => [ctx.node];
  if (args[0].type !== 'nodeset') throw new Unsupported('node-set function on a non-node-set');
  return args[0].fn as (ctx: Context) => number[];
}

function stringOrContext(view: CompositeTree, args: Compiled[]): (ctx: Context) => string {
  if (args.length === 0) return (ctx) => view.stringValue(ctx.node);
  return stringArg(view, args[0]);
}

const isXmlSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function normalizeSpace(s: string): string {
  let out = '';
  let pendingSpace = false;
  for (const c of s) {
    if (isXmlSpace(c)) pendingSpace = out.length > 0;
    else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += c;
    }
  }
  return out;
}

export function translate(s: string, from: string, to: string): string {
  const fromChars = [...from];
  const toChars = [...to];
  const map = new Map<string, string | null>();
  fromChars.forEach((c, i) => {
    if (!map.has(c)) map.set(c, i < toChars.length ? toChars[i] : null);
  });
  let out = '';
  for (const c of s) {
    const mapped = map.get(c);
    if (mapped === undefined) out += c;
    else if (mapped !== null) out += mapped;
  }
  return out;
}

export function compileFunction(view: CompositeTree, name: string, args: Compiled[]): Compiled {
  const typed = (type: Compiled['type'], fn: Fn): Compiled => ({ type, fn });
  switch (name) {
    case 'last':
      arity(name, args, 0, 0);
      return typed('number', (ctx) => ctx.size);
    case 'position':
      arity(name, args, 0, 0);
      return typed('number', (ctx) => ctx.pos);
    case 'count': {
      arity(name, args, 1, 1);
      const nodes = nodeOrContext(args);
      return typed('number', (ctx) => nodes(ctx).length);
    }
    case 'sum': {
      arity(name, args, 1, 1);
      const nodes = nodeOrContext(args);
      return typed('number', (ctx) => {
        let total = 0;
        for (const n of nodes(ctx)) total += stringIdToNumber(view, view.stringId(n));
        return total;
      });
    }
    case 'not':
    case 'boolean': {
      arity(name, args, 1, 1);
      const [a] = args;
      return name === 'not'
        ? typed('boolean', (ctx) => !toBoolean(a.type, a.fn(ctx)))
        : typed('boolean', (ctx) => toBoolean(a.type, a.fn(ctx)));
    }
    case 'true':
    case 'false':
      arity(name, args, 0, 0);
      return typed('boolean', () => name === 'true');
    case 'number': {
      arity(name, args, 0, 1);
      if (args.length === 0) return typed('number', (ctx) => toNumber(view, 'nodeset', [ctx.node]));
      const [a] = args;
      return typed('number', (ctx) => toNumber(view, a.type, a.fn(ctx)));
    }
    case 'floor':
    case 'ceiling': {
      arity(name, args, 1, 1);
      const [a] = args;
      const op = name === 'floor' ? Math.floor : Math.ceil;
      return typed('number', (ctx) => op(toNumber(view, a.type, a.fn(ctx))));
    }
    case 'string': {
      arity(name, args, 0, 1);
      const s = stringOrContext(view, args);
      return typed('string', s);
    }
    case 'concat': {
      if (args.length < 2) throw new Unsupported('concat() with fewer than 2 arguments');
      const parts = args.map((a) => stringArg(view, a));
      return typed('string', (ctx) => parts.map((p) => p(ctx)).join(''));
    }
    case 'starts-with':
    case 'contains':
    case 'substring-before':
    case 'substring-after': {
      arity(name, args, 2, 2);
      const a = stringArg(view, args[0]);
      const b = stringArg(view, args[1]);
      if (name === 'starts-with') return typed('boolean', (ctx) => a(ctx).startsWith(b(ctx)));
      if (name === 'contains') return typed('boolean', (ctx) => a(ctx).includes(b(ctx)));
      if (name === 'substring-before') {
        return typed('string', (ctx) => {
          const s = a(ctx);
          const at = s.indexOf(b(ctx));
          return at < 0 ? '' : s.slice(0, at);
        });
      }
      return typed('string', (ctx) => {
        const s = a(ctx);
        const t = b(ctx);
        const at = s.indexOf(t);
        return at < 0 ? '' : s.slice(at + t.length);
      });
    }
    case 'string-length': {
      arity(name, args, 0, 1);
      const s = stringOrContext(view, args);
      return typed('number', (ctx) => {
        let n = 0;
        for (const _ of s(ctx)) n++; // code points, as libxml2 counts UTF-8 characters
        return n;
      });
    }
    case 'normalize-space': {
      arity(name, args, 0, 1);
      const s = stringOrContext(view, args);
      return typed('string', (ctx) => normalizeSpace(s(ctx)));
    }
    case 'translate': {
      arity(name, args, 3, 3);
      const [s, from, to] = args.map((a) => stringArg(view, a));
      return typed('string', (ctx) => translate(s(ctx), from(ctx), to(ctx)));
    }
    case 'name':
    case 'local-name':
    case 'namespace-uri': {
      arity(name, args, 0, 1);
      const nodes = nodeOrContext(args);
      return typed('string', (ctx) => {
        const list = nodes(ctx);
        if (list.length === 0) return '';
        const parts = view.nameParts(list[0]);
        if (name === 'local-name') return parts.local;
        if (name === 'namespace-uri') return parts.uri;
        return parts.prefix === '' ? parts.local : `${parts.prefix}:${parts.local}`;
      });
    }
    default:
      throw new Unsupported(`function ${name}()`);
  }
}

export { NeedsExact };
