// The compact, shared representation of a shard of nodes' details: one element table for
// every document of the shard, with every name and value interned once per shard, and
// each element's name, attributes and leaf string-value kept as a shared record
// (records.ts): per element only its record and its place in the tree are stored.
//
// Only what MAAS's composite needs once is stored: the lshw tree and the LLDP tree. The
// composite's namespaced copies are the same trees seen through another namespace, so the
// evaluator presents them virtually (see tree.ts). An element keeps its string-value only
// when it has no element children (the `<vendor>`, `<size>`, `<product>` leaves that
// definitions compare); asking for the string-value of a larger element sends that node
// to the exact path.
import { GrowableInt32, GrowableUint16 } from './growable';
import { RecordTable } from './records';

export class StringTable {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of a string, or -1 when no document of the shard contains it. */
  lookup(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}

/** Marks an element whose string-value is not stored (it has element children). */
export const NO_TEXT = -1;

/**
 * The largest detail the tables hold, in elements: tree distances are 16-bit. A larger
 * detail (tens of thousands of disks) is answered by the exact path.
 */
export const MAX_DETAIL_ELEMENTS = 0xffff;

export class ElementTables {
  readonly strings = new StringTable();
  readonly records = new RecordTable();
  /** Per element: its record. */
  readonly record = new GrowableInt32();
  /** Per element: how far back its parent is (0 for a detail's root element). */
  readonly up = new GrowableUint16();
  /** Per element: its subtree's size, itself included. Children are e+1, end(e+1), … */
  readonly span = new GrowableUint16();

  get elementCount(): number {
    return this.record.length;
  }

  name(e: number): number {
    return this.records.name.data[this.record.data[e]];
  }

  /** Parent element, -1 for a detail's root element. */
  parent(e: number): number {
    const up = this.up.data[e];
    return up === 0 ? -1 : e - up;
  }

  /** One past the last descendant. */
  end(e: number): number {
    return e + this.span.data[e];
  }

  /** String-value (string id) of a leaf element, NO_TEXT otherwise. */
  text(e: number): number {
    return this.records.text.data[this.record.data[e]];
  }

  /** The element's attributes are attrName/attrValue [attrStart(e), attrEnd(e)). */
  attrStart(e: number): number {
    return this.records.attrStart.data[this.record.data[e]];
  }

  attrEnd(e: number): number {
    return this.records.attrStart.data[this.record.data[e] + 1];
  }

  attrName(a: number): number {
    return this.records.attrName.data[a];
  }

  attrValue(a: number): number {
    return this.records.attrValue.data[a];
  }

  /** Adds an element with its record; its span is set by `close` once its subtree is in. */
  open(record: number, parent: number): number {
    const e = this.record.push(record);
    this.up.push(parent < 0 ? 0 : e - parent);
    this.span.push(1);
    return e;
  }

  close(e: number): void {
    this.span.data[e] = this.elementCount - e;
  }

  /** Rolls back a partly added document (records it added stay, unused). */
  truncate(elements: number): void {
    for (const column of [this.record, this.up, this.span]) column.truncate(elements);
  }

  trim(): void {
    for (const column of [this.record, this.up, this.span]) column.trim();
    this.records.trim();
  }

  get bytes(): number {
    return this.record.bytes + this.up.bytes + this.span.bytes + this.records.bytes;
  }
}
