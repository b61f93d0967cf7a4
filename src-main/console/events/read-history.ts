// Walks a connection's event history newest first with MAAS's id paging: each page asks
// `before=<oldest id so far>` (src/maasserver/api/events.py pages by event id, newest first,
// at most 1000 a page).
import type { EventFilter, LoggedEvent } from '../../../src-shared/contract/events';
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
    const events = page.events.map(toLogged);
    // MAAS honours any limit up to 1000, so a short page is the end of the history.
    const last = events.length < pageSize;
    if (events.length) yield { events, last };
    if (last) return;
    cursor = Math.min(...events.map((e) => e.id));
  }
}

/** New events after `after`, oldest page first (MAAS answers `after` with the events just after it). */
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
