// The inventory on screen: every node of one connection, indexed once as it arrives, sorted
// when the data or the sort changes, filtered on each keystroke ($derived, never a server
// round trip), grouped for the grid. Node changes arrive as deltas (`inventory.changed`)
// and replace single entries. The view's own choices (query, sort, columns, grouping) are
// kept in localStorage so a restart brings the same view back.
import { createContext } from 'svelte';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { NodeDelta, SyncState } from '../../../src-shared/contract/inventory';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { defaultColumnIds, isColumnId, type ColumnId } from '../../../src-shared/inventory/columns';
import { nodeFilter } from '../../../src-shared/inventory/filter';
import { indexNode, type IndexedNode } from '../../../src-shared/inventory/node-index';
import { matchPastedList, type PasteMatch } from '../../../src-shared/inventory/paste-match';
import {
  clickRow, emptySelection, keyRow, pruneSelection, selectAll, type Mods, type Selection, type SelectionKey,
} from '../../../src-shared/inventory/selection';
import { groupRows, sortIndexed, type GroupBy, type SortSpec } from '../../../src-shared/inventory/view';

export interface ViewPrefs { query: string; sort: SortSpec; columns: ColumnId[]; groupBy: GroupBy; collapsed: string[] }

export const PREFS_KEY = 'maas-console.inventory.view';
// Grouped by status with counts until the technician chooses otherwise, as maas-ui's list.
const defaults = (): ViewPrefs => ({ query: '', sort: { column: 'hostname', dir: 'asc' }, columns: [...defaultColumnIds], groupBy: 'status', collapsed: [] });

export function loadPrefs(storage: Pick<Storage, 'getItem'> = localStorage): ViewPrefs {
  const d = defaults();
  try {
    const p = JSON.parse(storage.getItem(PREFS_KEY) ?? '{}') as Partial<ViewPrefs>;
    const columns = Array.isArray(p.columns) ? p.columns.filter(isColumnId) : d.columns;
    return {
      query: typeof p.query === 'string' ? p.query.slice(0, 2000) : d.query,
      sort: p.sort && isColumnId(p.sort.column) && (p.sort.dir === 'asc' || p.sort.dir === 'desc') ? p.sort : d.sort,
      columns: columns.length ? columns : d.columns,
      groupBy: ['none', 'status', 'zone', 'power'].includes(p.groupBy as string) ? (p.groupBy as GroupBy) : d.groupBy,
      collapsed: Array.isArray(p.collapsed) ? p.collapsed.filter((c) => typeof c === 'string') : [],
    };
  } catch {
    return d;
  }
}

export class InventoryState {
  #byId = new Map<string, IndexedNode>();
  #entries = $state.raw<IndexedNode[]>([]);
  query = $state('');
  sort = $state.raw<SortSpec>({ column: 'hostname', dir: 'asc' });
  columns = $state.raw<ColumnId[]>([]);
  groupBy = $state<GroupBy>('status');
  collapsed = $state.raw<ReadonlySet<string>>(new Set());
  selection = $state.raw<Selection>(emptySelection);
  /** The node whose detail is open, or null. */
  detailId = $state<string | null>(null);
  loading = $state(false);
  sync = $state.raw<SyncState | null>(null);
  stale = $state(false);
  error = $state<string | null>(null);

  readonly filter = $derived(nodeFilter(this.query));
  readonly sorted = $derived(sortIndexed(this.#entries, this.sort));
  readonly filtered = $derived(this.query.trim() ? this.sorted.filter(this.filter.test) : this.sorted);
  readonly rows = $derived(groupRows(this.filtered, this.groupBy, this.collapsed));
  /** System ids in the order shown (collapsed groups left out): what ranges and arrows walk. */
  readonly order = $derived(this.rows.flatMap((r) => (r.kind === 'node' ? [r.entry.node.systemId] : [])));
  readonly total = $derived(this.#entries.length);
  readonly selectedCount = $derived(this.selection.selected.size);
  /** Selected nodes a new search or a change on the server hid, and so dropped (said once). */
  droppedHidden = $state(0);

  #unsubscribe: (() => void)[] = [];

  constructor(readonly client: ConsoleClient, readonly connectionId: string, readonly storage: Storage = localStorage) {
    const p = loadPrefs(storage);
    this.query = p.query;
    this.sort = p.sort;
    this.columns = p.columns;
    this.groupBy = p.groupBy;
    this.collapsed = new Set(p.collapsed);
    this.#unsubscribe.push(
      client.on('inventory.changed', (d) => { if (d.connectionId === connectionId) this.apply(d); }),
      // This laptop comes online a moment after the window opens, a remote server after an
      // outage: read again if the list could not be read before.
      client.on('connections.changed', (list) => {
        const c = list.find((x) => x.id === connectionId);
        if (c?.health === 'online' && this.error && !this.loading) void this.load();
      }),
      client.on('inventory.sync', (s) => {
        if (s.connectionId !== connectionId) return;
        this.sync = s;
        if (!s.fetching && !s.error) this.stale = false;
      }),
    );
  }

  dispose() { for (const u of this.#unsubscribe) u(); }

  async load() {
    this.loading = true;
    this.error = null;
    const r = await this.client.call('inventory.list', { connectionId: this.connectionId });
    this.loading = false;
    if (!r.ok) { this.error = r.error.message; return; }
    this.#byId = new Map(r.value.nodes.map((n) => [n.systemId, indexNode(n)]));
    this.#entries = [...this.#byId.values()];
    this.stale = r.value.stale;
    this.sync = { connectionId: this.connectionId, fetching: r.value.stale, fetchedAt: r.value.fetchedAt, error: null };
  }

  async refresh() {
    const r = await this.client.call('inventory.refresh', { connectionId: this.connectionId });
    if (r.ok) this.sync = r.value;
    else this.error = r.error.message;
  }

  apply(d: NodeDelta) {
    for (const n of d.upserts) this.#byId.set(n.systemId, indexNode(n));
    for (const id of d.removed) this.#byId.delete(id);
    this.#entries = [...this.#byId.values()];
    if (d.removed.length) this.selection = pruneSelection(this.selection, (id) => this.#byId.has(id));
    // A node that no longer matches the search (its status changed) leaves the selection too.
    if (this.selectedCount) this.#dropHidden();
    if (this.detailId && d.removed.includes(this.detailId)) this.detailId = null;
  }

  /**
   * A selection never holds a node the grid does not show, so Take action cannot reach a node
   * nobody sees. maas-ui clears the whole selection on a new search (its groups come from the
   * server); the grid here knows what stays visible, so only the hidden ones are dropped.
   */
  #dropHidden() {
    if (this.selectedCount === 0) return;
    const shown = new Set(this.filtered.map((e) => e.node.systemId));
    const before = this.selectedCount;
    this.selection = pruneSelection(this.selection, (id) => shown.has(id));
    this.droppedHidden = before - this.selectedCount;
  }

  node(systemId: string): NodeSummary | undefined { return this.#byId.get(systemId)?.node; }
  readonly lookup = (systemId: string) => this.node(systemId);

  #save() {
    const p: ViewPrefs = { query: this.query, sort: this.sort, columns: this.columns, groupBy: this.groupBy, collapsed: [...this.collapsed] };
    try { this.storage.setItem(PREFS_KEY, JSON.stringify(p)); } catch { /* storage full or denied: the view still works */ }
  }

  setQuery(q: string) { this.query = q; this.#save(); this.#dropHidden(); }
  sortBy(column: ColumnId) {
    this.sort = this.sort.column === column ? { column, dir: this.sort.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: 'asc' };
    this.#save();
  }
  setColumns(columns: ColumnId[]) { this.columns = columns.length ? columns : ['hostname']; this.#save(); }
  setGroupBy(g: GroupBy) { this.groupBy = g; this.#save(); }
  toggleGroup(key: string) {
    const next = new Set(this.collapsed);
    if (next.has(key)) next.delete(key); else next.add(key);
    this.collapsed = next;
    this.#save();
  }

  #select(s: Selection) { this.selection = s; this.droppedHidden = 0; }
  click(systemId: string, m: Mods) { this.#select(clickRow(this.selection, this.order, systemId, m)); }
  key(k: SelectionKey, m: Mods, page: number) { this.#select(keyRow(this.selection, this.order, k, m, page)); }
  selectAllMatching() { this.#select(selectAll(this.filtered.map((e) => e.node.systemId), this.selection)); }
  clearSelection() { this.#select({ ...emptySelection, focus: this.selection.focus }); }
  /** The selected nodes in the order shown, collapsed groups included: what an action acts on. */
  selectedInOrder(): string[] { return this.filtered.flatMap((e) => (this.selection.selected.has(e.node.systemId) ? [e.node.systemId] : [])); }
  /** Selects the nodes a pasted list names; a search that would hide some of them is cleared. */
  selectPasted(text: string): PasteMatch & { clearedSearch: boolean } {
    const m = matchPastedList(text, this.#entries);
    let clearedSearch = false;
    if (m.matched.length) {
      const shown = new Set(this.filtered.map((e) => e.node.systemId));
      if (this.query.trim() && m.matched.some((id) => !shown.has(id))) { this.query = ''; this.#save(); clearedSearch = true; }
      this.#select(selectAll(m.matched, this.selection));
    }
    return { ...m, clearedSearch };
  }
  selectIds(ids: string[]) { this.#select(selectAll(ids.filter((id) => this.#byId.has(id)), this.selection)); }
}

export const [getInventory, setInventory] = createContext<InventoryState>();
