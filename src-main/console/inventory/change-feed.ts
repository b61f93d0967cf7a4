// The change feed of the connection on screen: every few seconds, `events op=query` from
// the newest event id seen (the one cursor every MAAS has, 1.x to 3.x, and the embedded
// region), then a re-read of just the nodes those events name. A status, power, tag or
// hardware change on the server is in the grid within one tick plus one read, instead of
// at the next whole-list read. Each tick is also a call that tells the connection's health
// (the client reports every outcome): a stopped server shows offline at the first tick that
// fails, and online again at the first that answers — so the interval never backs off.
import type { ClientFor } from './inventory-client';

export interface ChangeFeedDeps {
  clientFor: ClientFor;
  /** Re-reads these nodes of the connection (and pushes what changed). */
  reread: (connectionId: string, systemIds: string[]) => Promise<void>;
  /** After ticks that failed, the first that answers: changes may have been missed. */
  resumed: (connectionId: string) => void;
  /** Tick interval for a connection; 0 turns the feed off. */
  everyMs: (connectionId: string) => number;
}

/** Events per tick: MAAS's cap for `limit`; a busier tick is caught up by the next. */
const PAGE = 1000;

export class ChangeFeed {
  #cursor = new Map<string, number>();
  #watched: string | null = null;
  #timer: NodeJS.Timeout | null = null;
  #failing = false;
  #closed = false;

  constructor(private readonly d: ChangeFeedDeps) {}

  /** Follows this connection (only one at a time: the one the inventory shows). */
  watch(connectionId: string): void {
    if (this.#watched === connectionId && this.#timer) return;
    this.#watched = connectionId;
    this.#failing = false;
    this.#schedule(0);
  }

  #schedule(ms: number) {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const id = this.#watched;
    if (!id || this.#closed || this.d.everyMs(id) <= 0) return;
    this.#timer = setTimeout(() => { void this.tick(id).finally(() => { if (this.#watched === id) this.#schedule(this.d.everyMs(id)); }); }, ms);
    this.#timer.unref();
  }

  /** One read of the feed; exported for tests. */
  async tick(connectionId: string): Promise<void> {
    try {
      const client = await this.d.clientFor(connectionId);
      const after = this.#cursor.get(connectionId);
      // The first tick only finds where "now" is: what happened before is in the list read.
      // DEBUG is the lowest level `level=` takes as a minimum (AUDIT is matched exactly).
      const page = await client.queryEvents(after === undefined ? { limit: 1, level: 'DEBUG' } : { after, limit: PAGE, level: 'DEBUG' });
      const fresh = after === undefined ? [] : page.events.filter((e) => e.id > after);
      const newest = Math.max(after ?? 0, ...page.events.map((e) => e.id));
      this.#cursor.set(connectionId, newest);
      if (this.#failing) { this.#failing = false; this.d.resumed(connectionId); }
      const named = [...new Set(fresh.map((e) => e.systemId).filter(Boolean))];
      if (named.length) await this.d.reread(connectionId, named);
    } catch {
      // The client has already told the connection's health; the next tick tries again.
      this.#failing = true;
    }
  }

  forget(connectionId: string): void {
    this.#cursor.delete(connectionId);
    if (this.#watched === connectionId) { this.#watched = null; this.#schedule(0); }
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
  }
}
