// Fetching nodes' details into the local cache: the node list first (it is how we know
// which details may have changed), then `details` for every node that is new or stale,
// a few at a time, reporting progress. A node whose fetch fails keeps what the cache had.
import type { NodeDetails, NodeSummary } from '../../../src-shared/contract/maas-types';
import type { DetailsProgress, DetailsSyncResult } from '../../../src-shared/contract/tags';
import type { CachedDetails, CachedNode, DetailsCache } from './details-cache';
import { staleNodes, toCachedNode } from './node-fingerprint';

/** What the sync needs of a MAAS client. */
export interface DetailsSource {
  listNodes(): Promise<NodeSummary[]>;
  details(systemId: string): Promise<NodeDetails>;
}

export interface SyncOptions {
  cache: DetailsCache;
  source: DetailsSource;
  connectionId: string;
  /** Refetch every node, not only the new and stale ones. */
  all: boolean;
  progress: (p: DetailsProgress) => void;
  /** Each node's details as they arrive (the preview corpus takes them). */
  fetched: (d: CachedDetails) => void;
  /** Nodes that are gone from the server. */
  removed: (systemIds: string[]) => void;
  concurrency?: number;
  now?: () => Date;
}

/** Asks the server for its nodes and records them; returns them with what left. */
export async function refreshNodes(cache: DetailsCache, connectionId: string, source: DetailsSource): Promise<{ nodes: CachedNode[]; gone: string[] }> {
  const nodes = (await source.listNodes()).map(toCachedNode);
  const present = new Set(nodes.map((n) => n.systemId));
  const gone = cache.nodes(connectionId).filter((n) => !present.has(n.systemId)).map((n) => n.systemId);
  cache.replaceNodes(connectionId, nodes);
  return { nodes, gone };
}

export async function syncDetails(o: SyncOptions): Promise<DetailsSyncResult> {
  const now = o.now ?? (() => new Date());
  const { nodes, gone } = await refreshNodes(o.cache, o.connectionId, o.source);
  if (gone.length > 0) o.removed(gone);
  const todo = o.all ? nodes : staleNodes(nodes, o.cache.detailFingerprints(o.connectionId));
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
        const cached: CachedDetails = { systemId: node.systemId, lshw: d.lshw, lldp: d.lldp, fingerprint: node.fingerprint, fetchedAt: now().toISOString() };
        o.cache.putDetails(o.connectionId, cached);
        o.fetched(cached);
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
