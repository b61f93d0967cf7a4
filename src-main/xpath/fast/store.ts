// The compact, shared representation of a shard of nodes' details: one element table and
// one attribute table for every document of the shard, with every name and value interned
// once per shard (vendors, products, capability ids repeat across thousands of machines).
//
// Only what MAAS's composite needs once is stored: the lshw tree and the LLDP tree. The
// composite's namespaced copies are the same trees seen through another namespace, so the
// evaluator presents them virtually (see tree.ts). An element keeps its string-value only
// when it has no element children (the `<vendor>`, `<size>`, `<product>` leaves that
// definitions compare); asking for the string-value of a larger element sends that node
// to the exact path.

export class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(Math.ceil(this.data.length * 1.5));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  truncate(length: number): void {
    this.length = length;
  }

  /** Drops the spare capacity (after a bulk load). */
  trim(): void {
    if (this.data.length > this.length + 1024) this.data = this.data.slice(0, this.length + 1024);
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}

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

export class ElementTables {
  readonly strings = new StringTable();
  /** Element name (string id). */
  readonly name = new GrowableInt32();
  /** Parent element (global index), -1 for a detail's root element. */
  readonly parent = new GrowableInt32();
  /** One past the last descendant (global index): children are e+1, end[e+1], … */
  readonly end = new GrowableInt32();
  /** First attribute (index into the attribute table); they run to attrStart[e + 1]. */
  readonly attrStart = new GrowableInt32();
  /** String-value (string id) of a leaf element, NO_TEXT otherwise. */
  readonly text = new GrowableInt32();
  readonly attrName = new GrowableInt32();
  readonly attrValue = new GrowableInt32();

  get elementCount(): number {
    return this.name.length;
  }

  attrEnd(element: number): number {
    return element + 1 < this.attrStart.length ? this.attrStart.data[element + 1] : this.attrName.length;
  }

  /** Rolls back a partly added document. */
  truncate(elements: number, attributes: number): void {
    for (const table of [this.name, this.parent, this.end, this.attrStart, this.text]) table.truncate(elements);
    this.attrName.truncate(attributes);
    this.attrValue.truncate(attributes);
  }

  trim(): void {
    for (const table of [this.name, this.parent, this.end, this.attrStart, this.text, this.attrName, this.attrValue]) {
      table.trim();
    }
  }

  get bytes(): number {
    return [this.name, this.parent, this.end, this.attrStart, this.text, this.attrName, this.attrValue].reduce(
      (sum, table) => sum + table.bytes,
      0,
    );
  }
}

/**
 * For each element name, the elements with that name in document order (one array for
 * all names, by counting sort): `//capability[…]` visits capabilities only.
 */
export class NameIndex {
  private readonly starts: Int32Array;
  private readonly elements: Int32Array;

  constructor(tables: ElementTables) {
    const count = tables.elementCount;
    const names = tables.name.data;
    const nameCount = tables.strings.values.length;
    this.starts = new Int32Array(nameCount + 1);
    for (let e = 0; e < count; e++) this.starts[names[e] + 1]++;
    for (let n = 0; n < nameCount; n++) this.starts[n + 1] += this.starts[n];
    const fill = this.starts.slice(0, nameCount);
    this.elements = new Int32Array(count);
    for (let e = 0; e < count; e++) this.elements[fill[names[e]]++] = e;
  }

  get bytes(): number {
    return this.starts.byteLength + this.elements.byteLength;
  }

  /** Calls visit for elements named `name` in [from, to), in order, until it returns true. */
  some(name: number, from: number, to: number, visit: (element: number) => boolean): boolean {
    if (name < 0 || name + 1 >= this.starts.length) return false;
    const list = this.elements;
    let lo = this.starts[name];
    let hi = this.starts[name + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo, end = this.starts[name + 1]; i < end; i++) {
      const e = list[i];
      if (e >= to) return false;
      if (visit(e)) return true;
    }
    return false;
  }
}
