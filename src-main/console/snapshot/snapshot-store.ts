// What the console last read from each server, in the settings database ("every
// remote server browsable offline"): the whole node list, tags, zones, recent events and what
// the server offers its forms (pools…), one row each; per node, the details and the detail
// last shown are in their own home (details/node-details-store.ts), which forgetting a
// connection empties too. The inventory keeps its node list here (so a restart shows it at
// once: PERFORMANCE.md cold start), the events and bulk dialogs answer from here when the
// server is unreachable, and the field kit shows it. Nothing secret is ever written: node
// summaries carry no power parameters.
import type { RemoteSnapshot } from '../../../src-shared/contract/change-sets';
import type { MaasEvent, NodeSummary, ServerOffer, TagInfo, ZoneInfo } from '../../../src-shared/contract/maas-types';
import type { SettingsDb } from '../../connections/settings-db';
import type { NodeDetailsStore } from '../details/node-details-store';

export interface Taken<T> { takenAt: string; items: T[] }
/** `offer`: what the server offers its forms (pools, images, scripts), one item. */
interface Parts { nodes: NodeSummary; tags: TagInfo; zones: ZoneInfo; events: MaasEvent; offer: ServerOffer }
export type SnapshotKind = keyof Parts;

/** A node list as last read: what the inventory holds across restarts. */
export interface CachedList { fetchedAt: string; nodes: NodeSummary[] }

/** Recent events kept per server: about a day of a busy rack, a few hundred kB. */
export const SNAPSHOT_EVENTS = 2000;

export class SnapshotStore {
  #put; #part; #all; #forget; #touch;
  constructor(db: SettingsDb, private details: Pick<NodeDetailsStore, 'forget'>, private now: () => Date = () => new Date()) {
    this.#put = db.prepare(`INSERT INTO remote_snapshots (connection_id, kind, taken_at, json) VALUES (?, ?, ?, ?)
      ON CONFLICT (connection_id, kind) DO UPDATE SET taken_at = excluded.taken_at, json = excluded.json`);
    this.#part = db.prepare<[string, string], { taken_at: string; json: string }>('SELECT taken_at, json FROM remote_snapshots WHERE connection_id = ? AND kind = ?');
    this.#all = db.prepare<[string], { kind: SnapshotKind; taken_at: string; json: string }>('SELECT kind, taken_at, json FROM remote_snapshots WHERE connection_id = ?');
    this.#forget = db.prepare('DELETE FROM remote_snapshots WHERE connection_id = ?');
    this.#touch = db.prepare('UPDATE remote_snapshots SET taken_at = ? WHERE connection_id = ? AND kind = ?');
  }

  put<K extends SnapshotKind>(connectionId: string, kind: K, items: Parts[K][], takenAt = this.now().toISOString()): void {
    this.#put.run(connectionId, kind, takenAt, JSON.stringify(items));
  }

  part<K extends SnapshotKind>(connectionId: string, kind: K): Taken<Parts[K]> | null {
    const r = this.#part.get(connectionId, kind);
    return r ? { takenAt: r.taken_at, items: JSON.parse(r.json) as Parts[K][] } : null;
  }

  /** The newest events merged into those kept (by id), newest first, capped. */
  addEvents(connectionId: string, events: MaasEvent[]): void {
    const byId = new Map((this.part(connectionId, 'events')?.items ?? []).map((e) => [e.id, e]));
    for (const e of events) byId.set(e.id, e);
    this.put(connectionId, 'events', [...byId.values()].sort((a, b) => b.id - a.id).slice(0, SNAPSHOT_EVENTS));
  }

  get(connectionId: string): RemoteSnapshot {
    const out: RemoteSnapshot = { connectionId, nodes: null, tags: null, zones: null, events: null };
    for (const r of this.#all.all(connectionId)) {
      if (r.kind !== 'offer') (out as unknown as Record<SnapshotKind, unknown>)[r.kind] = { takenAt: r.taken_at, items: JSON.parse(r.json) };
    }
    return out;
  }

  // The inventory's node list store (see inventory/node-lists.ts NodeListStore).
  read(connectionId: string): CachedList | null {
    const p = this.part(connectionId, 'nodes');
    return p ? { fetchedAt: p.takenAt, nodes: p.items } : null;
  }

  write(connectionId: string, list: CachedList): void { this.put(connectionId, 'nodes', list.nodes, list.fetchedAt); }

  /** A node list read again and found unchanged: only its time moves (10,000 nodes are ~7 MB of JSON). */
  touch(connectionId: string, fetchedAt: string): boolean { return this.#touch.run(fetchedAt, connectionId, 'nodes').changes > 0; }

  /** Drops everything kept of a connection (removed, or its server changed). */
  forget(connectionId: string): void { this.#forget.run(connectionId); this.details.forget(connectionId); }
}
