// The console's connections as the renderer sees them: the list (health, last reached,
// which one is active), pushed by main on every change, and the calls that change it.
// One instance per console client, shared by the header switcher, the Connections view and
// any view that works on "the active connection". Keys only ever travel out (add, test,
// update); nothing here holds one after the call.
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { ConnectionView } from '../../../src-shared/contract/connections';
import type { Reply } from '../../../src-shared/contract/errors';

export class Connections {
  list = $state.raw<ConnectionView[]>([]);
  loaded = $state(false);
  problem = $state<string | null>(null);
  active = $derived(this.list.find((c) => c.active) ?? null);
  /** Per-connection view state, so switching back finds each view as it was left. */
  #kept = new Map<string, Map<string, unknown>>();

  constructor(readonly client: ConsoleClient) {
    client.on('connections.changed', (list) => { this.list = list; this.loaded = true; });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const r = await this.client.call('connections.list', {});
    if (r.ok) { this.list = r.value; this.problem = null; } else this.problem = r.error.message;
    this.loaded = true;
  }

  async switchTo(id: string): Promise<Reply<ConnectionView>> {
    const r = await this.client.call('connections.switch', { id });
    if (r.ok) this.#replace(r.value, true);
    return r;
  }

  async remove(id: string): Promise<Reply<{ removed: string }>> {
    const r = await this.client.call('connections.remove', { id });
    if (r.ok) { this.list = this.list.filter((c) => c.id !== id); this.#kept.delete(id); }
    return r;
  }

  async check(id?: string): Promise<Reply<ConnectionView[]>> {
    const r = await this.client.call('connections.health', id ? { id } : {});
    if (r.ok) for (const c of r.value) this.#replace(c, false);
    return r;
  }

  /** Puts a fresh view of one connection in the list (the pushed list follows anyway). */
  #replace(c: ConnectionView, activate: boolean) {
    const has = this.list.some((x) => x.id === c.id);
    const next = has ? this.list.map((x) => (x.id === c.id ? c : x)) : [...this.list, c];
    this.list = activate ? next.map((x) => ({ ...x, active: x.id === c.id })) : next;
  }

  added(c: ConnectionView) { this.#replace(c, false); }

  /** State a view keeps per connection: made once per (connection, key), then the same object. */
  keep<T>(connectionId: string, key: string, make: () => T): T {
    let m = this.#kept.get(connectionId);
    if (!m) this.#kept.set(connectionId, (m = new Map()));
    if (!m.has(key)) m.set(key, make());
    return m.get(key) as T;
  }
}

const byClient = new WeakMap<ConsoleClient, Connections>();

/** The one Connections of this window's console client. */
export function connectionsOf(client: ConsoleClient): Connections {
  let c = byClient.get(client);
  if (!c) byClient.set(client, (c = new Connections(client)));
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
