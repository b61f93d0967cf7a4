// Fetching nodes' details into their home (details/node-details-store.ts): the node list
// first (it is how we know which details may have changed), then `details` for every node
// that is new or stale, a few at a time, reporting progress. A node whose fetch fails keeps
// what was kept; nodes gone from the server leave the home (its listeners hear of it).
import type { NodeDetails, NodeSummary } from '../../../src-shared/contract/maas-types';
import type { DetailsProgress, DetailsSyncResult } from '../../../src-shared/contract/tags';
import type { KeptDetails, NodeDetailsStore } from '../details/node-details-store';
import { staleNodes, toCachedNode, type CachedNode } from '../details/node-fingerprint';
import type { TagsCache } from './tags-cache';

/** What the sync needs of a MAAS client. */
export interface DetailsSource {
  listNodes(): Promise<NodeSummary[]>;
  details(systemId: string): Promise<NodeDetails>;
}

/** Where the Tags view keeps its node list, and the home of the details. */
export interface TagStores {
  cache: TagsCache;
  details: NodeDetailsStore;
}

export interface SyncOptions extends TagStores {
  source: DetailsSource;
  connectionId: string;
  /** Refetch every node, not only the new and stale ones. */
  all: boolean;
  progress: (p: DetailsProgress) => void;
  concurrency?: number;
  now?: () => Date;
}

/** Asks the server for its nodes and records them; the details of nodes that left go too. */
export async function refreshNodes(s: TagStores, connectionId: string, source: DetailsSource): Promise<CachedNode[]> {
  const nodes = (await source.listNodes()).map(toCachedNode);
  const gone = s.cache.replaceNodes(connectionId, nodes);
  if (gone.length > 0) s.details.evict(connectionId, gone);
  return nodes;
}

export async function syncDetails(o: SyncOptions): Promise<DetailsSyncResult> {
  const now = o.now ?? (() => new Date());
  const nodes = await refreshNodes(o, o.connectionId, o.source);
  const todo = o.all ? nodes : staleNodes(nodes, o.details.fingerprints(o.connectionId));
  const result: DetailsSyncResult = { connectionId: o.connectionId, fetched: 0, reused: nodes.length - todo.length, failed: [] };
  let next = 0;
  let done = 0;
  const report = () => o.progress({ connectionId: o.connectionId, done, total: todo.length, failed: result.failed.length });
  report();
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const node = todo[next++];
      try {
        const d = await o.source.details(node.systemId);
        const kept: KeptDetails = { systemId: node.systemId, lshw: d.lshw, lldp: d.lldp, fingerprint: node.fingerprint, fetchedAt: now().toISOString() };
        o.details.put(o.connectionId, kept);
        result.fetched++;
      } catch (e) {
        result.failed.push({ systemId: node.systemId, message: e instanceof Error ? e.message : String(e) });
      }
      done++;
      // About a hundred progress events whatever the node count.
      if (done === todo.length || done % Math.max(1, Math.floor(todo.length / 100)) === 0) report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 4, Math.max(1, todo.length)) }, worker));
  if (result.failed.length === 0) o.cache.markSynced(o.connectionId, now().toISOString());
  return result;
}
