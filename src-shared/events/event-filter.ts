// One filter, two halves: what MAAS's `events op=query` can do (level, hostname, id, zone —
// src/maasserver/api/events.py) goes to the server; what it cannot (event type, time range,
// free text) the console applies. The local half re-checks level and nodes too, so a server
// that ignores a parameter cannot slip unwanted rows into the view.
import type { EventFilter, LoggedEvent } from '../contract/events';
import type { EventQuery } from '../contract/maas-types';
import { meetsLevel } from './levels';

export const emptyFilter = (): EventFilter => ({
  minLevel: 'INFO', hostnames: [], systemIds: [], zone: null, types: [], from: null, to: null, text: '',
});

/** The server-side half, without paging. Empty lists are left out: MAAS reads them as "any". */
export function serverQueryOf(f: EventFilter): EventQuery {
  const q: EventQuery = { level: f.minLevel };
  if (f.hostnames.length) q.hostname = [...f.hostnames];
  if (f.systemIds.length) q.systemId = [...f.systemIds];
  if (f.zone) q.zone = [f.zone];
  return q;
}

/** Same server-side half: changing anything else needs no new server query. */
export const sameServerFilter = (a: EventFilter, b: EventFilter): boolean =>
  JSON.stringify(serverQueryOf(a)) === JSON.stringify(serverQueryOf(b));

export const hasLocalPart = (f: EventFilter): boolean =>
  f.types.length > 0 || f.from !== null || f.to !== null || f.text.trim() !== '';

export type EventPredicate = (e: LoggedEvent) => boolean;

// The lower-cased text an event is searched in, made once per event: a keystroke over
// 100,000 loaded events then costs one lookup and `includes` per event, not a string build.
const searchText = new WeakMap<LoggedEvent, string>();
function searchTextOf(e: LoggedEvent): string {
  let t = searchText.get(e);
  if (t === undefined) {
    t = `${e.description}\n${e.type}\n${e.hostname}\n${e.systemId}\n${e.level}`.toLowerCase();
    searchText.set(e, t);
  }
  return t;
}

/** The whole filter as a predicate (built once per filter, called per row). */
export function matcherOf(f: EventFilter): EventPredicate {
  const hosts = f.hostnames.length ? new Set(f.hostnames) : null;
  const ids = f.systemIds.length ? new Set(f.systemIds) : null;
  const types = f.types.length ? new Set(f.types) : null;
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  const { from, to, minLevel } = f;
  return (e) => {
    if (!meetsLevel(e.level, minLevel)) return false;
    if (hosts && !hosts.has(e.hostname)) return false;
    if (ids && !ids.has(e.systemId)) return false;
    if (types && !types.has(e.type)) return false;
    if (from !== null && (e.at === null || e.at < from)) return false;
    if (to !== null && (e.at === null || e.at > to)) return false;
    if (words.length) {
      const hay = searchTextOf(e);
      for (const w of words) if (!hay.includes(w)) return false;
    }
    return true;
  };
}

/**
 * History is read newest first, so once an event is older than the range's start nothing
 * further back can match: reading can stop there.
 */
export const isBeforeRange = (e: LoggedEvent, f: EventFilter): boolean =>
  f.from !== null && e.at !== null && e.at < f.from;
