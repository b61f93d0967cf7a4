// The inventory's use-cases, assembled for the composition root.
import type { Emit, HandlersFor } from '../../ipc/dispatcher';
import { BulkRunner, type BulkRunnerDeps } from './bulk-runner';
import { withActions } from './server-offer';
import { nodeDetail, rawLshw } from './node-detail';
import { editNode } from './node-edit';
import type { ClientFor } from './inventory-client';
import { NodeLists } from './node-lists';
import { openSettingsDb } from '../../connections/settings-db';
import { SnapshotStore } from '../snapshot/snapshot-store';
import { NodeDetailsStore } from '../details/node-details-store';
import { orKept } from '../snapshot/offline';
import { consoleClients } from '../maas-failure';

export interface InventoryDeps {
  dataDir: string;
  clientFor: ClientFor;
  /** The offline snapshots (node lists, zones, tags, events); opened in dataDir when not given. */
  snapshots?: SnapshotStore;
  /** The nodes' details and node details as last shown; in the same database when not given. */
  details?: NodeDetailsStore;
  emit: Emit;
  /** Whole-list re-read interval of the shown connection (default: 15 s for This laptop, 30 s for servers). */
  pollEveryMs?: (connectionId: string) => number;
  /** Change-feed interval of the shown connection (default: 1 s for This laptop, 2 s for servers). */
  feedEveryMs?: (connectionId: string) => number;
  chunkSize?: number;
  concurrency?: number;
  log?: (line: string) => void;
  /** Bulk nodes whose call found the server gone, kept for later where they can be (the change set). */
  recordUnreached?: BulkRunnerDeps['recordUnreached'];
}

export type InventoryChannel = 'inventory.list' | 'inventory.refresh' | 'inventory.reread' | 'inventory.node' | 'inventory.lshw'
  | 'inventory.scriptOutput' | 'inventory.choices' | 'inventory.bulk' | 'inventory.bulkCancel' | 'inventory.editNode' | 'inventory.offer';

export interface Inventory {
  handlers: HandlersFor<InventoryChannel>;
  lists: NodeLists;
  bulk: BulkRunner;
  close(): Promise<void>;
}

export function createInventory(deps: InventoryDeps): Inventory {
  const d: InventoryDeps = { ...deps, clientFor: consoleClients(deps.clientFor) };
  const ownDb = d.snapshots ? null : openSettingsDb(d.dataDir);
  const details = d.details ?? new NodeDetailsStore(ownDb!);
  const snapshots = d.snapshots ?? new SnapshotStore(ownDb!, details);
  const lists = new NodeLists({
    clientFor: d.clientFor, emit: d.emit, cache: snapshots,
    // The embedded region is on loopback and cheap to ask; remote servers are read whole
    // gently, and their change feed (one small events query) every 2 s keeps "changed on the
    // server → shown" and "server gone → offline shown" within PERFORMANCE.md's 5 s.
    pollEveryMs: d.pollEveryMs ?? ((id) => (id === 'local' ? 15_000 : 30_000)),
    feedEveryMs: d.feedEveryMs ?? ((id) => (id === 'local' ? 1000 : 2000)),
  });
  const bulk = new BulkRunner({ clientFor: d.clientFor, lists, emit: d.emit, chunkSize: d.chunkSize, concurrency: d.concurrency, log: d.log, recordUnreached: d.recordUnreached });
  const handlers: HandlersFor<InventoryChannel> = {
    'inventory.list': ({ connectionId }) => lists.list(connectionId),
    'inventory.refresh': ({ connectionId }) => lists.refresh(connectionId),
    'inventory.reread': async ({ connectionId, systemIds }) => {
      await lists.refreshIds(connectionId, systemIds);
      return { reread: systemIds.length };
    },
    'inventory.node': ({ connectionId, systemId }) => nodeDetail({ clientFor: d.clientFor, lists, snapshots, details }, connectionId, systemId),
    'inventory.lshw': ({ connectionId, systemId }) => rawLshw({ clientFor: d.clientFor, details }, connectionId, systemId),
    'inventory.scriptOutput': async ({ connectionId, systemId, runId, resultId }) =>
      (await d.clientFor(connectionId)).scriptOutput(systemId, runId, resultId),
    'inventory.choices': async ({ connectionId }) => {
      const names = (l: { name: string }[]) => l.map((x) => x.name).sort();
      // Offline, a bulk action is recorded for later: offer what the server last had.
      const [zones, tags] = await orKept(async () => {
        const c = await d.clientFor(connectionId);
        return Promise.all([c.listZones(), c.listTags()]);
      }, () => {
        const z = snapshots.part(connectionId, 'zones'), t = snapshots.part(connectionId, 'tags');
        return z || t ? [z?.items ?? [], t?.items ?? []] : undefined;
      });
      return { zones: names(zones), tags: names(tags) };
    },
    'inventory.bulk': (req) => bulk.start(req),
    // Offline, an action recorded for later (Set pool) offers what the server last offered.
    'inventory.offer': async ({ connectionId }) => withActions(await orKept(async () => (await d.clientFor(connectionId)).serverOffer(),
      () => snapshots.part(connectionId, 'offer')?.items[0])),
    'inventory.bulkCancel': ({ jobId }) => bulk.cancel(jobId),
    'inventory.editNode': (req) => editNode({ clientFor: d.clientFor, lists }, req),
  };
  return {
    handlers, lists, bulk,
    async close() { await bulk.idle(); lists.close(); ownDb?.close(); },
  };
}
