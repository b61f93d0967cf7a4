// Our answers against MAAS's own (python3-lxml running merge_details + try_match_xpath)
// on the lshw fixture and a generated corpus of 1,000 nodes, every definition, every node.
import { beforeAll, describe, expect, test } from 'vitest';
import { ExactEngine } from '../../../src-main/xpath/exact';
import { checkDefinition, createPreviewCorpus, createTagMatcher, type DocumentInput } from '../../../src-main/xpath/index';
import { generateCorpus } from '../../unit/xpath/corpus';
import { exactIds } from '../../unit/xpath/exact-ids';
import { EDGE, FAST_SHAPES, TYPICAL } from '../../unit/xpath/definitions';
import { fixtureLshw, LLDP_SAMPLE } from '../../unit/xpath/samples';
import { lxmlMatches, type LxmlAnswer } from './lxml-reference';

// round() keeps a definition off the fast path, so libxml2 answers it on every node.
const DASH_DEFINITIONS = ['//node/version = 0', 'number(//node/version)', '//version > -1', 'round(//node/version) = 0', 'round(" -e ") = 0'];
// The last two nest past libxml2's recursion limit: lxml's reason is "unknown error".
const INVALID = ['//node[', '//node[@id="x]', '', 'foo(', '@@', '//node[@id="cpu"]]', `${'('.repeat(1000)}1${')'.repeat(1000)}`, `${'not('.repeat(1000)}1${')'.repeat(1000)}`];
const DEFINITIONS = [...TYPICAL, ...EDGE, ...FAST_SHAPES, ...DASH_DEFINITIONS, ...INVALID];
const VALID = DEFINITIONS.filter((d) => !INVALID.includes(d) || d === 'foo(');

const fixtureDocs: DocumentInput[] = [
  { id: 'fixture' },
  { id: 'fixture-lshw', lshw: fixtureLshw() },
  { id: 'fixture-both', lshw: fixtureLshw(), lldp: LLDP_SAMPLE },
  { id: 'fixture-lldp', lldp: LLDP_SAMPLE },
];
/** A `-` with no digits: -0 in MAAS's libxml2 2.9 (NaN in later libxml2). After the sample. */
const DASH: DocumentInput[] = ['-', '-e', ' - ', '-E1'].map((v, i) => ({
  id: i === 0 ? 'dash' : `dash-${i}`,
  lshw: `<node id="vm" class="system"><version>${v}</version></node>`,
}));
const docs = [...fixtureDocs, ...generateCorpus(1000, { seed: 7 }), ...DASH];
/** The exact engine alone is checked on the first 200 (it also answers every fallback below). */
const EXACT_SAMPLE = 200;

let reference: LxmlAnswer;
let ours: Map<string, string[]>;
let preview: Map<string, string[]>;

/** The exact engine, each node parsed once and every definition evaluated on it. */
async function exactAnswers(): Promise<Map<string, string[]>> {
  const engine = await ExactEngine.create();
  const compiled = DEFINITIONS.map((d) => ({ definition: d, compiled: engine.compile(d) }));
  const answers = new Map<string, string[]>(DEFINITIONS.map((d) => [d, []]));
  for (const doc of docs.slice(0, EXACT_SAMPLE)) {
    const prepared = engine.prepare(doc);
    for (const { definition, compiled: c } of compiled) {
      if (c.ok && engine.matches(c.compiled, prepared)) answers.get(definition)?.push(doc.id);
    }
    engine.dispose(prepared);
  }
  return answers;
}

/** The public preview: fast path where it can, libxml2 where it must, in two workers. */
async function previewAnswers(): Promise<Map<string, string[]>> {
  const corpus = createPreviewCorpus({ workers: 2 });
  try {
    corpus.set(docs);
    const answers = new Map<string, string[]>();
    for (const definition of VALID) answers.set(definition, await corpus.evaluate(definition));
    return answers;
  } finally {
    await corpus.close();
  }
}

beforeAll(async () => {
  [reference, ours, preview] = await Promise.all([lxmlMatches(DEFINITIONS, docs), exactAnswers(), previewAnswers()]);
}, 300_000);

const sample = new Set(docs.slice(0, EXACT_SAMPLE).map((d) => d.id));

describe('same answers as MAAS (python3-lxml)', () => {
  test('the corpus exercises every kind of node', () => {
    expect(docs.length).toBeGreaterThanOrEqual(1000);
    expect(reference.matches['self::list'].length).toBeGreaterThan(20); // no, broken or empty lshw
    expect(reference.matches['//lldp:lldp'].length).toBeGreaterThan(200);
  });

  test('the same definitions compile, with lxml’s reason when not', { timeout: 30_000 }, async () => {
    for (const definition of DEFINITIONS) {
      const check = await checkDefinition(definition);
      const lxmlReason = reference.invalid[definition];
      expect({ definition, ok: check.ok }).toEqual({ definition, ok: lxmlReason === undefined });
      if (!check.ok) expect(check.message).toBe(lxmlReason);
    }
  });

  test.each(VALID)('%s', (definition) => {
    const expected = reference.matches[definition] ?? [];
    expect(preview.get(definition)).toEqual(expected);
    expect(ours.get(definition)).toEqual(expected.filter((id) => sample.has(id)));
  });

  test('a lone "-" is -0 on both paths, as in lxml', async () => {
    const dashes = DASH.map((d) => d.id);
    expect(reference.matches['//node/version = 0']).toEqual(expect.arrayContaining(dashes));
    expect(reference.matches['round(//node/version) = 0']).toEqual(expect.arrayContaining(dashes));
    expect(reference.matches['number(//node/version)']).not.toContain('dash');
    const engine = await ExactEngine.create();
    for (const definition of DASH_DEFINITIONS) {
      const exact = exactIds(engine, definition, DASH);
      const theirs = reference.matches[definition].filter((id) => dashes.includes(id));
      expect({ definition, exact, preview: preview.get(definition)?.filter((id) => dashes.includes(id)) }).toEqual({ definition, exact: theirs, preview: theirs });
    }
  });

  test('the tag matcher (rebuild) agrees too', async () => {
    const matcher = createTagMatcher({ workers: 2 });
    try {
      for (const definition of [TYPICAL[0], TYPICAL[6], EDGE[5], '//text()[contains(., "Xeon")]']) {
        expect({ definition, ids: await matcher.match(definition, docs) }).toEqual({
          definition,
          ids: reference.matches[definition],
        });
      }
    } finally {
      await matcher.close();
    }
  }, 120_000);
});

