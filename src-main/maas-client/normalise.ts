// Server JSON → the console's shapes. API 1.0 and 2.0 name things differently; the rest of
// the console sees one NodeSummary.
import type { EventPage, EventQuery, MaasEvent, NodeSummary, TagInfo, ZoneInfo } from '../../src-shared/maas/maas-types';
import type { ApiVersion } from '../../src-shared/maas/maas-types';
import { displayStatus } from '../../src-shared/maas/node-status';

// API 1.0 sends status numbers only; their display names come from src-shared/maas.
export const statusName = (s: number): string => displayStatus(s);

type Json = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);
const nameOf = (v: unknown): string | null =>
  typeof v === 'string' ? v : v && typeof v === 'object' && 'name' in v ? str((v as Json).name) : null;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
const macsOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((m) => str((m as Json)?.mac_address)).filter(Boolean) : [];

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

/** next_uri / prev_uri carry the paging parameters; read them back into a query. */
export function queryFromUri(uri: unknown, base: EventQuery): EventQuery | null {
  if (typeof uri !== 'string' || !uri) return null;
  const q = new URL(uri, 'http://x/').searchParams;
  const int = (k: string) => (q.has(k) ? Number(q.get(k)) : undefined);
  const next: EventQuery = { ...base, before: int('before'), after: int('after') };
  if (q.has('limit')) next.limit = int('limit');
  if (next.before === undefined) delete next.before;
  if (next.after === undefined) delete next.after;
  return next;
}

export function toEventPage(body: Json, asked: EventQuery): EventPage {
  const events = Array.isArray(body.events) ? body.events.map((e) => toEvent(e as Json)) : [];
  const { before: _b, after: _a, ...filters } = asked;
  return {
    count: typeof body.count === 'number' ? body.count : events.length,
    events,
    // An empty page has nowhere further to go, whatever the server wrote.
    next: events.length ? queryFromUri(body.next_uri, filters) : null,
    prev: queryFromUri(body.prev_uri, filters),
  };
}
