// The element tables keep each distinct element (name, attributes, leaf string-value) once
// per shard as a record: identical elements of different machines share it, and a saved
// shard reopens with its records and keeps sharing them. Answers are held against the
// exact path (libxml2 on MAAS's composite) node by node.
import { beforeAll, describe, expect, test } from 'vitest';
import { ExactEngine } from '../../../src-main/xpath/exact';
import { Shard } from '../../../src-main/xpath/shard';
import { generateCorpus } from './corpus';
import { TYPICAL } from './definitions';
import { exactIds } from './exact-ids';

let engine: ExactEngine;
beforeAll(async () => {
  engine = await ExactEngine.create();
});

function matches(shard: Shard, definition: string): string[] {
  const compiled = engine.compile(definition);
  if (!compiled.ok) throw new Error(compiled.message);
  try {
    const ids: string[] = [];
    const run = shard.evaluate(definition, compiled.compiled, 64);
    for (let step = run.next(); !step.done; step = run.next()) ids.push(...step.value.ids);
    return ids;
  } finally {
    engine.release(compiled);
  }
}


describe('element records', () => {
  const lshw = '<node id="m" class="system"><vendor>Dell Inc.</vendor><node id="cpu:0" class="processor"><vendor>Intel Corp.</vendor>'
    + '<capabilities><capability id="fpu">Floating point unit</capability></capabilities></node>'
    + '<node id="cpu:1" class="processor"><vendor>Intel Corp.</vendor>'
    + '<capabilities><capability id="fpu">Floating point unit</capability></capabilities></node></node>';

  test('identical elements share one record; a second identical machine adds none', () => {
    const shard = new Shard(engine, false);
    shard.upsert({ id: 'a', lshw });
    const t = shard.tables;
    // 10 elements, but the two CPUs' vendor, capabilities and capability are each one record.
    expect(t.elementCount).toBe(10);
    const records = t.records.count;
    expect(records).toBe(7);
    shard.upsert({ id: 'b', lshw });
    expect(t.elementCount).toBe(20);
    expect(t.records.count).toBe(records);
    shard.upsert({ id: 'c', lshw: lshw.replace('Dell Inc.', 'HPE') });
    expect(t.records.count).toBe(records + 1);
    const vendors = [];
    for (let e = 0; e < t.elementCount; e++) if (t.strings.values[t.name(e)] === 'vendor') vendors.push(t.strings.values[t.text(e)]);
    expect(vendors).toEqual(['Dell Inc.', 'Intel Corp.', 'Intel Corp.', 'Dell Inc.', 'Intel Corp.', 'Intel Corp.', 'HPE', 'Intel Corp.', 'Intel Corp.']);
    expect(matches(shard, '//node[@class="system"]/vendor = "HPE"')).toEqual(['c']);
    expect(matches(shard, '//capability[@id="fpu"]/../../vendor = "Intel Corp."')).toEqual(['a', 'b', 'c']);
  });

  test('tree places (parent, end) survive sharing: ancestors and siblings answer as libxml2 does', () => {
    const shard = new Shard(engine, false);
    const docs = [{ id: 'a', lshw }, { id: 'b', lshw: lshw.replace('cpu:1', 'cpu:9') }];
    for (const d of docs) shard.upsert(d);
    for (const definition of [
      '//capability/ancestor::node[@class="processor"]/@id = "cpu:9"',
      '//node[@id="cpu:0"]/following-sibling::node/vendor = "Intel Corp."',
      'count(//capability/..) = 2',
      '//vendor[parent::node[@class="system"]]',
    ]) expect({ definition, ids: matches(shard, definition) }).toEqual({ definition, ids: exactIds(engine, definition, docs) });
  });

  test('a saved shard reopens with its records and keeps sharing them for new machines', () => {
    const docs = generateCorpus(60, { seed: 5 });
    const first = new Shard(engine, true);
    for (const d of docs.slice(0, 50)) first.upsert(d);
    const reopened = new Shard(engine, true);
    expect(reopened.restore(first.snapshot())).toBe(true);
    expect(reopened.tables.records.count).toBe(first.tables.records.count);
    const before = reopened.tables.records.count;
    reopened.upsert({ ...docs[0], id: 'again' }); // identical to a saved machine: no new record
    expect(reopened.tables.records.count).toBe(before);
    for (const d of docs.slice(50)) reopened.upsert(d);
    for (const definition of TYPICAL) {
      const expected = exactIds(engine, definition, [...docs.slice(0, 50), { ...docs[0], id: 'again' }, ...docs.slice(50)]);
      expect({ definition, ids: matches(reopened, definition) }).toEqual({ definition, ids: expected });
    }
  });

  test('a snapshot is used where it lies, or copied where its bytes are not aligned, with the same answers', () => {
    const docs = generateCorpus(20, { seed: 6 });
    const first = new Shard(engine, true);
    for (const d of docs) first.upsert(d);
    const bytes = first.snapshot();
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    for (const snapshot of [bytes, shifted.subarray(1)]) {
      const reopened = new Shard(engine, true);
      expect(reopened.restore(snapshot)).toBe(true);
      for (const definition of TYPICAL) {
        expect({ definition, ids: matches(reopened, definition) }).toEqual({ definition, ids: matches(first, definition) });
      }
      reopened.upsert({ ...docs[0], id: 'grown' }); // a column taken as it lies grows into a copy
      expect(matches(reopened, TYPICAL[0]).includes('grown')).toBe(matches(first, TYPICAL[0]).includes(docs[0].id));
    }
  });
});
