// A shard's built tables and kept details as one byte array, so a corpus can be saved and
// reopened without parsing any detail again (the region across restarts, the console's
// Tags view when it opens). The layout is ours and versioned: a reader refuses any other
// version and the caller rebuilds from the details.
import { deflateRawSync } from 'node:zlib';
import { ElementTables } from './fast/store';
import type { DocTrees } from './fast/tree';

/** Bump when the tables, the tree numbering or this layout change. */
export const SNAPSHOT_FORMAT = 3;
const MAGIC = 0x4d435853; // "MCXS"

export interface SnapshotEntry {
  id: string;
  trees: DocTrees | null;
  lshw: Buffer | null | undefined;
  lldp: Buffer | null | undefined;
  elements: number;
}

const RECORD_COLUMNS = ['name', 'text', 'attrStart', 'attrName', 'attrValue'] as const;

/**
 * The tables' columns in their saved order: the 32-bit ones first, from a 4-byte boundary,
 * then the 16-bit ones, so a reader can use them where they lie instead of copying them.
 */
function columns(tables: ElementTables): (Int32Array | Uint16Array)[] {
  return [tables.record.used(), ...RECORD_COLUMNS.map((c) => tables.records[c].used()), tables.up.used(), tables.span.used()];
}

const padding = (offset: number): Buffer => Buffer.alloc((4 - (offset % 4)) % 4);

type StoredText = Buffer | string | null | undefined;
const packed = (stored: StoredText): Buffer | null | undefined =>
  typeof stored === 'string' ? deflateRawSync(Buffer.from(stored, 'utf8'), { level: 1 }) : stored;

/** Encodes tables and entries (details deflated) into one transferable byte array. */
export function encodeShard(tables: ElementTables, entries: Iterable<{ id: string; trees: DocTrees | null; lshw: StoredText; lldp: StoredText; elements: number }>, garbage: number): Uint8Array {
  const blobs: Buffer[] = [];
  const list = [...entries].map((e) => {
    const lshw = packed(e.lshw);
    const lldp = packed(e.lldp);
    for (const b of [lshw, lldp]) if (b) blobs.push(b);
    const size = (b: Buffer | null | undefined): number => (b === undefined ? -2 : b === null ? -1 : b.length);
    return [e.id, e.trees, e.elements, size(lshw), size(lldp)];
  });
  const strings = Buffer.from(tables.strings.values.join('\u0000'), 'utf8');
  const saved = columns(tables);
  const header = Buffer.from(JSON.stringify({ entries: list, garbage, stringCount: tables.strings.values.length, lengths: saved.map((c) => c.length) }), 'utf8');
  const arrays = saved.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  const head = Buffer.alloc(16);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(SNAPSHOT_FORMAT, 4);
  head.writeUInt32LE(header.length, 8);
  head.writeUInt32LE(strings.length, 12);
  const pad = padding(head.length + header.length + strings.length);
  return new Uint8Array(Buffer.concat([head, header, strings, pad, ...arrays, ...blobs]));
}

/** The shard encoded by encodeShard, or null when the bytes are of another format. */
export function decodeShard(bytes: Uint8Array): { tables: ElementTables; entries: SnapshotEntry[]; garbage: number } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 16 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== SNAPSHOT_FORMAT) return null;
  let at = 16;
  const headerLength = buf.readUInt32LE(8);
  const stringsLength = buf.readUInt32LE(12);
  const header = JSON.parse(buf.subarray(at, (at += headerLength)).toString('utf8')) as {
    entries: [string, DocTrees | null, number, number, number][];
    garbage: number;
    stringCount: number;
    lengths: number[];
  };
  const tables = new ElementTables();
  const strings = header.stringCount === 0 ? [] : buf.subarray(at, (at += stringsLength)).toString('utf8').split('\u0000');
  if (header.stringCount === 0) at += stringsLength;
  for (const s of strings) tables.strings.intern(s);
  if (tables.strings.values.length !== header.stringCount) return null;
  at += padding(at).length;
  // The columns are used where they lie in the snapshot (it is the shard's own, handed over),
  // copied only where the bytes are not aligned for them.
  const read = <T extends Int32Array | Uint16Array>(make: (b: ArrayBuffer, offset: number, length: number) => T, width: number, length: number): T => {
    const offset = buf.byteOffset + at;
    at += length * width;
    if (offset % width === 0) return make(buf.buffer as ArrayBuffer, offset, length);
    return make(buf.buffer.slice(offset, offset + length * width) as ArrayBuffer, 0, length);
  };
  const wide = (length: number): Int32Array => read((b, o, n) => new Int32Array(b, o, n), 4, length);
  const narrow = (length: number): Uint16Array => read((b, o, n) => new Uint16Array(b, o, n), 2, length);
  const [record, name, text, attrStart, attrName, attrValue, up, span] = header.lengths;
  tables.record.adopt(wide(record), record);
  tables.records.adopt({ name: wide(name), text: wide(text), attrStart: wide(attrStart), attrName: wide(attrName), attrValue: wide(attrValue) });
  tables.up.adopt(narrow(up), up);
  tables.span.adopt(narrow(span), span);
  const take = (size: number): Buffer | null | undefined => {
    if (size === -2) return undefined;
    if (size === -1) return null;
    const b = buf.subarray(at, at + size);
    at += size;
    return b;
  };
  const entries = header.entries.map(([id, trees, elements, lshwSize, lldpSize]) => ({ id, trees, elements, lshw: take(lshwSize), lldp: take(lldpSize) }));
  return { tables, entries, garbage: header.garbage };
}
