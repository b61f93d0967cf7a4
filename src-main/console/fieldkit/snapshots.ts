// Offline snapshots of remote connections. Every whole read another area makes through a
// connection's client (the full node list, tags, zones, the newest events) is written through
// to the settings database, so the last known state is there when the server is not.
// "This laptop" is never snapshotted: it is always here.
import type { RemoteSnapshot } from '../../../src-shared/contract/change-sets';
import type { SettingsDb } from '../../connections/settings-db';
import type { MaasClient } from '../../maas-client/index';

type Kind = 'nodes' | 'tags' | 'zones' | 'events';

export class SnapshotStore {
  #put; #get;
  constructor(db: SettingsDb, private now: () => Date = () => new Date()) {
    this.#put = db.prepare(`INSERT INTO remote_snapshots (connection_id, kind, taken_at, json) VALUES (?, ?, ?, ?)
      ON CONFLICT (connection_id, kind) DO UPDATE SET taken_at = excluded.taken_at, json = excluded.json`);
    this.#get = db.prepare<[string], { kind: Kind; taken_at: string; json: string }>('SELECT kind, taken_at, json FROM remote_snapshots WHERE connection_id = ?');
  }
  put(connectionId: string, kind: Kind, items: unknown[]): void { this.#put.run(connectionId, kind, this.now().toISOString(), JSON.stringify(items)); }
  get(connectionId: string): RemoteSnapshot {
    const out: RemoteSnapshot = { connectionId, nodes: null, tags: null, zones: null, events: null };
    for (const r of this.#get.all(connectionId)) (out as unknown as Record<Kind, unknown>)[r.kind] = { takenAt: r.taken_at, items: JSON.parse(r.json) };
    return out;
  }
}

/** The client of a remote connection, its whole reads written through to the snapshot. */
export function snapshotting(client: MaasClient, connectionId: string, store: SnapshotStore): MaasClient {
  const keep = (kind: Kind, items: unknown[]) => { try { store.put(connectionId, kind, items); } catch { /* a snapshot is a convenience */ } };
  return {
    ...client,
    async listNodes(filter) {
      const list = await client.listNodes(filter);
      if (!filter || Object.values(filter).every((v) => v === undefined)) keep('nodes', list);
      return list;
    },
    async listTags() { const t = await client.listTags(); keep('tags', t); return t; },
    async listZones() { const z = await client.listZones(); keep('zones', z); return z; },
    async queryEvents(q) {
      const page = await client.queryEvents(q);
      if (!q || (q.before === undefined && q.after === undefined && !q.hostname && !q.systemId && !q.zone && !q.macAddress && !q.agentName)) keep('events', page.events);
      return page;
    },
  };
}

export async function refreshSnapshot(client: MaasClient, connectionId: string, store: SnapshotStore): Promise<RemoteSnapshot> {
  const c = snapshotting(client, connectionId, store);
  await Promise.all([c.listNodes(), c.listTags(), c.listZones(), c.queryEvents({ limit: 200 })]);
  return store.get(connectionId);
}
