// The inventory's search language, modelled on maas-ui's (store/machine/utils/search.ts):
//   status:new zone:rack-12 tag:ssd !tag:gpu status:(new,ready) tag:!gpu cpu:>=8 mem:>=32G
//   hostname:=node-1 hostname:r13* "free text" 52:54:00 server:lab (the fleet view)
// Words without a known `field:` are free text, matched as substrings of hostname, system
// id, MACs (any separator style) and tags. Terms AND together, except repeated positive
// terms on a single-valued field (status, zone, …), which OR, as maas-ui merges them: two
// statuses can never both hold. Repeated tags AND (a node has many). `!` excludes.
import { NodeStatus, nodeStatusDisplay } from '../maas/index';
import { bareMac, keyOf, type IndexedNode } from './node-index';

/** Every spelling key of a MAAS status ("failedcommissioning", "ready"…), to catch typos. */
const knownStatusKeys = new Set([...Object.keys(NodeStatus), ...Object.values(nodeStatusDisplay)].map(keyOf));

const textFields = ['status', 'zone', 'pool', 'owner', 'arch', 'power', 'powertype', 'tag', 'hostname', 'id', 'mac', 'os', 'server'] as const;
const numberFields = ['cpu', 'mem', 'storage'] as const;
export type FilterField = (typeof textFields)[number] | (typeof numberFields)[number];

/** Other spellings people type (MAAS API parameter names among them). */
const aliases: Record<string, FilterField> = {
  tags: 'tag', system_id: 'id', systemid: 'id', mac_address: 'mac', macs: 'mac', architecture: 'arch',
  power_state: 'power', power_type: 'powertype', cpus: 'cpu', cpu_count: 'cpu', cores: 'cpu',
  memory: 'mem', ram: 'mem', disk: 'storage', host: 'hostname', name: 'hostname', release: 'os', connection: 'server',
};
const fieldOf = (key: string): FilterField | undefined => {
  const k = key.toLowerCase();
  return (textFields as readonly string[]).includes(k) || (numberFields as readonly string[]).includes(k)
    ? (k as FilterField) : aliases[k];
};
/** Fields holding one value per node: repeated positive terms on them are alternatives. */
export const singleValued: ReadonlySet<FilterField> = new Set<FilterField>(['status', 'zone', 'pool', 'owner', 'arch', 'power', 'powertype', 'hostname', 'id', 'os', 'server', 'cpu', 'mem', 'storage']);

export type FilterTerm =
  | { kind: 'field'; field: FilterField; values: string[]; negate: boolean; exact: boolean }
  | { kind: 'text'; text: string; negate: boolean };

export interface ParsedFilter {
  terms: FilterTerm[];
  /** What could not be understood, said for the technician (the rest still applies). */
  problems: string[];
}

/** Splits on spaces outside quotes and parentheses. */
export function tokenize(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = false;
  let depth = 0;
  for (const ch of input) {
    if (ch === '"') quote = !quote;
    else if (!quote && ch === '(') depth++;
    else if (!quote && ch === ')') depth = Math.max(0, depth - 1);
    if (!quote && depth === 0 && /\s/.test(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

const unquote = (s: string) => s.replace(/^"|"$/g, '');
const looksLikeMac = (s: string) => /^[0-9a-f]{1,2}(:[0-9a-f]{0,2})+$/i.test(s);

export function parseFilter(input: string): ParsedFilter {
  const terms: FilterTerm[] = [];
  const problems: string[] = [];
  for (const raw of tokenize(input.slice(0, 2000))) {
    let tok = raw;
    let negate = false;
    if (tok.startsWith('!') && tok.length > 1) { negate = true; tok = tok.slice(1); }
    const colon = tok.indexOf(':');
    const key = colon > 0 ? tok.slice(0, colon) : '';
    const field = /^[a-z_]+$/i.test(key) && !looksLikeMac(tok) ? fieldOf(key) : undefined;
    if (!field) {
      if (/^[a-z_]+$/i.test(key) && !looksLikeMac(tok)) problems.push(`No filter called "${key}:"; searched as text.`);
      const text = unquote(tok).toLowerCase();
      if (text) terms.push({ kind: 'text', text, negate });
      continue;
    }
    let rest = tok.slice(colon + 1);
    if (rest.startsWith('!')) { negate = !negate; rest = rest.slice(1); }
    const exact = rest.startsWith('=');
    if (exact) rest = rest.slice(1);
    const list = /^\((.*)\)?$/s.exec(rest);
    const values = (list ? list[1].replace(/\)$/, '').split(',') : [rest]).map((v) => unquote(v.trim()).toLowerCase()).filter(Boolean);
    if (values.length === 0) { problems.push(`"${key}:" needs a value.`); continue; }
    if ((numberFields as readonly string[]).includes(field)) {
      const bad = values.filter((v) => parseComparison(v, field) === null);
      if (bad.length) { problems.push(`"${key}:${bad[0]}" is not a number (try ${key}:>=8${field === 'cpu' ? '' : 'G'}).`); continue; }
    }
    if (field === 'status') {
      const unknown = values.find((v) => !v.includes('*') && !/^\d+$/.test(v) && !knownStatusKeys.has(keyOf(v)));
      if (unknown) problems.push(`No status called "${unknown}" (e.g. new, ready, deployed, broken, failed_commissioning).`);
    }
    terms.push({ kind: 'field', field, values, negate, exact });
  }
  return { terms, problems };
}

interface Comparison { op: '<' | '<=' | '>' | '>=' | '='; value: number }
const unitFactor: Partial<Record<FilterField, Record<string, number>>> = {
  // MAAS reports memory in MiB and storage in MB (api/nodes.py); bare numbers are in those units.
  mem: { '': 1, m: 1, mb: 1, mib: 1, g: 1024, gb: 1024, gib: 1024, t: 1024 * 1024, tb: 1024 * 1024, tib: 1024 * 1024 },
  storage: { '': 1, m: 1, mb: 1, g: 1000, gb: 1000, gib: 1073.741824, t: 1e6, tb: 1e6, tib: 1099511.627776 },
  cpu: { '': 1 },
};

export function parseComparison(text: string, field: FilterField): Comparison | null {
  const m = /^(<=|>=|<|>|=)?\s*(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(text);
  const factor = m ? unitFactor[field]?.[m[3]] : undefined;
  if (!m || factor === undefined) return null;
  return { op: (m[1] ?? '=') as Comparison['op'], value: Number(m[2]) * factor };
}

type Test = (e: IndexedNode) => boolean;

/**
 * `*` in a value is a wildcard over the whole value, on every field and in free text:
 * `hostname:r13*` is "starts with r13", `*-gpu` "ends with -gpu". `norm` puts the pattern's
 * literal parts in the field's own spelling (bare hex for MACs, status keys for statuses).
 */
function globTest(value: string, norm: (s: string) => string = (s) => s): (s: string) => boolean {
  if (!value.includes('*')) { const v = norm(value); return (s) => s === v; }
  const re = new RegExp(`^${value.split('*').map((p) => norm(p).replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (s) => re.test(s);
}
const hasWildcard = (v: string) => v.includes('*');

function valueTest(field: FilterField, value: string, exact: boolean): Test {
  const same = globTest(value);
  // Without `=` or a wildcard, these fields match a part of the value (as maas-ui does).
  const partly = (get: (e: IndexedNode) => string): Test =>
    exact || hasWildcard(value) ? (e) => same(get(e)) : (e) => get(e).includes(value);
  switch (field) {
    case 'status': {
      const key = keyOf(value);
      const num = /^\d+$/.test(value) ? Number(value) : NaN;
      const pattern = globTest(value, keyOf);
      return hasWildcard(value) ? (e) => pattern(e.statusKey) : (e) => e.statusKey === key || e.node.status === num;
    }
    case 'zone': return (e) => same(e.zone);
    case 'pool': return (e) => same(e.pool);
    case 'owner': return (e) => same(e.owner);
    case 'power': return (e) => same(e.power);
    case 'powertype': return (e) => same(e.powerType);
    case 'arch': return (e) => same(e.arch) || same(e.arch.split('/')[0]);
    case 'tag': return (e) => e.tags.some(same);
    case 'hostname': return partly((e) => e.hostname);
    case 'id': return partly((e) => e.systemId);
    case 'os': return partly((e) => e.os);
    case 'server': return partly((e) => e.server);
    case 'mac': {
      if (hasWildcard(value)) { const pattern = globTest(value, bareMac); return (e) => e.macs.some(pattern); }
      const hex = bareMac(value);
      return exact ? (e) => e.macs.includes(hex) : (e) => e.macs.some((m) => m.includes(hex));
    }
    case 'cpu': case 'mem': case 'storage': {
      const c = parseComparison(value, field)!;
      const of = (e: IndexedNode) => (field === 'cpu' ? e.node.cpuCount : field === 'mem' ? e.node.memory : e.node.storage);
      const cmp = { '<': (a: number) => a < c.value, '<=': (a: number) => a <= c.value, '>': (a: number) => a > c.value,
        '>=': (a: number) => a >= c.value, '=': (a: number) => a === c.value }[c.op];
      return (e) => cmp(of(e));
    }
  }
}

/** Free text: a part of hostname, system id, a MAC or a tag; with `*`, a pattern over one of them. */
function textTest(text: string): Test {
  if (!hasWildcard(text)) return (e) => e.hay.includes(text);
  const whole = globTest(text);
  const mac = globTest(text, bareMac);
  return (e) => whole(e.hostname) || whole(e.systemId) || e.tags.some(whole) || e.macs.some(mac);
}

const anyOf = (tests: Test[]): Test => (tests.length === 1 ? tests[0] : (e) => tests.some((t) => t(e)));

/** A predicate for the parsed filter; the empty filter matches everything. */
export function compileFilter(parsed: ParsedFilter): Test {
  const all: Test[] = [];
  const alternatives = new Map<FilterField, Test[]>();
  for (const t of parsed.terms) {
    const test: Test = t.kind === 'text'
      ? textTest(t.text)
      : anyOf(t.values.map((v) => valueTest(t.field, v, t.exact)));
    if (t.negate) all.push((e) => !test(e));
    else if (t.kind === 'field' && singleValued.has(t.field)) alternatives.set(t.field, [...(alternatives.get(t.field) ?? []), test]);
    else all.push(test);
  }
  for (const tests of alternatives.values()) all.push(anyOf(tests));
  if (all.length === 0) return () => true;
  if (all.length === 1) return all[0];
  return (e) => all.every((t) => t(e));
}

/** Parse and compile in one step. */
export const nodeFilter = (input: string): { test: Test; problems: string[]; parsed: ParsedFilter } => {
  const parsed = parseFilter(input);
  return { test: compileFilter(parsed), problems: parsed.problems, parsed };
};
