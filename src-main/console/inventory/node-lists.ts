// The node list of each connection, held in main: answered from memory or the disk cache at
// once, refreshed from the server, and kept fresh for the watched connection (the one the
// inventory shows): its change feed every few seconds (change-feed.ts), and a whole-list read
// now and then for what MAAS records no event for — one read at a time, a failing server
// read whole less and less often. Changes go to the renderer as deltas, never the whole list.
import type { InventorySnapshot, SyncState } from '../../../src-shared/contract/inventory';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import type { Emit } from '../../ipc/dispatcher';
import { ChangeFeed } from './change-feed';
import type { ClientFor } from './inventory-client';

/** Where the last list of each connection is kept across restarts (the settings database's snapshot). */
export interface NodeListStore {
  read(connectionId: string): { fetchedAt: string; nodes: NodeSummary[] } | null;
  write(connectionId: string, list: { fetchedAt: string; nodes: NodeSummary[] }): void;
  forget(connectionId: string): void;
  /** Moves the time of a kept list that did not change; false when there is none kept. */
  touch?(connectionId: string, fetchedAt: string): boolean;
}

export interface NodeListsDeps {
  clientFor: ClientFor;
  emit: Emit;
  cache: NodeListStore;
  /** How often the watched connection is re-read whole; 0 turns polling off. */
  pollEveryMs: (connectionId: string) => number;
  /** How often its change feed (events since the newest seen) is read; 0 or absent: no feed. */
  feedEveryMs?: (connectionId: string) => number;
  now?: () => Date;
}

interface Held {
  byId: Map<string, NodeSummary>;
  /** Each node's JSON as last seen, to tell a changed node from an unchanged one. */
  seen: Map<string, string>;
  fetchedAt: string | null;
  fromDisk: boolean;
  fetching: Promise<void> | null;
  error: string | null;
  failures: number;
}

const MAX_BACKOFF_MS = 10 * 60_000;
/** Ids per `op=list&id=…` read: keeps the query string well under common URL limits. */
const IDS_PER_READ = 150;

export class NodeLists {
  #held = new Map<string, Held>();
  #watched: string | null = null;
  #timer: NodeJS.Timeout | null = null;
  #cacheTimer: NodeJS.Timeout | null = null;
  #dirty = new Set<string>();
  #closed = false;
  readonly #feed: ChangeFeed;

  constructor(private readonly d: NodeListsDeps) {
    this.#feed = new ChangeFeed({
      clientFor: d.clientFor, everyMs: d.feedEveryMs ?? (() => 0),
      reread: (id, ids) => this.refreshIds(id, ids),
      // Back after an outage: read the whole list now and put the whole-list poll back on time.
      resumed: (id) => { void this.refresh(id).finally(() => { if (this.#watched === id) this.#schedule(); }); },
    });
  }

  #now = () => (this.d.now ?? (() => new Date()))().toISOString();

  #hold(id: string): Held {
    let h = this.#held.get(id);
    if (!h) {
      h = { byId: new Map(), seen: new Map(), fetchedAt: null, fromDisk: false, fetching: null, error: null, failures: 0 };
      const cached = this.d.cache.read(id);
      if (cached) {
        for (const n of cached.nodes) { h.byId.set(n.systemId, n); h.seen.set(n.systemId, JSON.stringify(n)); }
        h.fetchedAt = cached.fetchedAt;
        h.fromDisk = true;
      }
      this.#held.set(id, h);
    }
    return h;
  }

  /** The list now: from memory or disk when held (a refresh follows), else read first. */
  async list(connectionId: string): Promise<InventorySnapshot> {
    const h = this.#hold(connectionId);
    this.#watch(connectionId);
    if (h.fetchedAt === null) await this.refresh(connectionId, { throwOnError: true });
    else if (h.fromDisk) void this.refresh(connectionId);
    return { connectionId, nodes: [...h.byId.values()], fetchedAt: h.fetchedAt, stale: h.fromDisk };
  }

  /** What is held of a connection (memory, else disk), without watching it or reading the server. */
  peek(connectionId: string): { nodes: NodeSummary[]; fetchedAt: string | null; fromDisk: boolean } {
    const h = this.#hold(connectionId);
    return { nodes: [...h.byId.values()], fetchedAt: h.fetchedAt, fromDisk: h.fromDisk };
  }

  get(connectionId: string, systemId: string): NodeSummary | undefined {
    return this.#held.get(connectionId)?.byId.get(systemId);
  }

  syncState(connectionId: string): SyncState {
    const h = this.#hold(connectionId);
    return { connectionId, fetching: h.fetching !== null, fetchedAt: h.fetchedAt, error: h.error };
  }

  /** Reads the whole list; concurrent callers share one read. */
  async refresh(connectionId: string, o: { throwOnError?: boolean } = {}): Promise<SyncState> {
    const h = this.#hold(connectionId);
    if (!h.fetching) {
      h.fetching = this.#readAll(connectionId, h).finally(() => {
        h.fetching = null;
        this.d.emit('inventory.sync', this.syncState(connectionId));
      });
      this.d.emit('inventory.sync', this.syncState(connectionId));
    }
    try {
      await h.fetching;
    } catch (e) {
      if (o.throwOnError) throw e;
    }
    return this.syncState(connectionId);
  }

  async #readAll(connectionId: string, h: Held): Promise<void> {
    try {
      const nodes = await (await this.d.clientFor(connectionId)).listNodes();
      const fresh = new Set(nodes.map((n) => n.systemId));
      const removed = [...h.byId.keys()].filter((id) => !fresh.has(id));
      h.fromDisk = false;
      h.error = null;
      h.failures = 0;
      const changed = this.#apply(connectionId, h, nodes, removed);
      // An unchanged list (most polls) only moves its "as of" time: no rewrite of every node.
      if (changed || !this.d.cache.touch?.(connectionId, h.fetchedAt!)) this.d.cache.write(connectionId, { fetchedAt: h.fetchedAt!, nodes: [...h.byId.values()] });
    } catch (e) {
      h.error = (e as Error).message;
      h.failures++;
      throw e;
    }
  }

  /** Re-reads some nodes (after a bulk action); ids the server no longer has are removed. */
  async refreshIds(connectionId: string, systemIds: readonly string[]): Promise<void> {
    const h = this.#hold(connectionId);
    const client = await this.d.clientFor(connectionId);
    for (let i = 0; i < systemIds.length; i += IDS_PER_READ) {
      const ids = systemIds.slice(i, i + IDS_PER_READ);
      const nodes = await client.listNodes({ systemIds: ids });
      const got = new Set(nodes.map((n) => n.systemId));
      this.#apply(connectionId, h, nodes, ids.filter((id) => !got.has(id) && h.byId.has(id)));
    }
    this.#cacheSoon(connectionId);
  }

  /** Nodes a use-case already has fresh from the server (a per-node call answers with it). */
  upsert(connectionId: string, nodes: NodeSummary[], removed: string[] = []): void {
    this.#apply(connectionId, this.#hold(connectionId), nodes, removed);
    this.#cacheSoon(connectionId);
  }

  /** True when anything changed. */
  #apply(connectionId: string, h: Held, nodes: NodeSummary[], removed: string[]): boolean {
    const upserts: NodeSummary[] = [];
    for (const n of nodes) {
      const json = JSON.stringify(n);
      if (h.seen.get(n.systemId) === json) continue;
      h.seen.set(n.systemId, json);
      h.byId.set(n.systemId, n);
      upserts.push(n);
    }
    for (const id of removed) { h.byId.delete(id); h.seen.delete(id); }
    h.fetchedAt = this.#now();
    if (upserts.length || removed.length) this.d.emit('inventory.changed', { connectionId, upserts, removed, fetchedAt: h.fetchedAt });
    return upserts.length > 0 || removed.length > 0;
  }

  #cacheSoon(connectionId: string) {
    // A read still in flight when the console closes must not arm a write after its database closed.
    if (this.#closed) return;
    this.#dirty.add(connectionId);
    if (this.#cacheTimer) return;
    this.#cacheTimer = setTimeout(() => this.flush(), 2000);
    this.#cacheTimer.unref();
  }

  /** Writes pending cache changes now (also on close). */
  flush(): void {
    if (this.#cacheTimer) clearTimeout(this.#cacheTimer);
    this.#cacheTimer = null;
    for (const id of this.#dirty) {
      const h = this.#held.get(id);
      if (h?.fetchedAt) this.d.cache.write(id, { fetchedAt: h.fetchedAt, nodes: [...h.byId.values()] });
    }
    this.#dirty.clear();
  }

  /** Polls only the connection the inventory shows; switching moves the poll. */
  #watch(connectionId: string) {
    if (this.#watched === connectionId && this.#timer) return;
    this.#watched = connectionId;
    this.#feed.watch(connectionId);
    this.#schedule();
  }

  #schedule() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const id = this.#watched;
    if (!id || this.#closed) return;
    const every = this.d.pollEveryMs(id);
    if (every <= 0) return;
    const h = this.#hold(id);
    const wait = Math.min(MAX_BACKOFF_MS, every * 2 ** Math.min(h.failures, 6));
    this.#timer = setTimeout(() => {
      void this.refresh(id).finally(() => this.#schedule());
    }, wait);
    this.#timer.unref();
  }

  /** Drops what is held for a connection (removed, or its server or key changed). */
  forget(connectionId: string): void {
    this.#held.delete(connectionId);
    this.d.cache.forget(connectionId);
    this.#feed.forget(connectionId);
    if (this.#watched === connectionId) { this.#watched = null; this.#schedule(); }
  }

  close(): void {
    this.#closed = true;
    this.#feed.close();
    if (this.#timer) clearTimeout(this.#timer);
    this.flush();
  }
}
