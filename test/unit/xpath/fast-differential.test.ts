// The fast path against the exact path (libxml2 on MAAS's composite) on a generated
// corpus: every shape it claims must give the same answer on every node; shapes it
// does not claim must go to libxml2. (test/integration/xpath/lxml-comparison.test.ts
// then holds the exact path, and the corpus preview, against lxml itself.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExactEngine, type PreparedDocument } from '../../../src-main/xpath/exact';
import { Shard } from '../../../src-main/xpath/shard';
import { FastPlan } from '../../../src-main/xpath/fast/plan';
import { NameIndex } from '../../../src-main/xpath/fast/name-index';
import type { DocumentInput } from '../../../src-main/xpath/index';
import { generateCorpus } from './corpus';
import { EDGE, FAST_SHAPES, TYPICAL } from './definitions';
import { fixtureLshw, LLDP_SAMPLE } from './samples';

/** Nodes the tables cannot model: they must be answered by libxml2. */
const UNMODELLED: DocumentInput[] = [
  { id: 'namespaced', lshw: fixtureLshw().replace('<node id="vm"', '<node xmlns:x="urn:x" id="vm"') },
  { id: 'default-namespace', lshw: '<node xmlns="urn:y" id="vm" class="system"><vendor>Dell Inc.</vendor></node>' },
  { id: 'doctype', lshw: '<!DOCTYPE node><node id="vm" class="system"><vendor>Dell Inc.</vendor></node>' },
  { id: 'doctype-after-comment', lshw: '<!-- <a --><!DOCTYPE node [<!ELEMENT node ANY>]><node id="vm" class="system"><vendor>Dell Inc.</vendor></node>' },
  { id: 'entities', lshw: '<!DOCTYPE node [<!ENTITY v "Dell Inc.">]><node id="vm" class="system"><vendor>&v;</vendor></node>' },
  { id: 'mixed', lshw: '<node id="vm" class="system">text<vendor>Dell Inc.</vendor><!-- c --><?pi x?></node>', lldp: LLDP_SAMPLE },
  { id: 'leaf-root', lshw: '<node id="vm" class="system"/>', lldp: LLDP_SAMPLE },
];

const docs = [...UNMODELLED, ...generateCorpus(300, { seed: 11 })];
const definitions = [...TYPICAL, ...EDGE, ...FAST_SHAPES];

let engine: ExactEngine;
let shard: Shard;
let prepared: PreparedDocument[];
beforeAll(async () => {
  engine = await ExactEngine.create();
  shard = new Shard(engine, true);
  for (const doc of docs) shard.upsert(doc);
  prepared = docs.map((doc) => engine.prepare(doc));
});
afterAll(() => {
  for (const p of prepared) engine.dispose(p);
});

function evaluate(definition: string): { ids: string[]; fastPlan: boolean; exact: number; expected: string[] } {
  const compiled = engine.compile(definition);
  if (!compiled.ok) throw new Error(`${definition}: ${compiled.message}`);
  try {
    const expected = docs.filter((_, i) => engine.matches(compiled.compiled, prepared[i])).map((d) => d.id);
    const run = shard.evaluate(definition, compiled.compiled, 64);
    const ids: string[] = [];
    for (let step = run.next(); ; step = run.next()) {
      if (step.done) return { ids, fastPlan: step.value.fastPlan, exact: step.value.exact, expected };
      ids.push(...step.value.ids);
    }
  } finally {
    engine.release(compiled);
  }
}

describe('fast path = exact path on every node', () => {
  test.each(definitions)('%s', { timeout: 30_000 }, (definition) => {
    const { ids, expected } = evaluate(definition);
    expect(ids).toEqual(expected);
  });
});

describe('what the fast path claims', { timeout: 60_000 }, () => {
  test('every typical definition is answered by the fast path, except unmodelled nodes', () => {
    for (const definition of TYPICAL) {
      const { fastPlan, exact } = evaluate(definition);
      expect({ definition, fastPlan, exact }).toEqual({ definition, fastPlan: true, exact: 5 });
    }
  }, 30_000);

  test('namespaces, DOCTYPEs and entity references stay with libxml2', () => {
    const { ids, expected } = evaluate('//node[@class="system"]/vendor = "Dell Inc."');
    expect(ids).toEqual(expected);
    expect(ids).toContain('doctype');
    expect(ids).not.toContain('entities'); // internal subsets are refused (no entity expansion)
    expect(ids).not.toContain('doctype-after-comment');
  });

  test('text(), variables, unknown functions and namespace axes go to libxml2', () => {
    for (const definition of TYPICAL) expect(Shard.fastPathCovers(definition)).toBe(true);
    expect(Shard.fastPathCovers('//text()')).toBe(false);
    const index = new NameIndex(shard.tables);
    for (const definition of ['//text()[contains(., "Xeon")]', '$x', 'unknownfn()', 'count(namespace::*)', 'id("cpu")', '1.5 > 1']) {
      expect({ definition, plan: FastPlan.tryCreate(shard.tables, index, definition) }).toEqual({ definition, plan: null });
    }
  });
});
