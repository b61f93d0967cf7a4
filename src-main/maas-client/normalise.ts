// Server JSON → the console's shapes. API 1.0 and 2.0 name things differently; the rest of
// the console sees one NodeSummary.
import type { EventPage, EventPaging, EventQuery, MaasEvent, NodeSummary, TagInfo, ZoneInfo } from '../../src-shared/maas/maas-types';
import type { ApiVersion } from '../../src-shared/maas/maas-types';
import { displayStatus } from '../../src-shared/maas/node-status';
import { uniqueMacs } from '../../src-shared/maas/mac';

// API 1.0 sends status numbers only; their display names come from src-shared/maas.
export const statusName = (s: number): string => displayStatus(s);

type Json = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);
const nameOf = (v: unknown): string | null =>
  typeof v === 'string' ? v : v && typeof v === 'object' && 'name' in v ? str((v as Json).name) : null;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
// Every interface's MAC, each once: a VLAN, bond or bridge repeats its parent's.
const macsOf = (list: unknown): string[] =>
  Array.isArray(list) ? uniqueMacs(list.map((m) => str((m as Json)?.mac_address)).filter(Boolean)) : [];

export function toNodeSummary(n: Json, api: ApiVersion): NodeSummary {
  // API 1.0 folds states 6 and 9–15 into `status` 6; the true state is `substatus`.
  // API 2.0's `status` is the real one, with `status_name`.
  const status = api === '1.0' && typeof n.substatus === 'number' ? n.substatus : num(n.status);
  const name = api === '2.0' && typeof n.status_name === 'string' ? n.status_name : statusName(status);
  const macs = api === '1.0' ? macsOf(n.macaddress_set) : macsOf(n.interface_set);
  return {
    systemId: str(n.system_id),
    hostname: str(n.hostname),
    status,
    statusName: name,
    owner: n.owner ? str(n.owner) : null,
    zone: nameOf(n.zone),
    pool: nameOf(n.pool),
    architecture: str(n.architecture),
    cpuCount: num(n.cpu_count),
    memory: num(n.memory),
    storage: num(n.storage),
    powerState: str(n.power_state) || 'unknown',
    powerType: str(n.power_type),
    tags: strings(n.tag_names),
    macAddresses: macs.length ? macs : macsOf(n.boot_interface ? [n.boot_interface] : []),
    ipAddresses: strings(n.ip_addresses),
    osystem: str(n.osystem),
    distroSeries: str(n.distro_series),
    ...(n.locked === true ? { locked: true } : {}),
  };
}

export const toTag = (t: Json): TagInfo => ({
  name: str(t.name), definition: str(t.definition), comment: str(t.comment),
  kernelOpts: t.kernel_opts ? str(t.kernel_opts) : null,
});

export const toZone = (z: Json): ZoneInfo => ({ name: str(z.name), description: str(z.description) });

export const toEvent = (e: Json): MaasEvent => ({
  id: num(e.id), systemId: str(e.node), hostname: str(e.hostname), level: str(e.level),
  created: str(e.created), type: str(e.type), description: str(e.description),
});

/** A next_uri / prev_uri read back into a query: its paging parameters on top of the filters asked. */
export function queryFromUri(uri: unknown, base: EventQuery): EventQuery | null {
  if (typeof uri !== 'string' || !uri) return null;
  let q: URLSearchParams;
  try { q = new URL(uri, 'http://x/').searchParams; } catch { return null; }
  const int = (k: string) => {
    const v = Number(q.get(k));
    return q.has(k) && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
  };
  const out: EventQuery = { ...base };
  const before = int('before'), after = int('after'), limit = int('limit');
  if (before !== undefined) out.before = before;
  if (after !== undefined) out.after = after;
  if (limit !== undefined) out.limit = limit;
  return out;
}

/**
 * MAAS 2.x/3.x links the older page with `before=` (or gives none: nothing older); MAAS 1.8's
 * older link is an `after=` window. The embedded region links as MAAS 2.x does.
 */
const pagingOf = (prevUri: unknown): EventPaging =>
  typeof prevUri === 'string' && /[?&]after=/.test(prevUri) && !/[?&]before=/.test(prevUri) ? 'window' : 'cursor';

export function toEventPage(body: Json, asked: EventQuery): EventPage {
  const events = Array.isArray(body.events) ? body.events.map((e) => toEvent(e as Json)) : [];
  const { before: _b, after: _a, ...filters } = asked;
  return {
    count: typeof body.count === 'number' ? body.count : events.length,
    events,
    newer: queryFromUri(body.next_uri, filters),
    older: queryFromUri(body.prev_uri, filters),
    paging: pagingOf(body.prev_uri),
  };
}
