// events.query: a contiguous run of history for the server-side filters, read until enough
// of it passes the local ones. The run is returned whole (not just the matches) so the view
// can re-apply a changed local filter instantly, without asking the server again.
import type { EventFilter, EventSlice, LoggedEvent } from '../../../src-shared/contract/events';
import { isBeforeRange, matcherOf } from '../../../src-shared/events/event-filter';
import type { EventsDeps } from './deps';
import { ReadAhead } from './read-ahead';
import { snapshotSlice } from './offline-events';
import { orKept } from '../snapshot/offline';
import { historyPages, SERVER_PAGE } from './read-history';

export interface QueryRequest {
  connectionId: string;
  filter: EventFilter;
  before: number | null;
  /** Stop once this many events were read (at the end of the MAAS page that reaches it). */
  limit: number;
  /** Stop once this many pass the local filters. */
  want: number;
  /** Start reading the next older run right away (the view is reading the whole history). */
  readAhead?: boolean;
}

/** events.query with read-ahead: see read-ahead.ts. */
export const queryEventsAhead = (d: Pick<EventsDeps, 'clientFor' | 'snapshots'>, ahead = new ReadAhead()) => {
  const read = orFromSnapshot(d, queryEvents(d));
  return async (r: QueryRequest): Promise<EventSlice> => {
    const slice = await (ahead.take(r) ?? read(r));
    if (r.readAhead && slice.older !== null) {
      const next = { ...r, before: slice.older };
      ahead.hold(next, read(next));
    }
    return slice;
  };
};

/** The newest run of a server out of reach comes from its snapshot (older runs do not exist there). */
const orFromSnapshot = (d: Pick<EventsDeps, 'snapshots'>, read: (r: QueryRequest) => Promise<EventSlice>) =>
  (r: QueryRequest): Promise<EventSlice> =>
    orKept(() => read(r), () => (r.before === null && d.snapshots ? snapshotSlice(d.snapshots, r.connectionId, r.filter) ?? undefined : undefined));

export const queryEvents = (d: Pick<EventsDeps, 'clientFor'>) => async (r: QueryRequest): Promise<EventSlice> => {
  const client = await d.clientFor(r.connectionId);
  const matches = matcherOf(r.filter);
  const events: LoggedEvent[] = [];
  let matched = 0;
  let ended = true;
  // Whole MAAS pages are kept (a page is paid for once read), so the run may pass `limit`
  // by less than a page.
  scan: for await (const page of historyPages(client, r.filter, r.before, Math.min(SERVER_PAGE, r.limit))) {
    for (const e of page.events) {
      if (isBeforeRange(e, r.filter)) break scan;
      events.push(e);
      if (matches(e)) matched++;
    }
    if (!page.last && (matched >= r.want || events.length >= r.limit)) { ended = false; break; }
  }
  // Past the start of the time range nothing older can match: the history is done for this filter.
  return { events, matched, older: ended || !events.length ? null : events[events.length - 1].id };
};
