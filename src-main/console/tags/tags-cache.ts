// What the Tags view keeps of each connection besides the nodes' details (those live in
// details/node-details-store.ts): the node list it last read, with each node's fingerprint,
// when its details were last synced whole, and the tag list last read, so the view, its
// preview and its explorer work offline. In the settings database.
import type { TagInfo } from '../../../src-shared/contract/maas-types';
import type { SettingsDb } from '../../connections/settings-db';
import type { CachedNode } from '../details/node-fingerprint';

interface NodeRow { system_id: string; hostname: string; status_name: string; tags: string; fingerprint: string }

export class TagsCache {
  readonly #db: SettingsDb;
  readonly #q;

  constructor(db: SettingsDb) {
    this.#db = db;
    this.#q = {
      nodes: db.prepare<[string], NodeRow>('SELECT * FROM tag_nodes WHERE connection_id = ? ORDER BY hostname, system_id'),
      upsertNode: db.prepare(`INSERT INTO tag_nodes VALUES (@c, @systemId, @hostname, @statusName, @tags, @fingerprint)
        ON CONFLICT DO UPDATE SET hostname = excluded.hostname, status_name = excluded.status_name,
        tags = excluded.tags, fingerprint = excluded.fingerprint`),
      nodeCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM tag_nodes WHERE connection_id = ?'),
      deleteNode: db.prepare('DELETE FROM tag_nodes WHERE connection_id = ? AND system_id = ?'),
      forget: [db.prepare('DELETE FROM tag_nodes WHERE connection_id = ?'), db.prepare('DELETE FROM details_syncs WHERE connection_id = ?'),
        db.prepare('DELETE FROM tag_lists WHERE connection_id = ?')],
      lastSync: db.prepare<[string], { last_sync: string }>('SELECT last_sync FROM details_syncs WHERE connection_id = ?'),
      setSync: db.prepare('INSERT OR REPLACE INTO details_syncs VALUES (?, ?)'),
      tags: db.prepare<[string], { tags: string; at: string }>('SELECT tags, at FROM tag_lists WHERE connection_id = ?'),
      setTags: db.prepare('INSERT OR REPLACE INTO tag_lists VALUES (?, ?, ?)'),
    };
  }

  nodes(connectionId: string): CachedNode[] {
    return this.#q.nodes.all(connectionId).map((r) => ({
      systemId: r.system_id, hostname: r.hostname, statusName: r.status_name,
      tags: JSON.parse(r.tags) as string[], fingerprint: r.fingerprint,
    }));
  }

  nodeCount(connectionId: string): number {
    return this.#q.nodeCount.get(connectionId)?.n ?? 0;
  }

  /** Replaces the node list; returns the system ids of the nodes that left it. */
  replaceNodes(connectionId: string, nodes: CachedNode[]): string[] {
    const keep = new Set(nodes.map((n) => n.systemId));
    const gone: string[] = [];
    this.#db.transaction(() => {
      for (const old of this.#q.nodes.all(connectionId)) {
        if (!keep.has(old.system_id)) { this.#q.deleteNode.run(connectionId, old.system_id); gone.push(old.system_id); }
      }
      for (const n of nodes) this.#q.upsertNode.run({ c: connectionId, ...n, tags: JSON.stringify(n.tags) });
    })();
    return gone;
  }

  /** Everything kept of a connection (removed, or its server changed). */
  forget(connectionId: string): void {
    this.#db.transaction(() => { for (const q of this.#q.forget) q.run(connectionId); })();
  }

  lastSync(connectionId: string): string | null {
    return this.#q.lastSync.get(connectionId)?.last_sync ?? null;
  }

  markSynced(connectionId: string, at: string): void {
    this.#q.setSync.run(connectionId, at);
  }

  /** The tag list as last read from the server, for when it cannot be reached. */
  tags(connectionId: string): { tags: TagInfo[]; at: string } | null {
    const row = this.#q.tags.get(connectionId);
    return row ? { tags: JSON.parse(row.tags) as TagInfo[], at: row.at } : null;
  }

  putTags(connectionId: string, tags: TagInfo[], at: string): void {
    this.#q.setTags.run(connectionId, JSON.stringify(tags), at);
  }
}
