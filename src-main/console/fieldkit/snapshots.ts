// Keeping the offline snapshots (console/snapshot/snapshot-store.ts) fresh. Every whole read
// another area makes through a remote connection's client (tags, zones, the newest events)
// is written through; the inventory writes its node list itself, and node detail its node.
// "This laptop" is never snapshotted: it is always here.
import type { RemoteSnapshot } from '../../../src-shared/contract/change-sets';
import type { EventQuery } from '../../../src-shared/contract/maas-types';
import type { MaasClient } from '../../maas-client/index';
import type { SnapshotStore } from '../snapshot/snapshot-store';

/** A query for the newest events of every node: what "recent events" means in a snapshot. */
const isNewest = (q: EventQuery | undefined) => !q || (q.before === undefined && q.after === undefined
  && !q.hostname?.length && !q.systemId?.length && !q.zone && !q.macAddress?.length && !q.agentName);

/**
 * How old the kept zones, tags and (API 2.0) server offer may be when the node list is read
 * again. Offline actions (Set zone, Set pool, Add tag) offer them, so a server browsed only
 * through its inventory still has them the day it is gone; a few small reads a minute at most.
 */
export const CHOICES_FRESH_MS = 60_000;

/** The client of a remote connection, its whole reads written through to the snapshot. */
export function snapshotting(client: MaasClient, connectionId: string, store: SnapshotStore, now: () => number = Date.now): MaasClient {
  const keep = (f: () => void) => { try { f(); } catch { /* a snapshot is a convenience */ } };
  const stale = (kind: 'zones' | 'tags' | 'offer') => { const p = store.part(connectionId, kind); return !p || now() - Date.parse(p.takenAt) > CHOICES_FRESH_MS; };
  const wrapped: MaasClient = {
    ...client,
    async listNodes(...args) {
      const nodes = await client.listNodes(...args);
      // Read alongside, never in the way: a failure here leaves the older lists kept.
      if (stale('zones')) void wrapped.listZones().catch(() => undefined);
      if (stale('tags')) void wrapped.listTags().catch(() => undefined);
      // Pools (and images, scripts) exist on API 2.0 servers only.
      if (client.apiVersion === '2.0' && stale('offer')) void wrapped.serverOffer().catch(() => undefined);
      return nodes;
    },
    async serverOffer() { const o = await client.serverOffer(); keep(() => store.put(connectionId, 'offer', [o])); return o; },
    async listTags() { const t = await client.listTags(); keep(() => store.put(connectionId, 'tags', t)); return t; },
    async listZones() { const z = await client.listZones(); keep(() => store.put(connectionId, 'zones', z)); return z; },
    async queryEvents(q) {
      const page = await client.queryEvents(q);
      if (isNewest(q)) keep(() => store.addEvents(connectionId, page.events));
      return page;
    },
  };
  return wrapped;
}

export async function refreshSnapshot(client: MaasClient, connectionId: string, store: SnapshotStore): Promise<RemoteSnapshot> {
  const c = snapshotting(client, connectionId, store);
  const [nodes] = await Promise.all([client.listNodes(), c.listTags(), c.listZones(), c.queryEvents({ limit: 1000, level: 'DEBUG' })]);
  store.put(connectionId, 'nodes', nodes);
  return store.get(connectionId);
}
