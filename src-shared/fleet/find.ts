// Find anywhere: one box that finds a MAC, serial, system ID, hostname or IP on every server
// and in every snapshot as the technician types (or a scanner "types"). The values are
// prepared once when the fleet changes; a keystroke is one substring search per field over
// them, best hits first: the whole value, then its start, then a part of it.
export type FindField = 'mac' | 'serial' | 'systemId' | 'hostname' | 'ip';

export interface FindRecord {
  connectionId: string;
  server: string;
  systemId: string;
  hostname: string;
  macs: readonly string[];
  ips: readonly string[];
  /** The machine's serial and its disks' (from lshw the console has kept), when known. */
  serials: readonly string[];
  /** When the record was read from a server that is now out of reach (a snapshot); else null. */
  asOf: string | null;
}

export interface FindHit {
  connectionId: string;
  server: string;
  systemId: string;
  hostname: string;
  field: FindField;
  /** The value as the server wrote it. */
  value: string;
  asOf: string | null;
}

const FIELDS: readonly FindField[] = ['systemId', 'hostname', 'mac', 'ip', 'serial'];

/** Bare lower-case hex of a MAC: "52:54:00:A1:B2:C3", "5254.00a1.b2c3" → "525400a1b2c3". */
const bareHex = (s: string) => s.toLowerCase().replace(/[^0-9a-f]/g, '');
const lower = (s: string) => s.trim().toLowerCase();
/** Digit runs padded, so a plain comparison puts node-2 before node-10 (no collator per compare). */
const naturalKey = (s: string) => s.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'));

/**
 * Every value of one field, lower-cased (MACs as bare hex), in one '\n'-separated string: a
 * keystroke is one `indexOf` pass over it, which engines run at memory speed, instead of a
 * test per value. `starts[k]` is where value k begins, `owner[k]` the record it belongs to.
 */
interface Column { hay: string; starts: Int32Array; owner: Int32Array; values: string[] }

function column(records: readonly FindRecord[], valuesOf: (r: FindRecord) => readonly string[], keyOf: (v: string) => string): Column {
  const parts: string[] = [];
  const starts: number[] = [];
  const owner: number[] = [];
  const values: string[] = [];
  let at = 1;
  records.forEach((r, i) => {
    for (const v of valuesOf(r)) {
      const key = keyOf(v);
      if (!key) continue;
      parts.push(key);
      starts.push(at);
      owner.push(i);
      values.push(v);
      at += key.length + 1;
    }
  });
  return { hay: `\n${parts.join('\n')}\n`, starts: Int32Array.from(starts), owner: Int32Array.from(owner), values };
}

/** The value whose text holds position `pos` (the last start at or before it). */
function valueAt(c: Column, pos: number): number {
  let lo = 0, hi = c.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.starts[mid] <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

export class FindIndex {
  readonly #records: FindRecord[];
  readonly #columns: Record<FindField, Column>;

  constructor(records: Iterable<FindRecord>) {
    // In hostname order once, so each score's hits come out in that order with no sort per keystroke.
    this.#records = Array.from(records, (r) => ({ r, k: `${naturalKey(r.hostname)}\u0000${r.server.toLowerCase()}` }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.r);
    const rs = this.#records;
    this.#columns = {
      systemId: column(rs, (r) => [r.systemId], lower),
      hostname: column(rs, (r) => [r.hostname], lower),
      mac: column(rs, (r) => r.macs, bareHex),
      ip: column(rs, (r) => r.ips, lower),
      serial: column(rs, (r) => r.serials, lower),
    };
  }

  get size(): number { return this.#records.length; }

  /**
   * The best `limit` hits for `text` (at least two characters): one hit per node, on its
   * best-matching value; whole matches before starts before parts, then by hostname.
   */
  find(text: string, limit = 20): FindHit[] {
    const t = lower(text).slice(0, 200);
    if (t.length < 2 || t.includes('\n')) return [];
    // A MAC is compared as bare hex whatever separators either side used; only from 4 hex
    // digits on, or "ab" would find every MAC with an "ab" in it.
    const hex = /^[0-9a-f:.\-\s]+$/.test(t) ? bareHex(t) : '';
    // Per record: its best score (3 whole value, 2 start, 1 part) and which value gave it.
    const best = new Uint8Array(this.#records.length);
    const from = new Map<number, { field: FindField; value: string }>();
    for (const field of FIELDS) {
      const needle = field === 'mac' ? (hex.length >= 4 ? hex : '') : t;
      if (!needle) continue;
      const c = this.#columns[field];
      for (let pos = c.hay.indexOf(needle); pos !== -1; pos = c.hay.indexOf(needle, pos + 1)) {
        const start = c.hay.charCodeAt(pos - 1) === 10;
        const score = start && c.hay.charCodeAt(pos + needle.length) === 10 ? 3 : start ? 2 : 1;
        const k = valueAt(c, pos);
        const i = c.owner[k];
        if (score > best[i]) { best[i] = score; from.set(i, { field, value: c.values[k] }); }
      }
    }
    const out: FindHit[] = [];
    for (let score = 3; score >= 1 && out.length < limit; score--) {
      for (let i = 0; i < best.length && out.length < limit; i++) {
        if (best[i] !== score) continue;
        const r = this.#records[i];
        const { field, value } = from.get(i)!;
        out.push({ connectionId: r.connectionId, server: r.server, systemId: r.systemId, hostname: r.hostname, field, value, asOf: r.asOf });
      }
    }
    return out;
  }
}
