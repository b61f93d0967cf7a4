// The element tables hold a detail of up to 65,535 elements (tree distances are 16-bit);
// a larger one (a storage server with tens of thousands of disks) is answered by libxml2
// on MAAS's composite instead. Either way the answer is lxml's (MAAS's own engine).
import { afterAll, describe, expect, test } from 'vitest';
import { createPreviewCorpus, fillCorpus, type DocumentInput } from '../../../src-main/xpath/index';
import { MAX_DETAIL_ELEMENTS } from '../../../src-main/xpath/fast/store';
import { lxmlMatches } from './lxml-reference';

/** A system with `disks` disk nodes of two elements each: 2 + 2 × disks elements. */
const storageServer = (id: string, disks: number): DocumentInput => ({
  id,
  lshw: `<node id="sys" class="system"><vendor>Supermicro</vendor>${Array.from({ length: disks }, (_, i) => `<node id="disk:${i}" class="disk"><serial>S${i}</serial></node>`).join('')}</node>`,
});

const fits = Math.floor((MAX_DETAIL_ELEMENTS - 2) / 2); // 2 + 2 × fits ≤ the limit
const docs = [storageServer('fits', fits), storageServer('too-large', fits + 1), storageServer('small', 3)];
const definitions = [
  `//node[@class="disk"]/serial = "S${fits}"`,
  `//node[@class="disk"]/serial = "S${fits - 1}"`,
  'count(//node[@class="disk"]) > 3',
  '//node[@class="system"]/vendor = "Supermicro"',
  `//node[@id="disk:${fits}"]/preceding-sibling::node[1]/serial = "S${fits - 1}"`,
  '//serial[. = "S2"]/../../vendor',
];

const corpus = createPreviewCorpus({ workers: 1 });
afterAll(() => corpus.close());

describe('details larger than the tables hold', { timeout: 180_000 }, () => {
  test('the limit is 16-bit and both sides of it give lxml\'s answer', async () => {
    expect(MAX_DETAIL_ELEMENTS).toBe(65_535);
    await fillCorpus(corpus, (async function* () { yield docs; })());
    const lxml = await lxmlMatches(definitions, docs);
    for (const definition of definitions) {
      const ids = await corpus.evaluate(definition);
      expect({ definition, ids }).toEqual({ definition, ids: lxml.matches[definition] });
    }
    // The first and last are answered by the tables, the one past the limit by libxml2.
    expect(corpus.lastStats).toMatchObject({ nodes: 3, fast: 2, exact: 1 });
  });
});
