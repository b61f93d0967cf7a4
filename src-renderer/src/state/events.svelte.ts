// One event log on screen (the Events view, or a node's panel): the loaded run of history
// for the server-side filters, newest first, with the local filters applied as a $derived so
// typing in the search box never asks the server again. A live tail prepends what arrives;
// paused, arrivals wait in `pending` so rows do not move under the reader.
import type { ConsoleClient } from '../../../src-shared/contract/client';
import { FOLLOW_LEASE_MS, type EventExport, type EventFilter, type LoggedEvent } from '../../../src-shared/contract/events';
import { emptyFilter, hasLocalPart, matcherOf, sameServerFilter } from '../../../src-shared/events/event-filter';
import type { ExportFormat } from '../../../src-shared/events/event-export';
import { unpackEvents } from '../../../src-shared/events/event-wire';

/** Rows kept in memory; past this the oldest are dropped (scrolling back reads them again). */
export const MAX_LOADED = 250_000;
const FIRST_WANT = 300;
/** Scrolling back: at least a MAAS page of matches per step. */
const OLDER_WANT = 1000;
const PAGE_LIMIT = 5000;
/** Per request when reading everything: fewer, larger answers over IPC. */
const BULK_LIMIT = 20_000;

export class EventLog {
  #all = $state.raw<LoggedEvent[]>([]);
  filter = $state.raw<EventFilter>(emptyFilter());
  following = $state(true);
  pending = $state.raw<LoggedEvent[]>([]);
  /** `before` for the next older run; null once the history is all here. */
  older = $state<number | null>(null);
  /** When the server was out of reach and the events are its snapshot: the time that was read. */
  offlineAsOf = $state<string | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  tailError = $state<string | null>(null);
  /** The filter `#all` was read with: until a re-read answers, the new filter applies locally. */
  #readWith = $state.raw<EventFilter>(emptyFilter());
  readonly rows = $derived(hasLocalPart(this.filter) || !sameServerFilter(this.filter, this.#readWith)
    ? this.#all.filter(matcherOf(this.filter)) : this.#all);
  readonly loaded = $derived(this.#all.length);
  /** Hostnames and types seen so far, for the filters' suggestions. */
  readonly seen = $derived(seenValues(this.#all));

  #generation = 0;
  #followId: string | null = null;
  #stopListening: () => void;
  #renewTimer: ReturnType<typeof setInterval>;

  constructor(readonly client: ConsoleClient, readonly connectionId: string, fixed: Partial<EventFilter> = {}) {
    this.filter = { ...emptyFilter(), ...fixed };
    this.#readWith = this.filter;
    this.#stopListening = client.on('events.arrived', (a) => {
      if (a.followId !== this.#followId) return;
      this.tailError = a.error;
      if (a.events.length) this.#arrive(a.events);
    });
    this.#renewTimer = setInterval(() => void this.#renew(), FOLLOW_LEASE_MS / 3);
  }

  /** Applies a filter change: only a change of level, nodes or zone goes back to the server. */
  setFilter(patch: Partial<EventFilter>) {
    const next = { ...this.filter, ...patch };
    const reread = !sameServerFilter(this.filter, next);
    this.filter = next;
    if (reread) void this.reload();
  }

  /** Reads the newest events again and (re)starts the live tail from the newest one. */
  async reload() {
    const gen = ++this.#generation;
    await this.#unfollow();
    this.loading = true;
    this.error = null;
    this.pending = [];
    const r = await this.client.call('events.query', {
      connectionId: this.connectionId, filter: this.filter, before: null, want: FIRST_WANT, limit: PAGE_LIMIT,
    });
    if (gen !== this.#generation) return;
    this.loading = false;
    if (!r.ok) { this.error = r.error.message; this.#all = []; this.older = null; this.offlineAsOf = null; return; }
    this.#all = r.value.events;
    this.#readWith = this.filter;
    this.older = r.value.older;
    this.offlineAsOf = r.value.offlineAsOf ?? null;
    await this.#follow(gen, r.value.events[0]?.id ?? 0);
  }

  async #follow(gen: number, after: number) {
    const f = await this.client.call('events.follow', { connectionId: this.connectionId, filter: this.#readWith, after });
    if (gen !== this.#generation) { if (f.ok) void this.client.call('events.unfollow', { followId: f.value.followId }); return; }
    if (f.ok) this.#followId = f.value.followId;
    else this.tailError = f.error.message;
  }

  /** Keeps main's follow alive; one that lapsed (a suspended laptop) is started again from the newest event held. */
  async #renew() {
    const id = this.#followId;
    if (!id) return;
    const r = await this.client.call('events.renew', { followId: id });
    if (r.ok && !r.value.renewed && id === this.#followId) {
      this.#followId = null;
      await this.#follow(this.#generation, this.pending[0]?.id ?? this.#all[0]?.id ?? 0);
    }
  }

  /**
   * Reads the next older run: until `want` of it pass the local filters, or `limit` were read.
   * Scrolling back wants a page of matches soon; reading everything wants big runs (`loadAll`).
   */
  async loadOlder(limit = PAGE_LIMIT, readAhead = false, want = Math.min(limit, OLDER_WANT)) {
    if (this.loading || this.older === null) return;
    const gen = this.#generation;
    this.loading = true;
    // Big runs come packed: half the bytes to take in (event-wire.ts).
    const r = await this.client.call('events.query', {
      connectionId: this.connectionId, filter: this.filter, before: this.older, want, limit, readAhead, packed: readAhead || undefined,
    });
    if (gen !== this.#generation) return;
    this.loading = false;
    if (!r.ok) { this.error = r.error.message; return; }
    this.#all = this.#all.concat(r.value.packed ? unpackEvents(r.value.packed) : r.value.events);
    this.older = r.value.older;
  }

  /** Reads everything older, run after run (before an export of what is on screen, or a bench). */
  async loadAll() {
    while (this.older !== null && !this.error) {
      // Whole runs of BULK_LIMIT: one IPC round trip per 20 MAAS pages, not per page.
      await this.loadOlder(BULK_LIMIT, true, BULK_LIMIT);
      if (this.loading) return;
    }
  }

  follow() {
    this.following = true;
    if (this.pending.length) { this.#prepend(this.pending); this.pending = []; }
  }

  pause() { this.following = false; }

  async exportAs(format: ExportFormat): Promise<EventExport | string> {
    const r = await this.client.call('events.export', { connectionId: this.connectionId, filter: this.filter, format });
    return r.ok ? r.value : r.error.message;
  }

  async dispose() {
    this.#generation++;
    clearInterval(this.#renewTimer);
    this.#stopListening();
    await this.#unfollow();
  }

  async #unfollow() {
    const id = this.#followId;
    this.#followId = null;
    if (id) await this.client.call('events.unfollow', { followId: id });
  }

  #arrive(events: LoggedEvent[]) {
    if (this.following) this.#prepend(events);
    else this.pending = events.concat(this.pending);
  }

  #prepend(events: LoggedEvent[]) {
    const next = events.concat(this.#all);
    if (next.length > MAX_LOADED) {
      next.length = MAX_LOADED;
      this.older = next[next.length - 1].id;
    }
    this.#all = next;
  }
}

function seenValues(all: LoggedEvent[]) {
  const hostnames = new Set<string>();
  const types = new Set<string>();
  // The newest 20,000 are plenty for suggestions, and keep this cheap at 100,000 rows.
  for (let i = 0; i < Math.min(all.length, 20_000); i++) { hostnames.add(all[i].hostname); types.add(all[i].type); }
  return { hostnames: [...hostnames].sort(), types: [...types].sort() };
}
