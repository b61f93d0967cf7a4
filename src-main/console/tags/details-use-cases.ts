// The nodes' details as the tags view needs them: what is cached (and what is stale), a
// fetch of everything missing or changed with progress, and one node's details for the
// lshw explorer (from the cache, fetched and cached on first sight).
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { DetailsStatus, DetailsSyncResult, NodeDetailsView } from '../../../src-shared/contract/tags';
import type { DetailsCache } from './details-cache';
import { syncDetails } from './details-sync';
import { staleNodes } from './node-fingerprint';
import type { PreviewService } from './preview-service';
import type { ClientFor } from './tag-use-cases';
import type { Emit } from '../../ipc/dispatcher';

export interface DetailsDeps {
  clientFor: ClientFor;
  cache: DetailsCache;
  preview: PreviewService;
  emit: Emit;
  /** The sync running per connection: a second request joins it. */
  syncs: Map<string, Promise<DetailsSyncResult>>;
  now?: () => Date;
}

export function detailsStatus(d: DetailsDeps, connectionId: string): DetailsStatus {
  const cached = d.cache.nodes(connectionId);
  const fingerprints = d.cache.detailFingerprints(connectionId);
  return {
    connectionId,
    nodes: cached.map(({ systemId, hostname, statusName, tags }) => ({ systemId, hostname, statusName, tags })),
    cached: cached.filter((n) => fingerprints.has(n.systemId)).length,
    stale: staleNodes(cached, fingerprints).length,
    lastSync: d.cache.lastSync(connectionId),
  };
}

export function fetchAllDetails(d: DetailsDeps, connectionId: string, all: boolean): Promise<DetailsSyncResult> {
  const already = d.syncs.get(connectionId);
  if (already) return already;
  const job = (async () => syncDetails({
    cache: d.cache,
    source: await d.clientFor(connectionId),
    connectionId,
    all,
    now: d.now,
    progress: (p) => d.emit('details.progress', p),
    fetched: (det) => d.preview.took(connectionId, det),
    removed: (ids) => d.preview.gone(connectionId, ids),
  }))().finally(() => d.syncs.delete(connectionId));
  d.syncs.set(connectionId, job);
  return job;
}

export async function nodeDetails(d: DetailsDeps, connectionId: string, systemId: string): Promise<NodeDetailsView> {
  const node = d.cache.nodes(connectionId).find((n) => n.systemId === systemId);
  let cached = d.cache.details(connectionId, systemId);
  if (cached === null) {
    if (!node) throw new ConsoleFailure('not-found', `No node ${systemId} is known on this connection; open the tags view to list its nodes.`);
    const fresh = await (await d.clientFor(connectionId)).details(systemId);
    cached = { systemId, ...fresh, fingerprint: node.fingerprint, fetchedAt: (d.now?.() ?? new Date()).toISOString() };
    d.cache.putDetails(connectionId, cached);
    d.preview.took(connectionId, cached);
  }
  return { systemId, hostname: node?.hostname ?? systemId, lshw: cached.lshw, lldp: cached.lldp, fetchedAt: cached.fetchedAt };
}
