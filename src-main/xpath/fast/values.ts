// XPath 1.0 values and conversions (§3.4 comparisons, §4 core functions' conversions),
// with libxml2 2.9's behaviour where XPath leaves room. Number → string formatting is not
// reproduced: fast/subset.ts refuses it.
import { CompositeTree, NeedsExact } from './tree';

export type ValueType = 'nodeset' | 'string' | 'number' | 'boolean';
export type Value = number[] | string | number | boolean;

const POWERS = new Map<number, number>();

/** 10^n as C's pow(10.0, n): correctly rounded (exact up to 10^22), 0 and Infinity beyond range. */
function pow10(n: number): number {
  let p = POWERS.get(n);
  if (p === undefined) {
    p = Number(`1e${n}`);
    POWERS.set(n, p);
  }
  return p;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** Digits after the point that count (libxml2's MAX_FRAC), beyond leading zeros. */
const MAX_FRAC = 20;

/**
 * XPath number() of a string exactly as libxml2 2.9's xmlXPathStringEvalNumber (MAAS's
 * lxml), which is not XPath 1.0's rule: an exponent is accepted (`1e3`), a `-` with no
 * digits is -0 (`-`, ` - `, `-e`, `-E1`), the integer part is accumulated digit by digit
 * in a double (so huge integers round as libxml2 rounds them), at most 20 fraction
 * digits count after leading zeros (the libxml2 path runs 2.9 itself: vendor/libxml2-2.9).
 */
export function stringToNumber(s: string): number {
  const n = s.length;
  let i = 0;
  while (i < n && isBlank(s.charCodeAt(i))) i++;
  let c = s.charCodeAt(i);
  if (c !== 0x2e && !isDigit(c) && c !== 0x2d) return NaN;
  const negative = c === 0x2d;
  if (negative) c = s.charCodeAt(++i);
  let value = 0;
  let digits = false;
  while (isDigit(c)) {
    value = value * 10;
    value = value + (c - 0x30);
    digits = true;
    c = s.charCodeAt(++i);
  }
  if (c === 0x2e) {
    c = s.charCodeAt(++i);
    if (!isDigit(c) && !digits) return NaN;
    let frac = 0;
    while (c === 0x30) {
      frac++;
      c = s.charCodeAt(++i);
    }
    const max = frac + MAX_FRAC;
    let fraction = 0;
    while (isDigit(c) && frac < max) {
      fraction = fraction * 10 + (c - 0x30);
      frac++;
      c = s.charCodeAt(++i);
    }
    value += fraction / pow10(frac);
    while (isDigit(c)) c = s.charCodeAt(++i);
  }
  let exponent = 0;
  let negativeExponent = false;
  if (c === 0x65 || c === 0x45) {
    c = s.charCodeAt(++i);
    if (c === 0x2d || c === 0x2b) {
      negativeExponent = c === 0x2d;
      c = s.charCodeAt(++i);
    }
    while (isDigit(c)) {
      if (exponent < 1_000_000) exponent = exponent * 10 + (c - 0x30);
      c = s.charCodeAt(++i);
    }
  }
  while (i < n && isBlank(s.charCodeAt(i))) i++;
  if (i < n) return NaN;
  if (negative) value = -value;
  return value * pow10(negativeExponent ? -exponent : exponent);
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
