// Live tails: each follow polls `events op=query after=<newest id>` (the one way that works
// for every MAAS, 1.x and 2.x, and for the embedded region) and pushes what arrives as
// `events.arrived`. One poll at a time per follow (a slow server never stacks requests);
// after a failure the interval doubles up to a minute and the view is told why.
import { randomUUID } from 'node:crypto';
import { FOLLOW_LEASE_MS, type EventFilter } from '../../../src-shared/contract/events';
import { DEFAULT_POLL_MS, type EventsDeps } from './deps';
import { readNewer } from './read-history';

/** Follows nobody stopped (a closed window, a crashed tab) are dropped oldest first past this. */
export const MAX_FOLLOWS = 32;
const MAX_BACKOFF_MS = 60_000;

interface Follow {
  id: string;
  connectionId: string;
  filter: EventFilter;
  after: number;
  timer: ReturnType<typeof setTimeout> | null;
  failing: boolean;
  stopped: boolean;
  /** When the follow was started or last renewed (ms). */
  renewedAt: number;
}

export class LiveTails {
  #follows = new Map<string, Follow>();
  #d: EventsDeps;
  constructor(d: EventsDeps) { this.#d = d; }

  get size(): number { return this.#follows.size; }

  start(connectionId: string, filter: EventFilter, after: number): string {
    // Validate the connection now, so an unknown id fails the call rather than every poll.
    this.#d.connectionOf(connectionId);
    while (this.#follows.size >= MAX_FOLLOWS) this.stop(this.#follows.keys().next().value!);
    const f: Follow = { id: randomUUID(), connectionId, filter, after, timer: null, failing: false, stopped: false, renewedAt: this.#now() };
    this.#follows.set(f.id, f);
    this.#schedule(f, 0);
    return f.id;
  }

  renew(id: string): boolean {
    const f = this.#follows.get(id);
    if (f) f.renewedAt = this.#now();
    return f !== undefined;
  }

  #now = () => (this.#d.now?.() ?? new Date()).getTime();

  stop(id: string): boolean {
    const f = this.#follows.get(id);
    if (!f) return false;
    f.stopped = true;
    if (f.timer) clearTimeout(f.timer);
    this.#follows.delete(id);
    return true;
  }

  stopAll(): void { for (const id of [...this.#follows.keys()]) this.stop(id); }

  #interval(f: Follow): number {
    const ms = this.#d.pollMs ?? DEFAULT_POLL_MS;
    return this.#d.connectionOf(f.connectionId).kind === 'embedded' ? ms.embedded : ms.remote;
  }

  #schedule(f: Follow, ms: number) {
    if (f.stopped) return;
    f.timer = setTimeout(() => void this.#poll(f, ms), ms);
  }

  async #poll(f: Follow, lastDelay: number) {
    f.timer = null;
    if (this.#now() - f.renewedAt > FOLLOW_LEASE_MS) { this.stop(f.id); return; }
    let next: number;
    try {
      const client = await this.#d.clientFor(f.connectionId);
      const events = await readNewer(client, f.filter, f.after);
      if (f.stopped) return;
      if (events.length) f.after = events[0].id;
      if (events.length || f.failing) this.#d.emit('events.arrived', { followId: f.id, events, error: null });
      f.failing = false;
      next = this.#interval(f);
    } catch (e) {
      if (f.stopped) return;
      f.failing = true;
      this.#d.emit('events.arrived', { followId: f.id, events: [], error: (e as Error).message });
      next = Math.min(MAX_BACKOFF_MS, Math.max(this.#interval(f), lastDelay * 2));
    }
    this.#schedule(f, next);
  }
}
