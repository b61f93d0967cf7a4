// An in-memory MAAS event log answering `events op=query` as src/maasserver/api/events.py
// does: level minimum, hostname/id/zone filters, newest first, limit capped at 1000. MAAS
// 2.x/3.x paging by default (`before`/`after` by id, `after` giving the events just after it;
// next = newer, prev = older); `era: '1.8'` answers as MAAS 1.8 (no `before`: the newest page
// whatever is asked; `after` starts an id window, itself included).
import type { EventPage, EventQuery, MaasEvent, ZoneInfo } from '../../../src-shared/contract/maas-types';
import { meetsLevel, type LevelName } from '../../../src-shared/events/levels';
import type { EventsClient } from '../../../src-main/console/events/deps';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');
/** MAAS's `'%a, %d %b. %Y %H:%M:%S'`. */
export const maasTime = (ms: number) => {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}. ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
};

export interface FakeNode { systemId: string; hostname: string; zone: string }

export class FakeEventLog implements EventsClient {
  events: MaasEvent[] = [];
  queries: EventQuery[] = [];
  failNext = 0;
  constructor(readonly nodes: FakeNode[], readonly start = Date.UTC(2026, 10, 23, 8, 0, 0), readonly era: '1.8' | '2.x' = '2.x') {}

  record(node: number, level: LevelName, type: string, description: string, at?: number): MaasEvent {
    const n = this.nodes[node];
    const id = this.events.length + 1;
    const e = { id, systemId: n.systemId, hostname: n.hostname, level, type, description,
      created: maasTime(at ?? this.start + id * 1000) };
    this.events.push(e);
    return e;
  }

  async queryEvents(q: EventQuery = {}): Promise<EventPage> {
    this.queries.push(q);
    if (this.failNext > 0) { this.failNext--; throw new Error('lab (http://maas:5240/MAAS/): connection refused'); }
    const zoneOf = new Map(this.nodes.map((n) => [n.systemId, n.zone]));
    let list = this.events.filter((e) => meetsLevel(e.level, q.level ?? 'INFO')
      && (!q.hostname || q.hostname.includes(e.hostname))
      && (!q.systemId || q.systemId.includes(e.systemId))
      && (!q.zone || q.zone.includes(zoneOf.get(e.systemId)!)));
    const limit = Math.min(1000, q.limit ?? 100);
    const { before: _b, after: _a, ...filters } = q;
    if (this.era === '1.8') {
      const start = q.after ?? 0;
      const events = (q.after !== undefined ? list.filter((e) => e.id >= start).slice(0, limit) : list.slice(-limit)).reverse();
      return { count: events.length, events, paging: 'window',
        newer: { ...filters, after: start + limit }, older: { ...filters, after: Math.max(0, start - limit) } };
    }
    if (q.after !== undefined) list = list.filter((e) => e.id > q.after!).slice(0, limit);
    else {
      if (q.before !== undefined) list = list.filter((e) => e.id < q.before!);
      list = list.slice(-limit);
    }
    const events = list.reverse();
    return { count: events.length, events, paging: 'cursor',
      newer: events.length ? { ...filters, after: events[0].id } : q.before !== undefined ? { ...filters, after: q.before - 1 } : filters,
      older: events.length ? { ...filters, before: events.at(-1)!.id } : q.after !== undefined ? { ...filters, before: q.after + 1 } : null };
  }

  async listZones(): Promise<ZoneInfo[]> {
    return [...new Set(this.nodes.map((n) => n.zone))].map((name) => ({ name, description: '' }));
  }
}

export const threeNodes: FakeNode[] = [
  { systemId: 'node-aaa', hostname: 'alpha', zone: 'default' },
  { systemId: 'node-bbb', hostname: 'bravo', zone: 'rack-12' },
  { systemId: 'node-ccc', hostname: 'charlie', zone: 'rack-12' },
];
