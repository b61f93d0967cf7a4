// The field kit's channels, wired to its use-cases. It keeps its own handle on the settings
// database (notes, push journals; WAL allows several) and works on This laptop through the
// connections' client like every other area.
import type { Emit, Handler, HandlersFor } from '../../ipc/dispatcher';
import { recordUnreached, recordWhenOffline } from './offline-bulk';
import { recordEditWhenOffline, recordTagDeleteWhenOffline, recordTagUpdateWhenOffline, recordTagWhenOffline, type OfflineDeps } from './offline-edits';
import type { Keychain } from '../../connections/keychain';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { PushProgress } from '../../../src-shared/contract/fieldkit';
import type { ChangeSpec } from '../../../src-shared/contract/change-sets';
import type { ConnectionView } from '../../../src-shared/contract/connections';
import type { BulkRunnerDeps } from '../inventory/bulk-runner';
import { pushReportCsv, pushReportName } from '../../../src-shared/fieldkit/push-report';
import type { SettingsDb } from '../../connections/settings-db';
import type { MaasClient } from '../../maas-client/index';
import { Capture } from './capture';
import { importCsv, previewCsv } from './csv-import';
import { importLshwFolder } from './lshw-import';
import { NotesStore } from './notes-store';
import { PushJournal } from './push-journal';
import { planPush } from './push-plan';
import { applyPush } from './push-run';
import { ChangeSetStore } from './change-sets';
import { ChangeSetService } from './change-set-service';
import { refreshSnapshot, snapshotting } from './snapshots';
import type { SnapshotStore } from '../snapshot/snapshot-store';
import type { NodeDetailsStore } from '../details/node-details-store';
import { consoleClients } from '../maas-failure';

export type FieldkitChannel =
  | 'fieldkit.captured' | 'fieldkit.capture' | 'fieldkit.macOwner' | 'fieldkit.csvPreview' | 'fieldkit.csvImport'
  | 'fieldkit.lshwImport' | 'fieldkit.pushPlan' | 'fieldkit.pushApply' | 'fieldkit.pushes' | 'fieldkit.pushReport'
  | 'changes.pending' | 'changes.list' | 'changes.record' | 'changes.update' | 'changes.remove' | 'changes.review' | 'changes.apply' | 'snapshot.get' | 'snapshot.refresh';

export interface FieldkitDeps {
  /** The settings database: notes, push journals and change sets live there. */
  db: SettingsDb;
  emit: Emit;
  clientFor: (id: string) => Promise<MaasClient>;
  nameOf: (id: string) => string;
  /** The id of This laptop's connection. */
  localId: string;
  /** A remote connection whose last call found it unreachable. */
  isOffline?: (id: string) => boolean;
  /** What the console last read from each server (shared with the inventory and events). */
  snapshots: SnapshotStore;
  /** The home of node details: a push evicts the kept details of the target nodes it wrote. */
  details: Pick<NodeDetailsStore, 'evict'>;
  /** Where secrets of recorded power changes are kept (the connections' keychain). */
  keychain: Keychain;
  /** The tags area's XPath check (refuses a definition that does not compile, with where). */
  refuseBadDefinition: (definition: string) => Promise<void>;
  /** The connections as they are now, and a health check of one (a server back is noticed quickly while changes wait). */
  connections: () => ConnectionView[];
  recheck: (id: string) => Promise<unknown>;
  recheckEveryMs?: number;
}

export interface FieldkitArea {
  handlers: HandlersFor<FieldkitChannel>;
  /** Wraps a remote connection's client so its whole reads refresh the offline snapshot. */
  snapshotting(id: string, client: Promise<MaasClient>): Promise<MaasClient>;
  /** The inventory's bulk handler, recording into the change set while the server is offline. */
  offlineBulk(inner: Handler<'inventory.bulk'>): Handler<'inventory.bulk'>;
  /** The inventory's hook: bulk nodes whose call found the server gone are recorded too. */
  recordUnreached: NonNullable<BulkRunnerDeps['recordUnreached']>;
  /** Every change of the connections' list (a server back with changes waiting is reviewed). */
  connectionsChanged(list: ConnectionView[]): void;
  /** Node edits and new tags, recorded likewise. */
  offlineEdit(inner: Handler<'inventory.editNode'>): Handler<'inventory.editNode'>;
  offlineTagCreate(inner: Handler<'tags.create'>): Handler<'tags.create'>;
  offlineTagUpdate(inner: Handler<'tags.update'>): Handler<'tags.update'>;
  offlineTagDelete(inner: Handler<'tags.delete'>): Handler<'tags.delete'>;
  /** A removed connection's change set goes, and its secrets leave the keychain. */
  forgetChanges(connectionId: string): Promise<void>;
  /** Stops the quick re-check of servers with changes waiting. */
  close(): void;
}

export function fieldkitArea(deps: FieldkitDeps): FieldkitArea {
  const a: FieldkitDeps = { ...deps, clientFor: consoleClients(deps.clientFor) };
  const db = a.db;
  const notes = new NotesStore(db);
  const journal = new PushJournal(db);
  const changes = new ChangeSetStore(db, a.keychain);
  const sets = new ChangeSetService({ store: changes, clientFor: a.clientFor, emit: a.emit, connections: a.connections, recheck: a.recheck,
    recheckEveryMs: a.recheckEveryMs, log: (l) => console.warn(`maas-console: ${l}`) });
  const { snapshots } = a;
  const offline: OfflineDeps = { isOffline: a.isOffline ?? (() => false), changes, snapshots, localId: a.localId };
  const checked = async (spec: ChangeSpec) => {
    if (spec.kind === 'create-tag' || spec.kind === 'update-tag') await a.refuseBadDefinition(spec.definition ?? '');
    return spec;
  };
  const local = () => a.clientFor(a.localId);
  const capture = new Capture({ local, notes });
  const changed = async () => a.emit('fieldkit.changed', await capture.list());
  const plan = { local, clientFor: a.clientFor, nameOf: a.nameOf, localId: a.localId, journal };
  const run = { local, clientFor: a.clientFor, journal, progress: (p: PushProgress) => a.emit('fieldkit.pushProgress', p),
    evictDetails: (id: string, systemIds: string[]) => a.details.evict(id, systemIds) };
  const reportOf = (id: string) => {
    const r = journal.report(id);
    if (!r) throw new ConsoleFailure('not-found', `There is no push ${id}.`);
    return r;
  };
  return {
    handlers: {
      'fieldkit.captured': () => capture.list(),
      'fieldkit.capture': async (req) => { const n = await capture.capture(req); void changed().catch(() => undefined); return n; },
      'fieldkit.macOwner': ({ mac }) => capture.macOwner(mac),
      'fieldkit.csvPreview': ({ text }) => previewCsv(capture, text),
      'fieldkit.csvImport': async ({ text }) => { const r = await importCsv(capture, text); void changed().catch(() => undefined); return r; },
      'fieldkit.lshwImport': async ({ files, captureNew }) => {
        const r = await importLshwFolder(await local(), await capture.list(), files, captureNew ? (req) => capture.capture(req) : undefined);
        void changed().catch(() => undefined);
        return r;
      },
      'fieldkit.pushPlan': (req) => planPush(plan, req),
      'fieldkit.pushApply': ({ pushId }) => applyPush(run, pushId),
      'fieldkit.pushes': () => journal.all(),
      'fieldkit.pushReport': ({ pushId, format }) => {
        const r = reportOf(pushId);
        return { name: pushReportName(r, format), text: format === 'csv' ? pushReportCsv(r) : JSON.stringify(r, null, 2) };
      },
      'snapshot.get': ({ connectionId }) => { a.nameOf(connectionId); return snapshots.get(connectionId); },
      'snapshot.refresh': async ({ connectionId }) => refreshSnapshot(await a.clientFor(connectionId), connectionId, snapshots),
      'changes.pending': () => sets.pending(),
      'changes.list': ({ connectionId }) => sets.view(connectionId),
      'changes.record': async ({ connectionId, changes: specs, known }) => {
        a.nameOf(connectionId);
        for (const s of specs) await checked(s);
        await changes.record(connectionId, specs, known ?? {}, new Date().toISOString());
        return sets.view(connectionId);
      },
      'changes.update': async ({ connectionId, id, spec }) => {
        await changes.update(connectionId, id, await checked(spec));
        sets.forgetReviewOf(connectionId, id);
        return sets.view(connectionId);
      },
      'changes.remove': async ({ connectionId, ids }) => { await changes.remove(connectionId, ids); return sets.view(connectionId); },
      'changes.review': ({ connectionId }) => sets.review(connectionId),
      'changes.apply': ({ connectionId }) => sets.apply(connectionId, (p) => a.emit('changes.progress', p)),
    },
    snapshotting: (id, client) => (id === a.localId ? client : client.then((c) => snapshotting(c, id, snapshots))),
    offlineBulk: (inner) => recordWhenOffline(inner, { ...offline, emit: a.emit }),
    recordUnreached: recordUnreached(offline),
    connectionsChanged: (list) => sets.connectionsChanged(list),
    offlineEdit: (inner) => recordEditWhenOffline(inner, offline),
    forgetChanges: (id) => changes.removeAll(id),
    offlineTagCreate: (inner) => recordTagWhenOffline(inner, { ...offline, refuseBadDefinition: a.refuseBadDefinition }),
    offlineTagUpdate: (inner) => recordTagUpdateWhenOffline(inner, { ...offline, refuseBadDefinition: a.refuseBadDefinition }),
    offlineTagDelete: (inner) => recordTagDeleteWhenOffline(inner, offline),
    close: () => sets.close(),
  };
}
