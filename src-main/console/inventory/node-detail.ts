// A node's detail: the node as the server has it now, a hardware summary from its lshw, its
// power parameters with secrets masked (they never reach the renderer), and recent events.
// Parts that fail say why and the rest still shows. Each detail read is kept with the node's
// details in their home (secrets masked before it is written), so with the server unreachable
// the panel still opens, marked with the time it was read, and the tag preview has the details.
import type { NodeDetailView } from '../../../src-shared/contract/inventory';
import { orKept } from '../snapshot/offline';
import type { SnapshotStore } from '../snapshot/snapshot-store';
import type { NodeDetailsStore } from '../details/node-details-store';
import { nodeFingerprint } from '../details/node-fingerprint';
import { summariseLshw } from './lshw-summary';
import type { ClientFor } from './inventory-client';
import type { NodeLists } from './node-lists';
import { maskPowerParameters } from '../../../src-shared/inventory/power-secrets';

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

type Details = Pick<NodeDetailsStore, 'put' | 'putView' | 'view' | 'lshw'>;
interface Offline { lists: NodeLists; snapshots: Pick<SnapshotStore, 'part'>; details: Details; now?: () => Date }

export function nodeDetail(d: Offline & { clientFor: ClientFor }, connectionId: string, systemId: string): Promise<NodeDetailView> {
  return orKept(() => readDetail(d, connectionId, systemId), () => detailFromSnapshot(d, connectionId, systemId));
}

/**
 * The detail as last read; failing that, what the snapshot's node list and events say, with
 * the hardware from the node's details if any view fetched them (the Tags view fetches all).
 */
function detailFromSnapshot(d: Offline, connectionId: string, systemId: string): NodeDetailView | undefined {
  const stored = d.details.view(connectionId, systemId);
  if (stored) return { ...stored.detail, offlineAsOf: stored.takenAt };
  const node = d.lists.get(connectionId, systemId);
  const asOf = d.lists.syncState(connectionId).fetchedAt;
  if (!node || !asOf) return undefined;
  const events = (d.snapshots.part(connectionId, 'events')?.items ?? []).filter((e) => e.systemId === systemId).slice(0, 25);
  const { hardware, lshwBytes } = hardwareOf(d.details.lshw(connectionId, systemId) ?? null);
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

async function readDetail(d: Offline & { clientFor: ClientFor }, connectionId: string, systemId: string): Promise<NodeDetailView> {
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
  // Only a complete read replaces the view kept (a part that failed keeps the last good one);
  // details read whole are kept either way.
  if (details.status === 'fulfilled') {
    const kept = { systemId, ...details.value, fingerprint: nodeFingerprint(node), fetchedAt: (d.now?.() ?? new Date()).toISOString() };
    try {
      if (params.status === 'fulfilled') d.details.putView(connectionId, view, kept);
      else d.details.put(connectionId, kept);
    } catch { /* keeping it is a convenience */ }
  }
  return view;
}

export async function rawLshw(d: Pick<Offline, 'details'> & { clientFor: ClientFor }, connectionId: string, systemId: string): Promise<{ xml: string | null }> {
  return orKept(async () => ({ xml: (await (await d.clientFor(connectionId)).details(systemId)).lshw }), () => {
    const xml = d.details.lshw(connectionId, systemId);
    return xml === undefined ? undefined : { xml };
  });
}
