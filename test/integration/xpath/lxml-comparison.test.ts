// Our answers against MAAS's own (python3-lxml running merge_details + try_match_xpath)
// on the lshw fixture and a generated corpus of 1,200 nodes, every definition, every node.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExactEngine } from '../../../src-main/xpath/exact';
import { checkDefinition, createPreviewCorpus, type DocumentInput } from '../../../src-main/xpath/index';
import { generateCorpus } from '../../unit/xpath/corpus';
import { EDGE, TYPICAL } from '../../unit/xpath/definitions';
import { fixtureLshw, LLDP_SAMPLE } from '../../unit/xpath/samples';
import { lxmlMatches, type LxmlAnswer } from './lxml-reference';

const INVALID = ['//node[', '//node[@id="x]', '', 'foo(', '@@', '//node[@id="cpu"]]'];
const DEFINITIONS = [...TYPICAL, ...EDGE, ...INVALID];

const fixtureDocs: DocumentInput[] = [
  { id: 'fixture' },
  { id: 'fixture-lshw', lshw: fixtureLshw() },
  { id: 'fixture-both', lshw: fixtureLshw(), lldp: LLDP_SAMPLE },
  { id: 'fixture-lldp', lldp: LLDP_SAMPLE },
];
const docs = [...fixtureDocs, ...generateCorpus(1200, { seed: 7 })];

let reference: LxmlAnswer;
let ours: Map<string, string[]>;

/** The exact engine, each node parsed once and every definition evaluated on it. */
async function exactAnswers(): Promise<Map<string, string[]>> {
  const engine = await ExactEngine.create();
  const compiled = DEFINITIONS.map((d) => ({ definition: d, compiled: engine.compile(d) }));
  const answers = new Map<string, string[]>(DEFINITIONS.map((d) => [d, []]));
  for (const doc of docs) {
    const prepared = engine.prepare(doc);
    for (const { definition, compiled: c } of compiled) {
      if (c.ok && engine.matches(c.compiled, prepared)) answers.get(definition)?.push(doc.id);
    }
    engine.dispose(prepared);
  }
  return answers;
}

beforeAll(async () => {
  [reference, ours] = await Promise.all([lxmlMatches(DEFINITIONS, docs), exactAnswers()]);
}, 120_000);

describe('same answers as MAAS (python3-lxml)', () => {
  test('the corpus exercises every kind of node', () => {
    expect(docs.length).toBeGreaterThanOrEqual(1000);
    expect(reference.matches['self::list'].length).toBeGreaterThan(20); // no, broken or empty lshw
    expect(reference.matches['//lldp:lldp'].length).toBeGreaterThan(200);
  });

  test('the same definitions compile, with lxml’s reason when not', async () => {
    for (const definition of DEFINITIONS) {
      const check = await checkDefinition(definition);
      const lxmlReason = reference.invalid[definition];
      expect({ definition, ok: check.ok }).toEqual({ definition, ok: lxmlReason === undefined });
      if (!check.ok) expect(check.message).toBe(lxmlReason);
    }
  });

  test.each(DEFINITIONS.filter((d) => !INVALID.includes(d) || d === 'foo('))('exact engine: %s', (definition) => {
    expect(ours.get(definition)).toEqual(reference.matches[definition] ?? []);
  });

  test('preview corpus (workers) on every definition', async () => {
    const corpus = createPreviewCorpus({ workers: 2 });
    try {
      corpus.set(docs);
      for (const definition of [...TYPICAL.slice(0, 4), ...EDGE.slice(0, 4)]) {
        expect({ definition, ids: await corpus.evaluate(definition) }).toEqual({
          definition,
          ids: reference.matches[definition],
        });
      }
    } finally {
      await corpus.close();
    }
  }, 120_000);
});

afterAll(() => undefined);
