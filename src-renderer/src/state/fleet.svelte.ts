// The fleet on screen: every connection's nodes in one grid, live where the server answers
// and from its snapshot where it does not, with the inventory's search language plus
// `server:`. Entries are indexed once as they arrive; a keystroke only filters (a narrowing
// one only the last result). A selection can span servers; its keys are
// "<connection>/<system id>" since two servers may reuse an id.
import { createContext } from 'svelte';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { ConnectionView } from '../../../src-shared/contract/connections';
import type { FleetServer } from '../../../src-shared/contract/fleet';
import type { NodeDelta } from '../../../src-shared/contract/inventory';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { nodeFilter } from '../../../src-shared/inventory/filter';
import { GroupedRows } from '../../../src-shared/inventory/grouped-rows';
import { NarrowingFilter } from '../../../src-shared/inventory/narrowing';
import { indexNode, type IndexedNode } from '../../../src-shared/inventory/node-index';
import { sortIndexed, type GroupBy, type ViewRow } from '../../../src-shared/inventory/view';

export interface FleetEntry extends IndexedNode { key: string; connectionId: string }
export type FleetGroupBy = Extract<GroupBy, 'server' | 'status' | 'zone' | 'none'>;

const PREFS_KEY = 'maas-console.fleet.view';
const keyOf = (connectionId: string, systemId: string) => `${connectionId}/${systemId}`;

export class FleetState {
  servers = $state.raw<FleetServer[]>([]);
  #byKey = new Map<string, FleetEntry>();
  #entries = $state.raw<FleetEntry[]>([]);
  query = $state('');
  groupBy = $state<FleetGroupBy>('server');
  collapsed = $state.raw<ReadonlySet<string>>(new Set());
  selected = $state.raw<ReadonlySet<string>>(new Set());
  loading = $state(false);
  error = $state<string | null>(null);

  readonly filter = $derived(nodeFilter(this.query));
  readonly sorted = $derived(sortIndexed(this.#entries, { column: 'hostname', dir: 'asc' }));
  #narrowing = new NarrowingFilter<FleetEntry>();
  #grouped = new GroupedRows<FleetEntry>();
  /** The same object while a keystroke leaves the same nodes shown: nothing below recomputes. */
  readonly matches = $derived(this.#narrowing.apply(this.sorted, this.filter.parsed, this.filter.test));
  readonly filtered = $derived(this.matches.entries);
  readonly rows: ViewRow<FleetEntry>[] = $derived(this.#grouped.rows(this.matches, this.groupBy, this.collapsed));
  readonly total = $derived(this.#entries.length);
  /** The selected nodes, by server, in grid order. */
  readonly selectedByServer = $derived(this.#bySelection());

  #unsubscribe: (() => void)[] = [];

  constructor(readonly client: ConsoleClient, readonly storage: Storage = localStorage) {
    try {
      const p = JSON.parse(storage.getItem(PREFS_KEY) ?? '{}') as { query?: unknown; groupBy?: unknown };
      if (typeof p.query === 'string') this.query = p.query.slice(0, 2000);
      if (['server', 'status', 'zone', 'none'].includes(p.groupBy as string)) this.groupBy = p.groupBy as FleetGroupBy;
    } catch { /* a damaged preference is the default */ }
    this.#unsubscribe.push(
      client.on('inventory.changed', (d) => this.apply(d)),
      client.on('connections.changed', (list) => this.#health(list)),
    );
  }

  dispose() { for (const u of this.#unsubscribe) u(); }

  async load() {
    this.loading = true;
    const r = await this.client.call('fleet.list', {});
    this.loading = false;
    if (!r.ok) { this.error = r.error.message; return; }
    this.error = null;
    this.servers = r.value.servers;
    this.#byKey = new Map();
    for (const s of r.value.servers) for (const n of s.nodes) this.#put(s, n);
    this.#entries = [...this.#byKey.values()];
  }

  #put(s: Pick<FleetServer, 'connectionId' | 'name'>, n: NodeSummary) {
    const key = keyOf(s.connectionId, n.systemId);
    this.#byKey.set(key, { ...indexNode(n, s.name), key, connectionId: s.connectionId });
  }

  apply(d: NodeDelta) {
    const s = this.servers.find((x) => x.connectionId === d.connectionId);
    if (!s) return;
    for (const n of d.upserts) this.#put(s, n);
    for (const id of d.removed) this.#byKey.delete(keyOf(d.connectionId, id));
    this.#entries = [...this.#byKey.values()];
    // The server answered: its rows are live now.
    this.servers = this.servers.map((x) => (x.connectionId === d.connectionId ? { ...x, source: 'live', asOf: d.fetchedAt } : x));
    this.#pruneSelection();
  }

  #health(list: ConnectionView[]) {
    const byId = new Map(list.map((c) => [c.id, c]));
    this.servers = this.servers.flatMap((s) => {
      const c = byId.get(s.connectionId);
      if (!c) return [];
      const source = c.health === 'online' ? s.source : s.source === 'none' ? 'none' : 'snapshot';
      return [{ ...s, name: c.name, health: c.health, lastReached: c.lastReached, source }];
    });
  }

  entry(key: string): FleetEntry | undefined { return this.#byKey.get(key); }

  setQuery(q: string) { this.query = q; this.#pruneSelection(); this.#save(); }
  setGroupBy(g: FleetGroupBy) { this.groupBy = g; this.collapsed = new Set(); this.#save(); }
  toggleGroup(key: string) {
    const next = new Set(this.collapsed);
    if (!next.delete(key)) next.add(key);
    this.collapsed = next;
  }

  toggle(key: string) {
    const next = new Set(this.selected);
    if (!next.delete(key)) next.add(key);
    this.selected = next;
  }
  selectShown() { this.selected = new Set(this.filtered.map((e) => e.key)); }
  clearSelection() { this.selected = new Set(); }

  /** A selection never holds a node the grid does not show (a search hid it, a server removed it). */
  #pruneSelection() {
    if (this.selected.size === 0) return;
    const shown = new Set(this.filtered.map((e) => e.key));
    const kept = [...this.selected].filter((k) => shown.has(k));
    if (kept.length !== this.selected.size) this.selected = new Set(kept);
  }

  #bySelection(): { server: FleetServer; entries: FleetEntry[] }[] {
    const out = new Map<string, FleetEntry[]>();
    for (const e of this.filtered) {
      if (!this.selected.has(e.key)) continue;
      let list = out.get(e.connectionId);
      if (!list) out.set(e.connectionId, (list = []));
      list.push(e);
    }
    return this.servers.flatMap((server) => (out.has(server.connectionId) ? [{ server, entries: out.get(server.connectionId)! }] : []));
  }

  #save() { this.storage.setItem(PREFS_KEY, JSON.stringify({ query: this.query, groupBy: this.groupBy })); }
}

export const [getFleet, setFleet] = createContext<FleetState>();
