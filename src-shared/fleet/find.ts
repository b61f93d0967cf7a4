// Find anywhere: one box that finds a MAC, serial, system ID, hostname or IP on every server
// and in every snapshot as the technician types (or a scanner "types"). Each record is
// prepared once when the fleet changes; a keystroke is one pass of plain string tests over
// prepared keys, best hits first: the whole value, then its start, then a part of it.
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

interface Key { field: FindField; value: string; key: string }
interface Prepared { record: FindRecord; keys: Key[] }

/** Bare lower-case hex of a MAC: "52:54:00:A1:B2:C3", "5254.00a1.b2c3" → "525400a1b2c3". */
const bareHex = (s: string) => s.toLowerCase().replace(/[^0-9a-f]/g, '');
const lower = (s: string) => s.trim().toLowerCase();

function prepare(r: FindRecord): Prepared {
  const keys: Key[] = [
    { field: 'systemId', value: r.systemId, key: lower(r.systemId) },
    { field: 'hostname', value: r.hostname, key: lower(r.hostname) },
    ...r.macs.map((m) => ({ field: 'mac' as const, value: m, key: bareHex(m) })),
    ...r.ips.map((ip) => ({ field: 'ip' as const, value: ip, key: lower(ip) })),
    ...r.serials.filter((s) => s.trim()).map((s) => ({ field: 'serial' as const, value: s, key: lower(s) })),
  ];
  return { record: r, keys };
}

/** How well `key` answers the typed text: 3 whole, 2 start, 1 part, 0 not at all. */
function score(k: Key, text: string, hex: string): number {
  // A MAC is compared as bare hex whatever separators either side used; only from 4 hex
  // digits on, or "ab" would find every MAC with an "ab" in it.
  const t = k.field === 'mac' ? (hex.length >= 4 ? hex : '') : text;
  if (!t) return 0;
  if (k.key === t) return 3;
  if (k.key.startsWith(t)) return 2;
  return k.key.includes(t) ? 1 : 0;
}

export class FindIndex {
  readonly #all: Prepared[];

  constructor(records: Iterable<FindRecord>) {
    // In hostname order once, so each score's hits come out in that order with no sort per keystroke.
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    this.#all = Array.from(records, prepare)
      .sort((a, b) => collator.compare(a.record.hostname, b.record.hostname) || collator.compare(a.record.server, b.record.server));
  }

  get size(): number { return this.#all.length; }

  /**
   * The best `limit` hits for `text` (at least two characters): one hit per node, on its
   * best-matching value; whole matches before starts before parts, then by hostname.
   */
  find(text: string, limit = 20): FindHit[] {
    const t = lower(text).slice(0, 200);
    if (t.length < 2) return [];
    const hex = /^[0-9a-f:.\-\s]+$/.test(t) ? bareHex(t) : '';
    // Hits by score (index 3 = whole value); a full list of whole matches ends the pass.
    const byScore: FindHit[][] = [[], [], [], []];
    for (const p of this.#all) {
      let best: Key | null = null;
      let bestScore = 0;
      for (const k of p.keys) {
        const s = score(k, t, hex);
        if (s > bestScore) { best = k; bestScore = s; if (s === 3) break; }
      }
      if (!best || byScore[bestScore].length >= limit) continue;
      const r = p.record;
      byScore[bestScore].push({ connectionId: r.connectionId, server: r.server, systemId: r.systemId, hostname: r.hostname, field: best.field, value: best.value, asOf: r.asOf });
      if (byScore[3].length >= limit) break;
    }
    return [...byScore[3], ...byScore[2], ...byScore[1]].slice(0, limit);
  }
}
