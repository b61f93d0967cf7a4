// The inventory's bulk actions on a remote server that is offline are recorded in that
// server's change set instead of failing (not lost, not silently replayed). Wraps
// the inventory's `inventory.bulk` handler from the composition root, so the inventory's own
// code is unchanged; actions with no change kind (power, delete…) still go to the server.
import { randomUUID } from 'node:crypto';
import type { ChangeSpec } from '../../../src-shared/contract/change-sets';
import type { BulkRequest, BulkStart } from '../../../src-shared/contract/inventory';
import type { Emit, Handler } from '../../ipc/dispatcher';
import type { ChangeSetStore } from './change-sets';
import type { SnapshotStore } from '../snapshot/snapshot-store';

export const RECORDED_REASON = 'server offline: recorded in its change set (Capture → Offline servers) to review and apply later';

function specsOf(req: BulkRequest): ChangeSpec[] | null {
  const each = (f: (id: string) => ChangeSpec) => req.systemIds.map(f);
  switch (req.action) {
    case 'accept': case 'release': case 'commission': { const kind = req.action; return each((systemId) => ({ kind, systemId })); }
    case 'setZone': return each((systemId) => ({ kind: 'set-zone', systemId, zone: req.zone ?? 'default' }));
    case 'addTag': return req.tag ? each((systemId) => ({ kind: 'add-tag', systemId, tag: req.tag! })) : null;
    case 'removeTag': return req.tag ? each((systemId) => ({ kind: 'remove-tag', systemId, tag: req.tag! })) : null;
    default: return null;
  }
}

/** The nodes as the snapshot knows them (hostname, status), so review can say what moved. */
export function knownNodes(snapshots: SnapshotStore, connectionId: string, ids: readonly string[]) {
  const nodes = new Map((snapshots.part(connectionId, 'nodes')?.items ?? []).map((n) => [n.systemId, n]));
  const known = Object.fromEntries(ids.flatMap((id) => { const n = nodes.get(id); return n ? [[id, { hostname: n.hostname, status: n.status }]] : []; }));
  return { nodes, known };
}

export function recordWhenOffline(inner: Handler<'inventory.bulk'>, d: {
  isOffline: (connectionId: string) => boolean; changes: ChangeSetStore; snapshots: SnapshotStore; emit: Emit;
}): Handler<'inventory.bulk'> {
  return async (req) => {
    const specs = d.isOffline(req.connectionId) ? specsOf(req) : null;
    if (!specs?.length) return inner(req);
    const { nodes, known } = knownNodes(d.snapshots, req.connectionId, req.systemIds);
    await d.changes.record(req.connectionId, specs, known, new Date().toISOString());
    const outcomes = req.systemIds.map((id) => ({ systemId: id, hostname: nodes.get(id)?.hostname ?? id, state: 'skipped' as const, reason: RECORDED_REASON }));
    const out: BulkStart = { jobId: `offline-${randomUUID()}`, outcomes };
    const n = outcomes.length;
    // The renderer follows a job to its finished progress event; this one is finished at once.
    setTimeout(() => d.emit('inventory.bulkProgress', { jobId: out.jobId, outcomes: [], finished: true,
      counts: { total: n, done: 0, unchanged: 0, failed: 0, skipped: n, pending: 0 }, note: `${n} change(s) recorded for when the server is back` }), 0);
    return out;
  };
}
