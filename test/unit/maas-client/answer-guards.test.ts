// The pieces that keep a hostile answer from costing more than its limit: the nesting scan
// before JSON.parse, the BSON top-level walk, and how sizes are written in messages.
import { serialize, Binary } from 'bson';
import { expect, test } from 'vitest';
import { nestingDepth, parseBoundedJson, TooDeepError } from '../../../src-main/maas-client/bounded-json';
import { BsonShapeError, detailsFields } from '../../../src-main/maas-client/bson-details';
import { sizeText } from '../../../src-main/maas-client/answer-limits';

test('nesting is counted outside strings only, escaped quotes included', () => {
  expect(nestingDepth('{"a": [1, {"b": []}]}', 64)).toBe(4);
  expect(nestingDepth('{"a": "[[[[[[[[\\"[[[[{{{{"}', 64)).toBe(1);
  expect(nestingDepth('"\\\\"', 64)).toBe(0);
  expect(parseBoundedJson('{"x": "]]]][[[["}', 2)).toEqual({ x: ']]]][[[[' });
  expect(() => parseBoundedJson('[[[1]]]', 2)).toThrow(TooDeepError);
  expect(parseBoundedJson('[[1]]', 2)).toEqual([[1]]);
});

test('details fields are read as the bson library wrote them: binary, old binary, string; others skipped', () => {
  const doc = serialize({ before: { deep: [1, 2, { x: 'y' }] }, lshw: new Binary(Buffer.from('<node/>')), n: 1.5, lldp: 'text' });
  expect(detailsFields(Buffer.from(doc), ['lshw', 'lldp'])).toEqual({ lshw: '<node/>', lldp: 'text' });
  const old = serialize({ lshw: new Binary(Buffer.from('<old/>'), 2) });
  expect(detailsFields(Buffer.from(old), ['lshw', 'lldp'])).toEqual({ lshw: '<old/>', lldp: null });
  expect(detailsFields(Buffer.from(serialize({ lshw: 5 })), ['lshw'])).toEqual({ lshw: null });
});

test('a BSON document that lies about its lengths is refused, not read past its end', () => {
  const doc = Buffer.from(serialize({ lshw: new Binary(Buffer.from('<node/>')) }));
  expect(() => detailsFields(doc.subarray(0, doc.length - 3), ['lshw'])).toThrow(BsonShapeError);
  const lying = Buffer.from(doc);
  lying.writeInt32LE(1_000_000, 4 + 1 + 5); // the binary's length, past the document
  expect(() => detailsFields(lying, ['lshw'])).toThrow(/runs past the end/);
  expect(() => detailsFields(Buffer.from('not bson'), ['lshw'])).toThrow(BsonShapeError);
});

test('sizes are written in the binary units the limits are set in', () => {
  expect([sizeText(512), sizeText(256 * 1024), sizeText(256 * 1024 * 1024), sizeText(2254857830)]).toEqual(['512 bytes', '256 KiB', '256 MiB', '2.1 GiB']);
});
