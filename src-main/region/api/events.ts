// events/?op=query (src/maasserver/api/events.py): filters hostname, mac_address, id,
// zone, agent_name (each may repeat), level (minimum; AUDIT exact; default INFO), limit
// (default 100, at most 1000), after/before (event ids) for paging; newest first.
// The links are MAAS's (api/events.py of MAAS 2.x, whose `before` this region also takes):
// `next_uri` is the NEWER page (`after=` the newest id shown), `prev_uri` the OLDER page
// (`before=` the oldest id shown). An empty page links past its own cursor; `prev_uri` is null
// when there is nothing older and never will be. Links are the handler's path with the
// query's filters, as MAAS writes them (no scheme or host).
import type { Api1Event, Api1EventPage } from '../../../src-shared/maas/index';
import { badRequest } from '../http/errors';
import { json, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import type { EventRow } from '../stores/events-store';
import { LEVELS, levelName, type LevelName } from '../events/event-types';
import { userOf } from './access';
import { list, macList } from './lookup';

export const DEFAULT_EVENT_LIMIT = 100;
export const MAX_EVENT_LIMIT = 1000;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** MAAS's '%a, %d %b. %Y %H:%M:%S' (UTC here). */
export function maasEventTime(iso: string): string {
  const d = new Date(iso);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}. ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

const eventJson = (e: EventRow): Api1Event => ({
  id: e.id, node: e.system_id, hostname: e.hostname, level: levelName(e.level),
  created: maasEventTime(e.created), type: e.type, description: e.description,
});

export function eventsOps(core: RegionCore): OpTable {
  return {
    'GET query': (ctx) => {
      const u = userOf(ctx);
      const p = ctx.params;
      const levelText = (p.get('level') ?? 'INFO').toUpperCase();
      if (!Object.hasOwn(LEVELS, levelText)) {
        throw badRequest(`level: "${clip(p.get('level') ?? '')}" is not one of ${Object.keys(LEVELS).join(', ')}.`);
      }
      const limit = p.int('limit', { min: 1 }) ?? DEFAULT_EVENT_LIMIT;
      if (limit > MAX_EVENT_LIMIT) throw badRequest(`Requested number of events ${limit} is greater than limit: ${MAX_EVENT_LIMIT}`);
      const after = p.int('after', { min: 0 });
      const before = p.int('before', { min: 0 });
      if (after !== undefined && before !== undefined) throw badRequest('There is an ambiguous use of after and before: give one of them.');
      const zone = p.get('zone') || undefined;
      const ids = list(p, 'id');
      const hostnames = list(p, 'hostname');
      const agents = list(p, 'agent_name');
      const events = core.events.query({
        ids: ids.length ? ids : undefined, hostnames: hostnames.length ? hostnames : undefined,
        macs: macList(p, 'mac_address'), zone, agentNames: agents.length ? agents : undefined,
        level: { value: LEVELS[levelText as LevelName], exact: levelText === 'AUDIT' },
        visibleToUserId: u.isSuperuser ? null : u.id, after, before, limit,
      });
      const uri = (set: Record<string, number>) => {
        const q = new URLSearchParams(ctx.url.search);
        q.delete('after');
        q.delete('before');
        for (const [k, v] of Object.entries(set)) q.set(k, String(v));
        return `${ctx.url.pathname}?${q.toString()}`;
      };
      const newer: Record<string, number> = events.length ? { after: events[0].id } : before !== undefined ? { after: before - 1 } : {};
      const older = events.length ? { before: events.at(-1)!.id } : after !== undefined ? { before: after + 1 } : null;
      const page: Api1EventPage = {
        count: events.length,
        events: events.map(eventJson),
        next_uri: uri(newer),
        prev_uri: older ? uri(older) : null,
      };
      return json(page);
    },
  };
}
