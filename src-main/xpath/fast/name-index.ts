// For an element name, the elements with that name in document order, built the first
// time a definition walks descendants by that name (`//capability[…]` then visits
// capabilities only). Only the names definitions use get a list: a full index would cost
// as much memory as the tree itself.
import type { ElementTables } from './store';

export class NameIndex {
  private readonly lists = new Map<number, Int32Array>();

  constructor(private readonly tables: ElementTables) {}

  get bytes(): number {
    let sum = 0;
    for (const list of this.lists.values()) sum += list.byteLength;
    return sum;
  }

  /** Calls visit for elements named `name` in [from, to), in order, until it returns true. */
  some(name: number, from: number, to: number, visit: (element: number) => boolean): boolean {
    if (name < 0) return false;
    const list = this.list(name);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length; i++) {
      const e = list[i];
      if (e >= to) return false;
      if (visit(e)) return true;
    }
    return false;
  }

  private list(name: number): Int32Array {
    let list = this.lists.get(name);
    if (list !== undefined) return list;
    const { records, record } = this.tables;
    const count = this.tables.elementCount;
    // Which records carry the name, then one pass over the elements.
    const named = new Uint8Array(records.count);
    for (let r = 0; r < records.count; r++) if (records.name.data[r] === name) named[r] = 1;
    let n = 0;
    for (let e = 0; e < count; e++) n += named[record.data[e]];
    list = new Int32Array(n);
    for (let e = 0, k = 0; e < count; e++) if (named[record.data[e]] === 1) list[k++] = e;
    this.lists.set(name, list);
    return list;
  }
}
