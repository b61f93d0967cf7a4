// Walks a connection's event history newest first with MAAS's id paging
// (src/maasserver/api/events.py, newest first, at most 1000 a page). MAAS 2.x/3.x and the
// embedded region take `before=<oldest id so far>`. MAAS 1.8 has no `before` (it answers the
// newest page whatever is asked) and pages by id windows instead: `after=X` gives the events
// with id ≥ X, so stepping X down by the page size reads every older event exactly once.
import type { EventFilter, LoggedEvent } from '../../../src-shared/contract/events';
import type { EventQuery } from '../../../src-shared/contract/maas-types';
import { serverQueryOf } from '../../../src-shared/events/event-filter';
import { toLogged } from '../../../src-shared/events/event-time';
import type { EventsClient } from './deps';

/** MAAS's cap on `limit` for `events op=query`. */
export const SERVER_PAGE = 1000;

export interface HistoryPage {
  events: LoggedEvent[];
  /** True for the oldest page of the history. */
  last: boolean;
}

/** Pages of history, newest first, from just below `before` (or from the newest event). */
export async function* historyPages(client: EventsClient, f: EventFilter, before: number | null,
  pageSize = SERVER_PAGE): AsyncGenerator<HistoryPage> {
  const base = serverQueryOf(f);
  let cursor = before;
  for (;;) {
    const page = await client.queryEvents({ ...base, limit: pageSize, ...(cursor !== null ? { before: cursor } : {}) });
    if (page.paging === 'window') {
      // A MAAS 1.8 answer: `before` was not understood. The newest page stands only when it
      // was the one asked for; older events come by windows below the cursor.
      if (cursor === null) {
        const events = page.events.map(toLogged);
        const last = events.length < pageSize;
        if (events.length) yield { events, last };
        if (last) return;
        cursor = Math.min(...events.map((e) => e.id));
      }
      yield* windowsBelow(client, base, cursor, pageSize);
      return;
    }
    const events = page.events.map(toLogged);
    // MAAS honours any limit up to 1000, so a short page is the end of the history.
    const last = events.length < pageSize;
    if (events.length) yield { events, last };
    if (last) return;
    cursor = Math.min(...events.map((e) => e.id));
  }
}

/** MAAS 1.8: the events below `below`, one id window of `pageSize` at a time, down to id 0. */
async function* windowsBelow(client: EventsClient, base: EventQuery, below: number, pageSize: number): AsyncGenerator<HistoryPage> {
  let top = below;
  while (top > 0) {
    const start = Math.max(0, top - pageSize);
    const page = await client.queryEvents({ ...base, limit: pageSize, after: start });
    const events = page.events.filter((e) => e.id >= start && e.id < top).sort((a, b) => b.id - a.id).map(toLogged);
    const last = start === 0;
    if (events.length || last) yield { events, last };
    top = start;
  }
}

/**
 * New events after `after` (MAAS answers `after` with the oldest events past it; MAAS 1.8
 * includes `after` itself, dropped here).
 */
export async function readNewer(client: EventsClient, f: EventFilter, after: number,
  pageSize = SERVER_PAGE): Promise<LoggedEvent[]> {
  const base = serverQueryOf(f);
  const out: LoggedEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await client.queryEvents({ ...base, limit: pageSize, after: cursor });
    const fresh = page.events.filter((e) => e.id > cursor).map(toLogged);
    out.push(...fresh);
    if (fresh.length < pageSize) break;
    cursor = Math.max(...fresh.map((e) => e.id));
  }
  return out.sort((a, b) => b.id - a.id);
}
