// A node's detail: the node as the server has it now, a hardware summary from its lshw, its
// power parameters with secrets masked (they never reach the renderer), and recent events.
// Parts that fail say why and the rest still shows. Each detail read is kept in the snapshot
// (secrets masked before it is written), so with the server unreachable the panel still opens,
// marked with the time it was read.
import type { NodeDetailView } from '../../../src-shared/contract/inventory';
import { orKept } from '../snapshot/offline';
import type { SnapshotStore } from '../snapshot/snapshot-store';
import { summariseLshw } from './lshw-summary';
import type { ClientFor } from './inventory-client';
import type { NodeLists } from './node-lists';
import { maskPowerParameters } from '../../../src-shared/inventory/power-secrets';

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

type Snapshots = Pick<SnapshotStore, 'putDetail' | 'detail' | 'lshw' | 'part'>;
export type KeptDetails = (connectionId: string, systemId: string) => { lshw: string | null; fetchedAt: string } | null;
interface Offline { lists: NodeLists; snapshots: Snapshots; kept?: KeptDetails }

export function nodeDetail(d: Offline & { clientFor: ClientFor }, connectionId: string, systemId: string): Promise<NodeDetailView> {
  return orKept(() => readDetail(d, connectionId, systemId), () => detailFromSnapshot(d, connectionId, systemId));
}

/**
 * The detail as last read; failing that, what the snapshot's node list and events say, with
 * the hardware from details the Tags view fetched (its cache holds every node's lshw once fetched).
 */
function detailFromSnapshot(d: Offline, connectionId: string, systemId: string): NodeDetailView | undefined {
  const stored = d.snapshots.detail(connectionId, systemId);
  if (stored) return { ...stored.detail, offlineAsOf: stored.takenAt };
  const node = d.lists.get(connectionId, systemId);
  const asOf = d.lists.syncState(connectionId).fetchedAt;
  if (!node || !asOf) return undefined;
  const events = (d.snapshots.part(connectionId, 'events')?.items ?? []).filter((e) => e.systemId === systemId).slice(0, 25);
  const { hardware, lshwBytes } = hardwareOf(d.kept?.(connectionId, systemId)?.lshw ?? null);
  return {
    node, hardware, lshwBytes, powerParameters: null,
    powerParametersProblem: 'Not read before the server went out of reach.', events, eventsProblem: null, offlineAsOf: asOf,
  };
}

function hardwareOf(lshw: string | null): Pick<NodeDetailView, 'hardware' | 'lshwBytes'> {
  if (!lshw) return { hardware: null, lshwBytes: 0 };
  let hardware: NodeDetailView['hardware'] = null;
  try { hardware = summariseLshw(lshw); } catch { hardware = null; }
  return { hardware, lshwBytes: Buffer.byteLength(lshw) };
}

async function readDetail(d: { clientFor: ClientFor; lists: NodeLists; snapshots: Snapshots }, connectionId: string, systemId: string): Promise<NodeDetailView> {
  const client = await d.clientFor(connectionId);
  const node = await client.getNode(systemId);
  d.lists.upsert(connectionId, [node]);
  const [details, params, events, scripts] = await Promise.allSettled([
    client.details(systemId),
    client.powerParameters(systemId),
    client.queryEvents({ systemId: [systemId], limit: 25, level: 'DEBUG' }),
    // Script results exist from MAAS 2.2 on; API 1.0 servers and the embedded region have none.
    client.apiVersion === '2.0' ? client.scriptRuns(systemId) : Promise.resolve(null),
  ]);
  const lshw = details.status === 'fulfilled' ? details.value.lshw : null;
  const view: NodeDetailView = {
    node, ...hardwareOf(lshw),
    powerParameters: params.status === 'fulfilled' ? maskPowerParameters(params.value) : null,
    powerParametersProblem: params.status === 'rejected' ? why(params.reason) : null,
    events: events.status === 'fulfilled' ? events.value.events : [],
    eventsProblem: events.status === 'rejected' ? why(events.reason) : null,
    scripts: scripts.status === 'fulfilled' ? scripts.value : null,
    scriptsProblem: scripts.status === 'rejected' ? why(scripts.reason) : null,
    offlineAsOf: null,
  };
  // Only a complete read replaces what the snapshot has (a part that failed keeps the last good one).
  if (details.status === 'fulfilled' && params.status === 'fulfilled') {
    try { d.snapshots.putDetail(connectionId, view, lshw); } catch { /* a snapshot is a convenience */ }
  }
  return view;
}

export async function rawLshw(d: Pick<Offline, 'snapshots' | 'kept'> & { clientFor: ClientFor }, connectionId: string, systemId: string): Promise<{ xml: string | null }> {
  return orKept(async () => ({ xml: (await (await d.clientFor(connectionId)).details(systemId)).lshw }), () => {
    const xml = d.snapshots.lshw(connectionId, systemId) ?? d.kept?.(connectionId, systemId)?.lshw;
    return xml === undefined ? undefined : { xml };
  });
}
