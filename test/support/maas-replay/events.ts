// `events op=query` as MAAS answers it. Two eras (both from src/maasserver/api/events.py):
// - MAAS 2.x/3.x: `before` pages to older events, `after` to newer (the oldest `limit` after
//   it, listed newest first); `next_uri` is the NEWER page (`after=` the newest id shown) and
//   `prev_uri` the OLDER page (`before=` the oldest id shown); an empty page links back past its
//   cursor, and `prev_uri` is null when there is nothing older and never will be. Links are
//   the handler's path and the query's own filters, without scheme or host.
// - MAAS 1.8 (API 1.0): no `before`; `after` is a window start (events with id ≥ after, the
//   oldest `limit` of them, newest first); `next_uri` is after+limit and `prev_uri`
//   after−limit (not below 0), whatever the page held; both always present.
import { text, type Reply } from './machine-ops';

export interface ReplayEvent {
  id: number;
  username: string;
  node: string | null;
  hostname: string;
  level: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL' | 'AUDIT';
  created: string;
  type: string;
  description: string;
}

const LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];
/** The query parameters MAAS copies into its links (EventsHandler.all_params). */
const ALL_PARAMS_2 = ['agent_name', 'domain', 'hostname', 'id', 'level', 'limit', 'mac_address', 'op', 'zone', 'owner'];
const ALL_PARAMS_1 = ['after', 'agent_name', 'id', 'level', 'limit', 'mac_address', 'op', 'zone'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');
/** MAAS's '%a, %d %b. %Y %H:%M:%S'. */
export const maasTime = (d: Date) =>
  `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}. ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;

function linkTo(path: string, q: URLSearchParams, keep: string[], set: Record<string, string | null>): string {
  const out = new URLSearchParams();
  for (const [k, v] of q) if (keep.includes(k) && !(k in set)) out.append(k, v);
  for (const [k, v] of Object.entries(set)) if (v !== null) out.set(k, v);
  return `${path}?${out.toString()}`;
}

export function queryEvents(all: readonly ReplayEvent[], q: URLSearchParams, path: string, era: '1.8' | '2.x',
  nodeMatches: (e: ReplayEvent) => boolean): Reply {
  const level = q.get('level') ?? 'INFO';
  if (level !== 'AUDIT' && !LEVELS.includes(level)) return text(400, `${era === '1.8' ? 'Unknown' : 'Unrecognised'} log level: ${level}`);
  const limitText = q.get('limit');
  let limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit)) return text(400, `{"limit": ["Please enter an integer value"]}`);
  if (limit > 1000) return text(400, `Requested number of events ${limit} is greater than limit: 1000`);
  limit = Math.max(1, limit);
  const after = q.get('after') === null ? null : Number(q.get('after'));
  const before = era === '2.x' && q.get('before') !== null ? Number(q.get('before')) : null;
  if (after !== null && before !== null) return text(400, 'There is undetermined behaviour when both `after` and `before` are specified.');
  let list = all.filter((e) => (level === 'AUDIT' ? e.level === 'AUDIT' : e.level !== 'AUDIT' && LEVELS.indexOf(e.level) >= LEVELS.indexOf(level)) && nodeMatches(e));
  list = [...list].sort((a, b) => b.id - a.id);
  let page: ReplayEvent[];
  if (after !== null) page = list.filter((e) => (era === '1.8' ? e.id >= after : e.id > after)).reverse().slice(0, limit).reverse();
  else if (before !== null) page = list.filter((e) => e.id < before).slice(0, limit);
  else page = list.slice(0, limit);
  if (era === '1.8') {
    const start = after ?? 0;
    return { status: 200, body: { count: page.length, events: page,
      next_uri: linkTo(path, q, ALL_PARAMS_1, { after: String(start + limit) }),
      prev_uri: linkTo(path, q, ALL_PARAMS_1, { after: String(Math.max(0, start - limit)) }) } };
  }
  const next: Record<string, string> = page.length ? { after: String(page[0].id) } : before !== null ? { after: String(before - 1) } : {};
  const prev = page.length ? { before: String(page.at(-1)!.id) } : after !== null ? { before: String(after + 1) } : null;
  return { status: 200, body: { count: page.length, events: page,
    next_uri: linkTo(path, q, ALL_PARAMS_2, { before: null, ...next }),
    prev_uri: prev ? linkTo(path, q, ALL_PARAMS_2, { after: null, ...prev }) : null } };
}
