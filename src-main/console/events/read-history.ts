// Walks a connection's event history newest first with MAAS's id paging
// (src/maasserver/api/events.py, newest first, at most 1000 a page). MAAS 2.x/3.x and the
// embedded region take `before=<oldest id so far>`. MAAS 1.8 has no `before` (it answers the
// newest page whatever is asked) and pages by id windows instead: `after=X` gives the events
// with id ≥ X, so stepping X down by the page size reads every older event exactly once.
// A server is not trusted to page sanely: each read has a bound on its pages, and a cursor
// that does not move stops the read with an error instead of asking the same page forever.
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { EventFilter, LoggedEvent } from '../../../src-shared/contract/events';
import type { EventQuery } from '../../../src-shared/contract/maas-types';
import { serverQueryOf } from '../../../src-shared/events/event-filter';
import { toLogged } from '../../../src-shared/events/event-time';
import type { EventsClient } from './deps';

/** MAAS's cap on `limit` for `events op=query`. */
export const SERVER_PAGE = 1000;
/** Pages one history read may take: a million events, far past any run the views ask for. */
export const MAX_HISTORY_PAGES = 1000;
/** Pages one live-tail poll may take; a busier server is caught up by the next poll. */
export const MAX_POLL_PAGES = 10;

const serverOf = (client: EventsClient) => client.label ?? 'The server';

/** Counts the pages of one read and stops it past `max`. */
function pageBudget(client: EventsClient, max: number) {
  let pages = 0;
  return () => {
    if (++pages > max) {
      throw new ConsoleFailure('unavailable', `${serverOf(client)}: the event history did not end within ${max} pages ` +
        `(${max * SERVER_PAGE} events); reading stopped there.`);
    }
  };
}

/** A cursor that does not move past where it was would ask the same page forever. */
function mustMove(client: EventsClient, was: number | null, now: number, direction: 'before' | 'after'): number {
  const moved = was === null || (direction === 'before' ? now < was : now > was);
  if (!moved) {
    throw new ConsoleFailure('unavailable', `${serverOf(client)}: asked for events ${direction} ${was}, the server answered ` +
      `events ${direction === 'before' ? 'from' : 'up to'} ${now} again: its paging does not move, so reading stopped.`);
  }
  return now;
}

export interface HistoryPage {
  events: LoggedEvent[];
  /** True for the oldest page of the history. */
  last: boolean;
}

/** Pages of history, newest first, from just below `before` (or from the newest event). */
export async function* historyPages(client: EventsClient, f: EventFilter, before: number | null,
  pageSize = SERVER_PAGE, maxPages = MAX_HISTORY_PAGES): AsyncGenerator<HistoryPage> {
  const base = serverQueryOf(f);
  const count = pageBudget(client, maxPages);
  let cursor = before;
  for (;;) {
    count();
    const page = await client.queryEvents({ ...base, limit: pageSize, ...(cursor !== null ? { before: cursor } : {}) });
    if (page.paging === 'window') {
      // A MAAS 1.8 answer: `before` was not understood. The newest page stands only when it
      // was the one asked for; older events come by windows below the cursor.
      if (cursor === null) {
        const events = page.events.map(toLogged);
        const last = events.length < pageSize;
        if (events.length) yield { events, last };
        if (last) return;
        cursor = mustMove(client, cursor, Math.min(...events.map((e) => e.id)), 'before');
      }
      yield* windowsBelow(client, base, cursor, pageSize, count);
      return;
    }
    const events = page.events.map(toLogged);
    // MAAS honours any limit up to 1000, so a short page is the end of the history.
    const last = events.length < pageSize;
    if (events.length) yield { events, last };
    if (last) return;
    cursor = mustMove(client, cursor, Math.min(...events.map((e) => e.id)), 'before');
  }
}

/** MAAS 1.8: the events below `below`, one id window of `pageSize` at a time, down to id 0. */
async function* windowsBelow(client: EventsClient, base: EventQuery, below: number, pageSize: number,
  count: () => void): AsyncGenerator<HistoryPage> {
  let top = below;
  while (top > 0) {
    count();
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
  pageSize = SERVER_PAGE, maxPages = MAX_POLL_PAGES): Promise<LoggedEvent[]> {
  const base = serverQueryOf(f);
  const out: LoggedEvent[] = [];
  let cursor = after;
  // Only events past the cursor are kept, so each full page moves it forward; at the bound
  // the poll ends with what it has, and the next one carries on from its newest event.
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await client.queryEvents({ ...base, limit: pageSize, after: cursor });
    const fresh = page.events.filter((e) => e.id > cursor).map(toLogged);
    out.push(...fresh);
    if (fresh.length < pageSize) break;
    cursor = Math.max(...fresh.map((e) => e.id));
  }
  return out.sort((a, b) => b.id - a.id);
}
