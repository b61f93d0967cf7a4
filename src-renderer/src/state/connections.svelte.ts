// What the Connections view and the header switcher do to connections, over the shell's
// ActiveConnection (which mirrors main's list from `connections.list` and every
// `connections.changed` push). Main pushes the whole list after every change, so nothing here
// keeps a second copy. Keys only travel out (add, test, update); nothing holds one after.
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { ConnectionView } from '../../../src-shared/contract/connections';
import type { Reply } from '../../../src-shared/contract/errors';
import type { ActiveConnection } from './active-connection.svelte';

export class Connections {
  /** Per-connection view state, so switching back finds each view as it was left. */
  #kept = new Map<string, Map<string, unknown>>();

  constructor(readonly active: ActiveConnection, readonly client: ConsoleClient) {}

  get list(): ConnectionView[] { return this.active.all; }
  get loaded(): boolean { return this.active.loaded; }
  get problem(): string | null { return this.active.error; }
  get current(): ConnectionView | null { return this.active.current; }

  switchTo(id: string): Promise<Reply<ConnectionView>> {
    return this.client.call('connections.switch', { id });
  }

  async remove(id: string): Promise<Reply<{ removed: string }>> {
    const r = await this.client.call('connections.remove', { id });
    if (r.ok) this.#kept.delete(id);
    return r;
  }

  check(id?: string): Promise<Reply<ConnectionView[]>> {
    return this.client.call('connections.health', id ? { id } : {});
  }

  /** State a view keeps per connection: made once per (connection, key), then the same object. */
  keep<T>(connectionId: string, key: string, make: () => T): T {
    let m = this.#kept.get(connectionId);
    if (!m) this.#kept.set(connectionId, (m = new Map()));
    if (!m.has(key)) m.set(key, make());
    return m.get(key) as T;
  }
}

const byActive = new WeakMap<ActiveConnection, Connections>();

/** The one Connections of this window (one ActiveConnection per window). */
export function connectionsOf(active: ActiveConnection, client: ConsoleClient): Connections {
  let c = byActive.get(active);
  if (!c) byActive.set(active, (c = new Connections(active, client)));
  return c;
}

export const healthLabel: Record<ConnectionView['health'], string> = {
  online: 'Online', offline: 'Offline', 'key-rejected': 'Key rejected', tls: 'TLS problem', unknown: 'Not checked',
};

/** "3 min ago", "just now", or "never" — for last-reached times. */
export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 45) return 'just now';
  if (s < 90 * 60) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h ago`;
  return new Date(iso).toLocaleString();
}
