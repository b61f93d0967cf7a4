// The event log of a server that cannot be reached: the recent events its snapshot holds,
// with the filters the server would have applied (level, node, zone) applied here instead.
// One slice, nothing older: the snapshot is all there is until the server answers again.
import type { EventFilter, EventSlice } from '../../../src-shared/contract/events';
import { matcherOf } from '../../../src-shared/events/event-filter';
import { toLogged } from '../../../src-shared/events/event-time';
import { meetsLevel } from '../../../src-shared/events/levels';
import type { SnapshotStore } from '../snapshot/snapshot-store';

export function snapshotSlice(snapshots: Pick<SnapshotStore, 'part'>, connectionId: string, f: EventFilter): EventSlice | null {
  const kept = snapshots.part(connectionId, 'events');
  if (!kept) return null;
  const hostnames = new Set(f.hostnames.map((h) => h.toLowerCase()));
  const ids = new Set(f.systemIds);
  // Events do not carry a zone: the snapshot's node list says which nodes are in it.
  const inZone = f.zone === null ? null
    : new Set((snapshots.part(connectionId, 'nodes')?.items ?? []).filter((n) => n.zone === f.zone).map((n) => n.systemId));
  const events = kept.items
    .filter((e) => meetsLevel(e.level, f.minLevel)
      && (hostnames.size === 0 || hostnames.has(e.hostname.toLowerCase()))
      && (ids.size === 0 || ids.has(e.systemId))
      && (inZone === null || inZone.has(e.systemId)))
    .map(toLogged);
  const matches = matcherOf(f);
  return { events, matched: events.filter(matches).length, older: null, offlineAsOf: kept.takenAt };
}
