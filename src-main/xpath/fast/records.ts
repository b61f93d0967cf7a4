// Element records: an element's name, attributes and (for a leaf) string-value, stored once
// per shard and shared by every element that has the same ones. Machines of a fleet repeat
// the same `<capability id="fpu">…`, `<setting id="driver" value="e1000e"/>` and
// `<vendor>Intel Corp.</vendor>` thousands of times; each element then costs a record
// number and its place in the tree instead of a copy of all of it.
import { GrowableInt32 } from './growable';

export class RecordTable {
  /** Per record: name (string id), string-value (string id or NO_TEXT), first attribute. */
  readonly name = new GrowableInt32();
  readonly text = new GrowableInt32();
  /** attrStart[r] … attrStart[r + 1] are record r's attributes (one sentinel past the last). */
  readonly attrStart = new GrowableInt32();
  readonly attrName = new GrowableInt32();
  readonly attrValue = new GrowableInt32();
  /** Open-addressing hash of records (record + 1 per slot, 0 when empty); built on demand. */
  private slots: Int32Array | null = null;

  constructor() {
    this.attrStart.push(0);
  }

  get count(): number {
    return this.name.length;
  }

  /**
   * The record with this name, string-value and attributes (pairs of name and value ids in
   * `attrs[0 … attrCount * 2)`), added when the shard has none yet.
   */
  intern(name: number, text: number, attrs: Int32Array, attrCount: number): number {
    let slots = this.slots;
    if (slots === null || this.count * 2 >= slots.length) slots = this.rehash();
    const mask = slots.length - 1;
    for (let slot = hash(name, text, attrs, attrCount) & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot];
      if (held === 0) {
        const record = this.add(name, text, attrs, attrCount);
        slots[slot] = record + 1;
        return record;
      }
      if (this.equals(held - 1, name, text, attrs, attrCount)) return held - 1;
    }
  }

  /** Saved columns taken back; the hash is rebuilt at the next intern. */
  adopt(columns: Record<'name' | 'text' | 'attrStart' | 'attrName' | 'attrValue', Int32Array>): void {
    for (const key of ['name', 'text', 'attrStart', 'attrName', 'attrValue'] as const) {
      this[key].adopt(columns[key], columns[key].length);
    }
    this.slots = null;
  }

  trim(): void {
    for (const column of [this.name, this.text, this.attrStart, this.attrName, this.attrValue]) column.trim();
  }

  get bytes(): number {
    const columns = [this.name, this.text, this.attrStart, this.attrName, this.attrValue];
    return columns.reduce((sum, column) => sum + column.bytes, this.slots?.byteLength ?? 0);
  }

  private add(name: number, text: number, attrs: Int32Array, attrCount: number): number {
    for (let k = 0; k < attrCount; k++) {
      this.attrName.push(attrs[2 * k]);
      this.attrValue.push(attrs[2 * k + 1]);
    }
    this.text.push(text);
    this.attrStart.push(this.attrName.length);
    return this.name.push(name);
  }

  private equals(record: number, name: number, text: number, attrs: Int32Array, attrCount: number): boolean {
    if (this.name.data[record] !== name || this.text.data[record] !== text) return false;
    const start = this.attrStart.data[record];
    if (this.attrStart.data[record + 1] - start !== attrCount) return false;
    for (let k = 0; k < attrCount; k++) {
      if (this.attrName.data[start + k] !== attrs[2 * k] || this.attrValue.data[start + k] !== attrs[2 * k + 1]) return false;
    }
    return true;
  }

  private rehash(): Int32Array {
    let size = 1024;
    while (size < this.count * 4) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    const { name, text, attrStart, attrName, attrValue } = this;
    for (let record = 0; record < this.count; record++) {
      let h = mix(mix(SEED, name.data[record]), text.data[record]);
      for (let a = attrStart.data[record], end = attrStart.data[record + 1]; a < end; a++) {
        h = mix(mix(h, attrName.data[a]), attrValue.data[a]);
      }
      let slot = finish(h) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = record + 1;
    }
    this.slots = slots;
    return slots;
  }
}

/** FNV-1a over the record's numbers, with a final avalanche so linear probing spreads. */
const SEED = 0x811c9dc5;
const mix = (h: number, value: number): number => Math.imul(h ^ value, 0x01000193);
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function hash(name: number, text: number, attrs: Int32Array, attrCount: number): number {
  let h = mix(mix(SEED, name), text);
  for (let k = 0; k < attrCount * 2; k++) h = mix(h, attrs[k]);
  return finish(h);
}
