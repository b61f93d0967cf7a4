// The inventory's bulk actions on a remote server that is offline are recorded in that
// server's change set instead of failing: not lost, not silently replayed. Wraps the
// inventory's `inventory.bulk` handler from the composition root, so the inventory's own code
// is unchanged; actions with no change kind (power, delete…) still go to the server. A bulk
// action whose calls find the server gone (it stopped since the last check) is recorded the
// same way, through the inventory's `recordUnreached` hook.
import { randomUUID } from 'node:crypto';
import type { ChangeSpec } from '../../../src-shared/contract/change-sets';
import type { BulkRequest, BulkStart } from '../../../src-shared/contract/inventory';
import type { Emit, Handler } from '../../ipc/dispatcher';
import type { ChangeSetStore } from './change-sets';
import type { SnapshotStore } from '../snapshot/snapshot-store';

// Shown after the outcome "Recorded": where the change is and what happens to it.
export const RECORDED_REASON = 'in the change set: the server is offline; it is reviewed and applied when the server is back';
export const UNREACHED_REASON = 'in the change set: the server stopped answering; it is reviewed and applied when the server is back';

export function specsOf(req: Pick<BulkRequest, 'action' | 'zone' | 'tag' | 'pool' | 'comment' | 'enableSsh' | 'skipNetworking' | 'skipStorage' | 'commissioningScripts' | 'testingScripts'>, systemIds: readonly string[]): ChangeSpec[] | null {
  const each = (f: (id: string) => ChangeSpec) => systemIds.map(f);
  switch (req.action) {
    case 'accept': return each((systemId) => ({ kind: 'accept', systemId }));
    case 'release': return each((systemId) => ({ kind: 'release', systemId, ...(req.comment ? { comment: req.comment } : {}) }));
    case 'commission': {
      // The options chosen in the form go along; none chosen, none kept.
      const options = Object.fromEntries(Object.entries({ enableSsh: req.enableSsh, skipNetworking: req.skipNetworking, skipStorage: req.skipStorage,
        commissioningScripts: req.commissioningScripts, testingScripts: req.testingScripts }).filter(([, v]) => v !== undefined));
      return each((systemId) => ({ kind: 'commission', systemId, ...(Object.keys(options).length ? { options } : {}) }));
    }
    case 'setZone': return each((systemId) => ({ kind: 'set-zone', systemId, zone: req.zone ?? 'default' }));
    case 'setPool': return req.pool ? each((systemId) => ({ kind: 'set-pool', systemId, pool: req.pool! })) : null;
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

interface BulkRecordDeps { isOffline: (connectionId: string) => boolean; changes: ChangeSetStore; snapshots: SnapshotStore; localId: string }

/** Records `systemIds` of a bulk request as one change-set entry; false when the action has no change kind. */
async function record(d: BulkRecordDeps, req: BulkRequest, systemIds: string[]): Promise<boolean> {
  const specs = req.connectionId === d.localId ? null : specsOf(req, systemIds);
  if (!specs?.length) return false;
  await d.changes.record(req.connectionId, specs, knownNodes(d.snapshots, req.connectionId, systemIds).known, new Date().toISOString());
  return true;
}

/** The inventory's hook for nodes whose call found the server gone mid-action. */
export const recordUnreached = (d: BulkRecordDeps) => async (req: BulkRequest, systemIds: string[]): Promise<string | null> =>
  ((await record(d, req, systemIds)) ? UNREACHED_REASON : null);

export function recordWhenOffline(inner: Handler<'inventory.bulk'>, d: BulkRecordDeps & { emit: Emit }): Handler<'inventory.bulk'> {
  return async (req) => {
    if (!d.isOffline(req.connectionId) || !(await record(d, req, req.systemIds))) return inner(req);
    const { nodes } = knownNodes(d.snapshots, req.connectionId, req.systemIds);
    const recorded = req.systemIds.map((id) => ({ systemId: id, hostname: nodes.get(id)?.hostname ?? id, state: 'recorded' as const, reason: RECORDED_REASON }));
    const skipped = (req.skipped ?? []).map((s) => ({ ...s, state: 'skipped' as const }));
    const out: BulkStart = { jobId: `offline-${randomUUID()}`, outcomes: [...recorded, ...skipped] };
    const n = recorded.length;
    // The renderer follows a job to its finished progress event; this one is finished at once.
    setTimeout(() => d.emit('inventory.bulkProgress', { jobId: out.jobId, outcomes: [], finished: true,
      counts: { total: n + skipped.length, done: 0, unchanged: 0, failed: 0, skipped: skipped.length, recorded: n, pending: 0 },
      note: `${n} change(s) recorded in the change set, to review and apply when the server is back.` }), 0);
    return out;
  };
}
