// A connection's health as the calls made through its client find it: every call a use-case
// makes says something about the server. An answer means it was reached (written at most
// every 15 s), 401 that the key is refused, no answer that it is offline. Callers push the
// list only when this says the health changed.
import type { CallOutcome } from '../maas-client/index';
import type { ProfileStore } from './profile-store';

const REACHED_EVERY_MS = 15_000;

export class CallHealth {
  #lastNoted = new Map<string, number>();
  readonly store: ProfileStore;

  constructor(store: ProfileStore) { this.store = store; }

  /** Records what one call's outcome says; true when the connection's health changed. */
  observed(id: string, o: CallOutcome, now: string): boolean {
    const p = this.store.get(id);
    if (!p) return false;
    if ('answered' in o) {
      if (o.answered === 401) {
        if (p.health === 'key-rejected') return false;
        this.store.update(id, { health: 'key-rejected', healthMessage: 'The server refused the API key (401).', lastChecked: now });
        return true;
      }
      if (o.answered >= 500) return false;
      const at = Date.parse(now);
      if (p.health === 'online' && at - (this.#lastNoted.get(id) ?? 0) < REACHED_EVERY_MS) return false;
      this.#lastNoted.set(id, at);
      this.store.update(id, { health: 'online', healthMessage: null, lastReached: now });
      return p.health !== 'online';
    }
    const health = o.failed === 'tls' ? 'tls' : 'offline';
    if (p.health === health) return false;
    this.store.update(id, { health, healthMessage: o.message, lastChecked: now });
    return true;
  }
}
