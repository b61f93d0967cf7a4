// Request parameters as Django's QueryDict gave them to MAAS: every name may repeat
// (`mac_addresses=a&mac_addresses=b` is a list), `get` returns the last value.
import { badRequest } from './errors';

export interface ParamValue {
  text: string;
  /** The bytes as received (multipart file parts keep theirs exactly). */
  bytes: Buffer;
  filename?: string;
}

export class Params {
  readonly #m = new Map<string, ParamValue[]>();

  add(name: string, v: ParamValue): void {
    const list = this.#m.get(name);
    if (list) list.push(v);
    else this.#m.set(name, [v]);
  }

  addText(name: string, text: string): void {
    this.add(name, { text, bytes: Buffer.from(text, 'utf8') });
  }

  static fromSearch(search: URLSearchParams): Params {
    const p = new Params();
    for (const [k, v] of search) p.addText(k, v);
    return p;
  }

  has(name: string): boolean {
    return this.#m.has(name);
  }

  names(): string[] {
    return [...this.#m.keys()];
  }

  get(name: string): string | undefined {
    return this.#m.get(name)?.at(-1)?.text;
  }

  all(name: string): string[] {
    return (this.#m.get(name) ?? []).map((v) => v.text);
  }

  values(name: string): ParamValue[] {
    return this.#m.get(name) ?? [];
  }

  required(name: string): string {
    const v = this.get(name);
    if (v === undefined || v === '') throw badRequest(`No provided ${name}!`);
    return v;
  }

  /** An optional integer; `what` names it in the 400. */
  int(name: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const v = this.get(name);
    if (v === undefined || v === '') return undefined;
    if (!/^-?\d+$/.test(v.trim())) throw badRequest(`${name}: "${clip(v)}" is not an integer.`);
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw badRequest(`${name}: ${clip(v)} is out of range.`);
    if (opts.min !== undefined && n < opts.min) throw badRequest(`${name} must be at least ${opts.min}.`);
    if (opts.max !== undefined && n > opts.max) throw badRequest(`${name} must be at most ${opts.max}.`);
    return n;
  }

  /** An optional number (floats allowed). */
  number(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined || v === '') return undefined;
    const n = Number(v.trim());
    if (!Number.isFinite(n)) throw badRequest(`${name}: "${clip(v)}" is not a number.`);
    return n;
  }

  /** Django's BooleanField reading: "true", "1", "on", "yes" are true; "false", "0", "" false. */
  bool(name: string): boolean | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    const t = v.trim().toLowerCase();
    if (['true', '1', 'on', 'yes'].includes(t)) return true;
    if (['false', '0', '', 'off', 'no'].includes(t)) return false;
    throw badRequest(`${name}: "${clip(v)}" is not a boolean (use true or false).`);
  }
}

/** Quote user input in a message without echoing a megabyte back. */
export const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n)}…` : s);
