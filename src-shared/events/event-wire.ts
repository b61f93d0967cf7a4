// A compact form of a run of events for the trip from main to the window: each distinct
// string once (node ids, hostnames, levels and types repeat across thousands of events), and
// each event as eight numbers. Reading a whole history moves 100,000 events; as objects that
// is ~24 MB of JSON over the browser host's WebSocket, which the window spends more time
// taking in than main and the region spend reading it. Packed, about half.
import type { LoggedEvent } from '../contract/events';

export interface PackedEvents {
  strings: string[];
  /** Per event: id, at (null when unreadable), then indexes into `strings` of systemId, hostname, level, created, type, description. */
  rows: (number | null)[];
}

const WIDTH = 8;

export function packEvents(events: readonly LoggedEvent[]): PackedEvents {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string) => {
    let i = index.get(s);
    if (i === undefined) { i = strings.length; strings.push(s); index.set(s, i); }
    return i;
  };
  const rows = new Array<number | null>(events.length * WIDTH);
  let k = 0;
  for (const e of events) {
    rows[k++] = e.id; rows[k++] = e.at;
    rows[k++] = ref(e.systemId); rows[k++] = ref(e.hostname); rows[k++] = ref(e.level);
    rows[k++] = ref(e.created); rows[k++] = ref(e.type); rows[k++] = ref(e.description);
  }
  return { strings, rows };
}

/** The events again; throws on a packing that does not add up (it only ever comes from packEvents). */
export function unpackEvents(p: PackedEvents): LoggedEvent[] {
  if (p.rows.length % WIDTH !== 0) throw new Error(`packed events: ${p.rows.length} numbers is not a whole number of events`);
  const s = (i: number | null) => {
    const v = i === null ? undefined : p.strings[i];
    if (v === undefined) throw new Error(`packed events: no string ${i}`);
    return v;
  };
  const out = new Array<LoggedEvent>(p.rows.length / WIDTH);
  for (let n = 0, k = 0; n < out.length; n++, k += WIDTH) {
    const r = p.rows;
    out[n] = { id: r[k] as number, systemId: s(r[k + 2]), hostname: s(r[k + 3]), level: s(r[k + 4]), created: s(r[k + 5]), type: s(r[k + 6]), description: s(r[k + 7]), at: r[k + 1] };
  }
  return out;
}
