// A node edit (hostname, power) or a new tag on a remote server that is offline is recorded
// in the server's change set instead of failing — like the inventory's bulk actions
// (offline-bulk.ts), wrapped from the composition root so the inventory and tags areas do not
// know the field kit. A call that finds the server gone (it went away since its last check)
// is recorded the same way: it did not reach the server, and the review will say if it did.
import type { ChangeSpec } from '../../../src-shared/contract/change-sets';
import type { Handler } from '../../ipc/dispatcher';
import type { ChangeSetStore } from './change-sets';
import { knownNodes } from './offline-bulk';
import { serverGone } from '../snapshot/offline';
import type { SnapshotStore } from '../snapshot/snapshot-store';

export const EDIT_RECORDED = 'The server is offline: the change is recorded in its change set (the “to apply” badge at the top opens it) to review and apply when it is back.';
export const TAG_EDIT_RECORDED = 'The server is offline: the change to this tag is recorded in its change set (the “to apply” badge at the top opens it) and is made when you apply it there.';
export const TAG_DELETE_RECORDED = 'The server is offline: deleting this tag is recorded in its change set (the “to apply” badge at the top opens it) and is done when you apply it there.';
export const TAG_RECORDED = 'The server is offline: the new tag is recorded in its change set (the “to apply” badge at the top opens it) and is created when you apply it there.';

export interface OfflineDeps {
  isOffline: (connectionId: string) => boolean;
  changes: ChangeSetStore;
  snapshots: SnapshotStore;
  /** This laptop: its region is not a remote server, nothing of it is recorded. */
  localId: string;
}

/** Runs `online` unless the remote server is offline or turns out to be; then `record`. */
async function onlineOrRecorded<T>(d: OfflineDeps, connectionId: string, online: () => Promise<T> | T, record: () => Promise<T>): Promise<T> {
  if (connectionId === d.localId) return online();
  if (!d.isOffline(connectionId)) {
    try { return await online(); } catch (e) { if (!serverGone(e)) throw e; }
  }
  return record();
}

export function recordEditWhenOffline(inner: Handler<'inventory.editNode'>, d: OfflineDeps): Handler<'inventory.editNode'> {
  return (req) => onlineOrRecorded(d, req.connectionId, () => inner(req), async () => {
    const specs: ChangeSpec[] = [];
    if (req.hostname !== undefined) specs.push({ kind: 'set-hostname', systemId: req.systemId, hostname: req.hostname });
    if (req.power) specs.push({ kind: 'set-power', systemId: req.systemId, powerType: req.power.type, parameters: req.power.parameters });
    await d.changes.record(req.connectionId, specs, knownNodes(d.snapshots, req.connectionId, [req.systemId]).known, new Date().toISOString());
    return { state: 'recorded' as const, message: EDIT_RECORDED };
  });
}

/** `refuseBadDefinition` is the tags area's own check: a bad XPath is refused offline as online. */
export function recordTagWhenOffline(inner: Handler<'tags.create'>, d: OfflineDeps & { refuseBadDefinition: (definition: string) => Promise<void> }): Handler<'tags.create'> {
  return (req) => onlineOrRecorded(d, req.connectionId, () => inner(req), async () => {
    const t = req.tag;
    await d.refuseBadDefinition(t.definition);
    await d.changes.record(req.connectionId, [{ kind: 'create-tag', tag: t.name, definition: t.definition, comment: t.comment, kernelOpts: t.kernelOpts }], {}, new Date().toISOString());
    return { name: t.name, definition: t.definition, comment: t.comment, kernelOpts: t.kernelOpts, recorded: TAG_RECORDED };
  });
}

/** An existing tag edited offline: recorded whole (name, definition, comment, kernel options), its XPath checked first. */
export function recordTagUpdateWhenOffline(inner: Handler<'tags.update'>, d: OfflineDeps & { refuseBadDefinition: (definition: string) => Promise<void> }): Handler<'tags.update'> {
  return (req) => onlineOrRecorded(d, req.connectionId, () => inner(req), async () => {
    const t = req.tag;
    await d.refuseBadDefinition(t.definition);
    await d.changes.record(req.connectionId, [{ kind: 'update-tag', tag: req.name, name: t.name, definition: t.definition, comment: t.comment, kernelOpts: t.kernelOpts }], {}, new Date().toISOString());
    return { name: t.name, definition: t.definition, comment: t.comment, kernelOpts: t.kernelOpts, recorded: TAG_EDIT_RECORDED };
  });
}

export function recordTagDeleteWhenOffline(inner: Handler<'tags.delete'>, d: OfflineDeps): Handler<'tags.delete'> {
  return (req) => onlineOrRecorded(d, req.connectionId, () => inner(req), async () => {
    await d.changes.record(req.connectionId, [{ kind: 'delete-tag', tag: req.name }], {}, new Date().toISOString());
    return { deleted: false, recorded: TAG_DELETE_RECORDED };
  });
}
