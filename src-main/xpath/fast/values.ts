// XPath 1.0 values and conversions (§3.4 comparisons, §4 core functions' conversions),
// with libxml2's behaviour where XPath leaves room. Conversions we do not reproduce
// bit for bit (number → string formatting; string → number for anything but plain
// integers and obvious non-numbers) throw NeedsExact or are refused at compile time.
import { CompositeTree, NeedsExact } from './tree';

export type ValueType = 'nodeset' | 'string' | 'number' | 'boolean';
export type Value = number[] | string | number | boolean;

const INTEGER = /^[ \t\n\r]*-?[0-9]{1,15}[ \t\n\r]*$/;
const NOT_A_NUMBER_START = /^[ \t\n\r]*[^ \t\n\r0-9.-]/;
const BLANK = /^[ \t\n\r]*$/;
const LONE_MINUS = /^[ \t\n\r]*-[ \t\n\r]*$/;

/**
 * XPath number() of a string, as libxml2's xmlXPathStringEvalNumber: plain integers
 * (exact in a double), and NaN for the empty string and anything that cannot start a
 * number; everything else (decimals, exponents, huge integers) goes to the exact path.
 */
export function stringToNumber(s: string): number {
  if (INTEGER.test(s)) return Number(s);
  // A lone minus sign is -0 in libxml2 2.9 (MAAS's lxml); libxml2 2.15 (our WASM) says NaN.
  if (LONE_MINUS.test(s)) return -0;
  if (BLANK.test(s) || NOT_A_NUMBER_START.test(s)) return NaN;
  throw NeedsExact.instance;
}

const numberCache = new WeakMap<CompositeTree, Map<number, number>>();

/** number() of a stored string, cached per string id. */
export function stringIdToNumber(view: CompositeTree, id: number): number {
  let cache = numberCache.get(view);
  if (cache === undefined) {
    cache = new Map();
    numberCache.set(view, cache);
  }
  let n = cache.get(id);
  if (n === undefined) {
    n = stringToNumber(view.t.strings.values[id]);
    cache.set(id, n);
  }
  return n;
}

export function toBoolean(type: ValueType, v: Value): boolean {
  switch (type) {
    case 'boolean':
      return v as boolean;
    case 'number':
      return (v as number) !== 0 && !Number.isNaN(v);
    case 'string':
      return (v as string).length > 0;
    default:
      return (v as number[]).length > 0;
  }
}

export function toNumber(view: CompositeTree, type: ValueType, v: Value): number {
  switch (type) {
    case 'number':
      return v as number;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return stringToNumber(v as string);
    default: {
      const nodes = v as number[];
      return nodes.length === 0 ? NaN : stringIdToNumber(view, view.stringId(nodes[0]));
    }
  }
}

/** string() of a value; numbers are refused at compile time (see functions.ts). */
export function toStringValue(view: CompositeTree, type: ValueType, v: Value): string {
  switch (type) {
    case 'string':
      return v as string;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'nodeset': {
      const nodes = v as number[];
      return nodes.length === 0 ? '' : view.stringValue(nodes[0]);
    }
    default:
      throw NeedsExact.instance;
  }
}

export function compareNumbers(op: string, a: number, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

const FLIP: Record<string, string> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** XPath 1.0 §3.4 comparison of two values. */
export function compare(view: CompositeTree, op: string, lt: ValueType, lv: Value, rt: ValueType, rv: Value): boolean {
  const equality = op === '=' || op === '!=';
  if (lt === 'nodeset' && rt === 'nodeset') {
    const left = lv as number[];
    const right = rv as number[];
    if (left.length === 0 || right.length === 0) return false;
    if (equality) {
      const rightIds = right.map((n) => view.stringId(n));
      for (const l of left) {
        const id = view.stringId(l);
        for (const r of rightIds) if ((id === r) === (op === '=')) return true;
      }
      return false;
    }
    const rightNumbers = right.map((n) => stringIdToNumber(view, view.stringId(n)));
    for (const l of left) {
      const a = stringIdToNumber(view, view.stringId(l));
      for (const b of rightNumbers) if (compareNumbers(op, a, b)) return true;
    }
    return false;
  }
  if (rt === 'nodeset') return compare(view, FLIP[op], rt, rv, lt, lv);
  if (lt === 'nodeset') {
    const nodes = lv as number[];
    if (rt === 'boolean') return compareScalars(op, 'boolean', nodes.length > 0, 'boolean', rv);
    if (rt === 'number' || !equality) {
      const b = toNumber(view, rt, rv);
      for (const n of nodes) if (compareNumbers(op, stringIdToNumber(view, view.stringId(n)), b)) return true;
      return false;
    }
    // node-set = string: compare string-values (interned: equal strings have equal ids)
    const s = rv as string;
    const id = view.t.strings.lookup(s);
    for (const n of nodes) if ((view.stringId(n) === id) === (op === '=')) return true;
    return false;
  }
  return compareScalars(op, lt, lv, rt, rv, view);
}

function compareScalars(op: string, lt: ValueType, lv: Value, rt: ValueType, rv: Value, view?: CompositeTree): boolean {
  if (op === '=' || op === '!=') {
    let equal: boolean;
    if (lt === 'boolean' || rt === 'boolean') equal = toBoolean(lt, lv) === toBoolean(rt, rv);
    else if (lt === 'number' || rt === 'number') {
      equal = toNumber(view as CompositeTree, lt, lv) === toNumber(view as CompositeTree, rt, rv);
    } else equal = lv === rv;
    return op === '=' ? equal : !equal;
  }
  return compareNumbers(op, toNumber(view as CompositeTree, lt, lv), toNumber(view as CompositeTree, rt, rv));
}
