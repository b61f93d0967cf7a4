// What the event use-cases need from the rest of main, kept narrow so tests hand in fakes.
import type { Emit } from '../../ipc/dispatcher';
import type { EventPage, EventQuery, ZoneInfo } from '../../../src-shared/contract/maas-types';
import type { SnapshotStore } from '../snapshot/snapshot-store';

/** The part of a MaasClient (maas-client/client.ts) the event use-cases use. */
export interface EventsClient {
  /** How errors name the server. */
  readonly label?: string;
  queryEvents(q?: EventQuery): Promise<EventPage>;
  listZones(): Promise<ZoneInfo[]>;
}

export interface EventsDeps {
  /** The MaasClient of a connection (throws ConsoleFailure not-found for an unknown id). */
  clientFor(connectionId: string): Promise<EventsClient>;
  /** How the connection is named and whether it is the embedded region (polled faster). */
  connectionOf(connectionId: string): { name: string; kind: 'embedded' | 'remote' };
  emit: Emit;
  /** What each server last answered, for reads while it is out of reach. */
  snapshots?: Pick<SnapshotStore, 'part'>;
  /** Poll intervals of a live tail, ms. */
  pollMs?: { embedded: number; remote: number };
  now?: () => Date;
}

/**
 * The embedded region is a loopback HTTP server in its own process: a 100 ms poll is one
 * indexed SQLite read, and keeps "recorded → visible" under PERFORMANCE.md's 250 ms. A remote
 * MAAS is polled every 3 s, about as often as MAAS's own UI refreshed its event log.
 */
export const DEFAULT_POLL_MS = { embedded: 100, remote: 3000 };
