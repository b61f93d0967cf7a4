// A node's `op=details` answer is a BSON document whose top level holds `lshw` and `lldp`
// as binary (or string) fields. Only those two are read, by walking the top-level elements
// and stepping over everything else by its declared length: nothing nested is decoded, so a
// document nested 100,000 deep costs one skip, and one with millions of tiny fields is
// refused after a few dozen. The bson library is not used for this: its deserialize builds
// every field (a many-keyed document takes ~30× its size in memory) and recurses into
// nested documents, and its element walker (onDemand.parseToElements) lists every element
// up front (a 4 MB document of 1.4 million empty fields took 150 MB and 3.4 s here).
// Element layout: bsonspec.org/spec.html.

/** A MAAS details document has a handful of fields; this many is already not one. */
const MAX_ELEMENTS = 256;

export class BsonShapeError extends Error {}

const fixedSize: Record<number, number> = {
  0x01: 8, 0x06: 0, 0x07: 12, 0x08: 1, 0x09: 8, 0x0a: 0, 0x10: 4, 0x11: 8, 0x12: 8, 0x13: 16, 0xff: 0, 0x7f: 0,
};

function endOfCString(b: Buffer, from: number, end: number): number {
  const at = b.indexOf(0, from);
  if (at < 0 || at >= end) throw new BsonShapeError('a field name runs past the end of the document');
  return at;
}

/** Bytes of a value of `type` starting at `at` (its length prefix included). */
function valueSize(b: Buffer, type: number, at: number, end: number): number {
  if (type in fixedSize) return fixedSize[type];
  const need = (n: number) => { if (at + n > end) throw new BsonShapeError('a value runs past the end of the document'); };
  need(4);
  const n = b.readInt32LE(at);
  if (n < 0) throw new BsonShapeError('a value declares a negative length');
  switch (type) {
    case 0x02: case 0x0d: case 0x0e: return 4 + n; // string, code, symbol
    case 0x03: case 0x04: case 0x0f: return n; // document, array, code with scope
    case 0x05: return 5 + n; // binary: length, subtype, bytes
    case 0x0c: return 4 + n + 12; // DBPointer
    case 0x0b: return endOfCString(b, endOfCString(b, at, end) + 1, end) + 1 - at; // regex
    default: throw new BsonShapeError(`unknown element type 0x${type.toString(16)}`);
  }
}

/** The named top-level fields as text (binary or string values), null when absent or of another type. */
export function detailsFields<K extends string>(b: Buffer, names: readonly K[]): Record<K, string | null> {
  const out = Object.fromEntries(names.map((n) => [n, null])) as Record<K, string | null>;
  if (b.length < 5) throw new BsonShapeError(`${b.length} bytes is too short for a BSON document`);
  const end = b.readInt32LE(0);
  if (end !== b.length || b[end - 1] !== 0) throw new BsonShapeError(`it declares ${end} bytes but ${b.length} came`);
  let at = 4;
  for (let count = 0; b[at] !== 0; count++) {
    if (count >= MAX_ELEMENTS) throw new BsonShapeError(`it has more than ${MAX_ELEMENTS} top-level fields`);
    const type = b[at];
    const nameEnd = endOfCString(b, at + 1, end);
    const name = b.toString('utf8', at + 1, nameEnd);
    const valueAt = nameEnd + 1;
    const size = valueSize(b, type, valueAt, end);
    if (valueAt + size > end - 1) throw new BsonShapeError(`field ${JSON.stringify(name.slice(0, 40))} runs past the end of the document`);
    if ((names as readonly string[]).includes(name)) {
      // Binary subtype 2 (the old generic binary) repeats the length inside the value.
      if (type === 0x05) out[name as K] = b.toString('utf8', valueAt + (b[valueAt + 4] === 0x02 ? 9 : 5), valueAt + size);
      else if (type === 0x02) out[name as K] = b.toString('utf8', valueAt + 4, valueAt + size - 1);
    }
    at = valueAt + size;
  }
  if (at !== end - 1) throw new BsonShapeError('the document ends before its declared length');
  return out;
}
