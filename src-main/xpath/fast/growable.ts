// Typed arrays that grow as a shard loads: one per column of the element tables.

abstract class Growable<T extends Int32Array | Uint16Array> {
  data: T;
  length = 0;

  constructor() {
    this.data = this.allocate(1024);
  }

  protected abstract allocate(length: number): T;

  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = this.allocate(Math.max(1024, Math.ceil(this.data.length * 1.5)));
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
    if (this.data.length > this.length + 1024) this.data = this.data.slice(0, this.length + 1024) as T;
  }

  /** Takes `length` values of a snapshot as they are, without copying; a later push grows a copy. */
  adopt(values: T, length: number): void {
    this.data = values;
    this.length = length;
  }

  /** The values in use, for saving. */
  used(): T {
    return this.data.subarray(0, this.length) as T;
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  protected allocate(length: number): Int32Array {
    return new Int32Array(length);
  }
}

export class GrowableUint16 extends Growable<Uint16Array> {
  protected allocate(length: number): Uint16Array {
    return new Uint16Array(length);
  }
}
