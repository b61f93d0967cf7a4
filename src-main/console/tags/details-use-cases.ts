// The nodes' details as the tags view needs them: what is kept (and what is stale), a
// fetch of everything missing or changed with progress, and one node's details for the
// lshw explorer (from the details' home, fetched and kept on first sight).
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { DetailsStatus, DetailsSyncResult, NodeDetailsView } from '../../../src-shared/contract/tags';
import { refreshNodes, syncDetails, type TagStores } from './details-sync';
import { staleNodes } from '../details/node-fingerprint';
import type { PreviewService } from './preview-service';
import type { ClientFor } from './tag-use-cases';
import type { Emit } from '../../ipc/dispatcher';

export interface DetailsDeps extends TagStores {
  clientFor: ClientFor;
  preview: PreviewService;
  emit: Emit;
  /** The sync running per connection: a second request joins it. */
  syncs: Map<string, Promise<DetailsSyncResult>>;
  now?: () => Date;
}

/**
 * What the cache holds. A connection never listed yet (the explorer opened from a node's
 * detail before the tags view) has its node list read once first.
 */
export async function detailsStatus(d: DetailsDeps, connectionId: string): Promise<DetailsStatus> {
  if (d.cache.nodeCount(connectionId) === 0) await listNodesOnce(d, connectionId);
  const cached = d.cache.nodes(connectionId);
  const fingerprints = d.details.fingerprints(connectionId);
  const lshw = d.details.withLshw(connectionId);
  // The view is open: have the preview's workers load this connection's details now.
  void d.preview.warm(connectionId).catch(() => undefined);
  return {
    connectionId,
    nodes: cached.map(({ systemId, hostname, statusName, tags }) => ({ systemId, hostname, statusName, tags, hasLshw: lshw.has(systemId) })),
    cached: cached.filter((n) => fingerprints.has(n.systemId)).length,
    stale: staleNodes(cached, fingerprints).length,
    commissioning: cached.filter((n) => n.statusName === 'Commissioning').length,
    lastSync: d.cache.lastSync(connectionId),
  };
}

export function fetchAllDetails(d: DetailsDeps, connectionId: string, all: boolean): Promise<DetailsSyncResult> {
  const already = d.syncs.get(connectionId);
  if (already) return already;
  const job = (async () => syncDetails({
    cache: d.cache,
    details: d.details,
    source: await d.clientFor(connectionId),
    connectionId,
    all,
    now: d.now,
    progress: (p) => d.emit('details.progress', p),
  }))().finally(() => d.syncs.delete(connectionId));
  d.syncs.set(connectionId, job);
  return job;
}

async function listNodesOnce(d: DetailsDeps, connectionId: string): Promise<void> {
  await refreshNodes(d, connectionId, await d.clientFor(connectionId));
}

export async function nodeDetails(d: DetailsDeps, connectionId: string, systemId: string): Promise<NodeDetailsView> {
  const find = () => d.cache.nodes(connectionId).find((n) => n.systemId === systemId);
  let node = find();
  // A node the cache has not seen (new, or the list was never read): ask the server once.
  if (!node && d.details.get(connectionId, systemId) === null) {
    await listNodesOnce(d, connectionId);
    node = find();
  }
  let cached = d.details.get(connectionId, systemId);
  if (cached === null) {
    if (!node) throw new ConsoleFailure('not-found', `The server has no node ${systemId}.`);
    const fresh = await (await d.clientFor(connectionId)).details(systemId);
    cached = { systemId, ...fresh, fingerprint: node.fingerprint, fetchedAt: (d.now?.() ?? new Date()).toISOString() };
    d.details.put(connectionId, cached);
  }
  return { systemId, hostname: node?.hostname ?? systemId, lshw: cached.lshw, lldp: cached.lldp, fetchedAt: cached.fetchedAt };
}
