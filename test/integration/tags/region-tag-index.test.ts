// The region's tag index (src-main/region/tags/tag-index.ts): evaluated on the stored
// details, saved to a file, reopened after a restart without parsing any node again,
// refreshed only where the details changed, rebuilt from the details when the file is
// damaged — and always the same answers as python3-lxml.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { openRegion } from '../../../src-main/region/start-region';
import { RegionTagIndex } from '../../../src-main/region/tags/tag-index';
import { createPreviewCorpus, type DocumentInput } from '../../../src-main/xpath/index';
import { generateCorpus } from '../../unit/xpath/corpus';
import { lxmlMatches } from '../xpath/lxml-reference';

const DEFINITION = '//node[@class="processor"]/vendor = "Intel Corp."';
const dir = mkdtempSync(join(tmpdir(), 'region-tag-index-'));
const file = join(dir, 'tag-index.bin');
let region: Awaited<ReturnType<typeof openRegion>>;
const docs = generateCorpus(40, { seed: 3 });
const byNode = new Map<number, DocumentInput>();
const signal = new AbortController().signal;

function counted(): { corpus: ReturnType<typeof createPreviewCorpus>; upserts: () => number } {
  const corpus = createPreviewCorpus({ workers: 2 });
  const upsert = corpus.upsert.bind(corpus);
  let n = 0;
  corpus.upsert = (d) => {
    n++;
    upsert(d);
  };
  return { corpus, upserts: () => n };
}

async function expected(): Promise<number[]> {
  const current = [...byNode.entries()].map(([id, d]) => ({ ...d, id: String(id) }));
  return (await lxmlMatches([DEFINITION], current)).matches[DEFINITION].map(Number).sort((a, b) => a - b);
}
const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);

beforeAll(async () => {
  region = await openRegion({ dataDir: dir, keyStorage: 'file', tagEngine: null, log: () => undefined });
  const core = region.core;
  core.tx(() => docs.forEach((d, i) => {
    const n = core.nodes.insert({ hostname: `n-${i}`, installable: true, status: S.READY, zoneId: 1 });
    if (d.lshw != null || d.lldp != null) core.details.set(n.id, d.lshw != null ? Buffer.from(d.lshw) : null, d.lldp != null ? Buffer.from(d.lldp) : null);
    byNode.set(n.id, d);
  }));
});
afterAll(() => {
  region.close();
  rmSync(dir, { recursive: true, force: true });
});

test('built once from the details, saved, reopened without parsing, refreshed where details change', async () => {
  const ids = [...byNode.keys()];
  const first = counted();
  const index = new RegionTagIndex(region.core.db, first.corpus, file);
  expect(sorted(await index.matching(DEFINITION, ids, signal))).toEqual(await expected());
  expect(first.upserts()).toBe(docs.length);
  await index.close(); // saves

  const second = counted();
  const reopened = new RegionTagIndex(region.core.db, second.corpus, file);
  expect(sorted(await reopened.matching(DEFINITION, ids, signal))).toEqual(await expected());
  expect(second.upserts()).toBe(0);

  // A node's details change: only that node is loaded again.
  const target = ids.find((id) => byNode.get(id)?.lshw);
  const intel = docs.find((d) => d.lshw?.includes('<vendor>Intel Corp.</vendor>'))!;
  await new Promise((resolve) => setTimeout(resolve, 5)); // a later `updated` time
  region.core.details.set(target!, Buffer.from(intel.lshw!), null);
  byNode.set(target!, { id: 'x', lshw: intel.lshw, lldp: null });
  expect(sorted(await reopened.matching(DEFINITION, ids, signal))).toEqual(await expected());
  expect(second.upserts()).toBe(1);
  await reopened.close();
}, 180_000);

test('a damaged file is rebuilt from the details', async () => {
  writeFileSync(file, Buffer.from('MCXC\u0010\u0000\u0000\u0000not json at all'));
  const third = counted();
  const index = new RegionTagIndex(region.core.db, third.corpus, file);
  expect(sorted(await index.matching(DEFINITION, [...byNode.keys()], signal))).toEqual(await expected());
  expect(third.upserts()).toBe(docs.length);
  await index.close();
}, 180_000);
