// The grid's rows for a search result over a big list, built from where the matching nodes
// sit in the list: which group each node falls in and each node's row are worked out once per
// list (and grouping), so a keystroke that shows 27,500 of 50,000 nodes reads two arrays in
// order instead of visiting 27,500 node objects scattered over the heap. The rows are exactly
// those `groupRows` gives for the same nodes.
import type { Matches } from './narrowing';
import type { IndexedNode } from './node-index';
import { compareGroups, groupInfo, groupOf, nodeRow, type GroupBy, type ViewRow } from './view';

interface Grouping {
  /** The group number of each node of the list. */
  of: Int32Array;
  /** How many groups the list has. */
  groups: number;
}

export class GroupedRows<E extends IndexedNode> {
  #source: readonly E[] | null = null;
  #nodeRows: ViewRow<E>[] = [];
  #groupings = new Map<Exclude<GroupBy, 'none'>, Grouping>();

  /** The rows of the whole list, kept: clearing a search gives back the very rows it started from. */
  #all: { by: GroupBy; collapsed: ReadonlySet<string>; rows: ViewRow<E>[] } | null = null;

  rows(m: Matches<E>, by: GroupBy, collapsed: ReadonlySet<string>): ViewRow<E>[] {
    if (m.source !== this.#source) {
      this.#source = m.source;
      this.#nodeRows = m.source.map(nodeRow);
      this.#groupings.clear();
      this.#all = null;
    }
    if (m.indices) return this.#build(m, by, collapsed);
    if (this.#all?.by !== by || this.#all.collapsed !== collapsed) this.#all = { by, collapsed, rows: this.#build(m, by, collapsed) };
    return this.#all.rows;
  }

  #build(m: Matches<E>, by: GroupBy, collapsed: ReadonlySet<string>): ViewRow<E>[] {
    const nodeRows = this.#nodeRows;
    const indices = m.indices ?? { length: m.source.length };
    const at = m.indices ? (k: number) => m.indices![k] : (k: number) => k;
    if (by === 'none') return Array.from(indices, (_, k) => nodeRows[at(k)]);
    const { of, groups: n } = this.#grouping(m.source, by);
    // Count each group's shown nodes and note its first, which names it (as groupRows does).
    const count = new Int32Array(n);
    const first = new Int32Array(n);
    for (let k = 0; k < indices.length; k++) { const i = at(k); const g = of[i]; if (count[g]++ === 0) first[g] = i; }
    const groups: { g: number; key: string; label: string; rank: number | string }[] = [];
    for (let g = 0; g < n; g++) if (count[g] > 0) groups.push({ g, ...groupInfo[by](m.source[first[g]]) });
    groups.sort(compareGroups);
    const next = new Int32Array(n).fill(-1);
    const rows: ViewRow<E>[] = [];
    for (const { g, key, label } of groups) {
      const isCollapsed = collapsed.has(key);
      rows.push({ kind: 'group', key, label, count: count[g], collapsed: isCollapsed });
      if (!isCollapsed) { next[g] = rows.length; rows.length += count[g]; }
    }
    for (let k = 0; k < indices.length; k++) { const i = at(k); const g = of[i]; if (next[g] >= 0) rows[next[g]++] = nodeRows[i]; }
    return rows;
  }

  #grouping(source: readonly E[], by: Exclude<GroupBy, 'none'>): Grouping {
    let grouping = this.#groupings.get(by);
    if (grouping) return grouping;
    const ids = new Map<string | number, number>();
    const of = new Int32Array(source.length);
    const value = groupOf[by];
    for (let i = 0; i < source.length; i++) {
      const v = value(source[i]);
      let id = ids.get(v);
      if (id === undefined) ids.set(v, (id = ids.size));
      of[i] = id;
    }
    grouping = { of, groups: ids.size };
    this.#groupings.set(by, grouping);
    return grouping;
  }
}
