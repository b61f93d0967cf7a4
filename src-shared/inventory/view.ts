// Sort, filter and group for the inventory grid. Sorting happens when the data or the sort
// changes; a keystroke only filters the already-sorted array (order is kept), which is what
// keeps a keystroke within one frame at 10,000 rows.
import { columnById, type ColumnId } from './columns';
import type { IndexedNode } from './node-index';

export interface SortSpec { column: ColumnId; dir: 'asc' | 'desc' }
export type GroupBy = 'none' | 'status' | 'zone' | 'power' | 'server';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function sortIndexed<E extends IndexedNode>(entries: readonly E[], sort: SortSpec): E[] {
  const col = columnById.get(sort.column) ?? columnById.get('hostname')!;
  const keys = entries.map((e) => col.sortKey(e.node));
  const order = entries.map((_, i) => i);
  const sign = sort.dir === 'desc' ? -1 : 1;
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    // Ties keep hostname order whichever way the column sorts, so the grid never shuffles.
    return c !== 0 ? sign * c : collator.compare(entries[a].hostname, entries[b].hostname);
  });
  return order.map((i) => entries[i]);
}

export type ViewRow<E extends IndexedNode = IndexedNode> =
  | { kind: 'group'; key: string; label: string; count: number; collapsed: boolean }
  | { kind: 'node'; entry: E };

/** The group a node falls in, as a value read off the node (no string built per node). */
export const groupOf: Record<Exclude<GroupBy, 'none'>, (e: IndexedNode) => string | number> = {
  status: (e) => e.node.status,
  zone: (e) => e.zone,
  power: (e) => e.power,
  server: (e) => e.server,
};
/** A group's key, label and rank, from its first node. */
export const groupInfo: Record<Exclude<GroupBy, 'none'>, (e: IndexedNode) => { key: string; label: string; rank: number | string }> = {
  status: (e) => ({ key: `status:${e.node.status}`, label: e.node.statusName, rank: e.node.status }),
  zone: (e) => ({ key: `zone:${e.zone}`, label: e.node.zone || '(no zone)', rank: e.zone }),
  power: (e) => ({ key: `power:${e.power}`, label: e.node.powerState || 'unknown', rank: e.power }),
  server: (e) => ({ key: `server:${e.server}`, label: e.serverName || '(this server)', rank: e.server }),
};

/** Groups in rank order; two ranks the collator holds equal ("é", "e") go by key, whichever nodes are shown. */
export const compareGroups = (a: { key: string; rank: number | string }, b: { key: string; rank: number | string }): number =>
  (typeof a.rank === 'number' && typeof b.rank === 'number' ? a.rank - b.rank : collator.compare(String(a.rank), String(b.rank)))
  || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

// A node's row is made once and kept while the node is: a keystroke over 50,000 matching nodes
// then allocates one array, not 50,000 rows for the garbage collector to copy.
const nodeRows = new WeakMap<IndexedNode, { kind: 'node'; entry: IndexedNode }>();
export function nodeRow<E extends IndexedNode>(entry: E): { kind: 'node'; entry: E } {
  let row = nodeRows.get(entry);
  if (!row) nodeRows.set(entry, (row = { kind: 'node', entry }));
  return row as { kind: 'node'; entry: E };
}

/**
 * Rows for the grid: the filtered nodes, under group headings when grouped. A collapsed
 * group keeps its heading (with the count) and hides its nodes.
 */
export function groupRows<E extends IndexedNode>(filtered: readonly E[], by: GroupBy, collapsed: ReadonlySet<string>): ViewRow<E>[] {
  if (by === 'none') return filtered.map(nodeRow);
  const of = groupOf[by];
  const groups = new Map<string | number, E[]>();
  for (const e of filtered) {
    const g = of(e);
    let bucket = groups.get(g);
    if (!bucket) groups.set(g, (bucket = []));
    bucket.push(e);
  }
  const ordered = [...groups.values()].map((entries) => ({ ...groupInfo[by](entries[0]), entries })).sort(compareGroups);
  const rows: ViewRow<E>[] = [];
  for (const g of ordered) {
    const isCollapsed = collapsed.has(g.key);
    rows.push({ kind: 'group', key: g.key, label: g.label, count: g.entries.length, collapsed: isCollapsed });
    if (!isCollapsed) for (const entry of g.entries) rows.push(nodeRow(entry));
  }
  return rows;
}

export const rowKey = (r: ViewRow): string => (r.kind === 'group' ? `g:${r.key}` : r.entry.node.systemId);
