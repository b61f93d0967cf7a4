// The preview's matches against MAAS's own evaluation (python3-lxml: merge_details +
// try_match_xpath), end to end the way the console runs it: an embedded region holding
// the details, fetched over HTTP (BSON `details`) into the console's cache, then previewed
// from that cache in worker threads. The lshw fixture plus a generated corpus of 1,000+
// nodes (varied hardware, LLDP on some, broken/empty/missing details on some), MAAS's
// edge-case definitions and typical ones.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMaasClient, type MaasClient } from '../../../src-main/maas-client/index';
import { startRegion, type RunningRegion } from '../../../src-main/region/start-region';
import { tagsArea } from '../../../src-main/console/tags/tags-handlers';
import type { PreviewEnd } from '../../../src-shared/contract/tags';
import { EDGE, TYPICAL } from '../../unit/xpath/definitions';
import { fixtureLshw, LLDP_SAMPLE } from '../../unit/xpath/samples';
import { lxmlMatches, type LxmlAnswer } from '../xpath/lxml-reference';
import { seedRegionTags, type SeededTags } from '../../support/tags-seed';
import { createPreviewCorpus } from '../../../src-main/xpath/index';

const DEFINITIONS = [...EDGE, ...TYPICAL.filter((_, i) => i % 2 === 0)];
const dirs: string[] = [];
const temp = (p: string) => { const d = mkdtempSync(join(tmpdir(), p)); dirs.push(d); return d; };

let region: RunningRegion;
let maas: MaasClient;
let seeded: SeededTags;
let area: ReturnType<typeof tagsArea>;
let reference: LxmlAnswer;
const ends = new Map<string, (e: PreviewEnd) => void>();

beforeAll(async () => {
  const regionDir = temp('tags-region-');
  // 1,003 nodes: three get the fixture itself (below), 1,000 keep generated details.
  seeded = await seedRegionTags(regionDir, { nodes: 1003, seed: 23 });
  region = await startRegion({ dataDir: regionDir, keyStorage: 'file', tagEngine: null, log: () => undefined });
  maas = createMaasClient({ root: region.url.replace(/api\/1\.0\/$/, ''), apiVersion: '1.0', apiKey: seeded.apiKey });
  // The fixture itself, with and without LLDP, set through the region's own set_details.
  const extra = await maas.listNodes();
  for (const [i, d] of [{ lshw: fixtureLshw() }, { lshw: fixtureLshw(), lldp: LLDP_SAMPLE }, { lldp: LLDP_SAMPLE }].entries()) {
    await maas.setDetails(extra[i].systemId, d);
    const doc = seeded.docs.find((x) => x.id === extra[i].systemId)!;
    doc.lshw = d.lshw ?? doc.lshw;
    doc.lldp = 'lldp' in d ? d.lldp : doc.lldp;
  }
  area = tagsArea({
    dataDir: temp('tags-console-'),
    clientFor: async () => maas,
    corpus: () => createPreviewCorpus({ workers: 2 }),
    emit: (event, payload) => { if (event === 'tags.preview.end') ends.get((payload as PreviewEnd).previewId)?.((payload as PreviewEnd)); },
  });
  reference = await lxmlMatches(DEFINITIONS, seeded.docs);
}, 300_000);

afterAll(async () => {
  await area?.close();
  await maas?.close();
  await region?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function preview(definition: string, previewId: string): Promise<PreviewEnd> {
  const done = new Promise<PreviewEnd>((resolve) => ends.set(previewId, resolve));
  area.handlers['tags.preview']({ connectionId: 'local', definition, previewId });
  return done;
}

describe('preview vs python3-lxml', { timeout: 600_000 }, () => {
  test('every node\'s details come over HTTP into the cache once', async () => {
    const r = await area.handlers['details.fetchAll']({ connectionId: 'local', all: false });
    expect(r).toMatchObject({ fetched: 1003, reused: 0, failed: [] });
    const status = await area.handlers['details.status']({ connectionId: 'local' });
    expect(status).toMatchObject({ cached: 1003, stale: 0 });
    expect(await area.handlers['details.fetchAll']({ connectionId: 'local', all: false })).toMatchObject({ fetched: 0, reused: 1003 });
  });

  test('the preview matches exactly what MAAS matches, definition by definition', async () => {
    const mismatches: string[] = [];
    for (const [i, definition] of DEFINITIONS.entries()) {
      const end = await preview(definition, `cmp-${i}`);
      if (definition in reference.invalid) {
        if (end.outcome !== 'invalid') mismatches.push(`${definition}: lxml refuses it, preview ${end.outcome}`);
        continue;
      }
      const want = [...(reference.matches[definition] ?? [])].sort();
      const got = [...end.matched].sort();
      if (end.outcome !== 'complete' || JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(`${definition}: lxml ${want.length}, preview ${end.outcome} ${got.length}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The corpus is varied enough to mean something: most definitions split the nodes.
    const splits = DEFINITIONS.filter((d) => (reference.matches[d]?.length ?? 0) > 0 && (reference.matches[d]?.length ?? 0) < 1003);
    expect(splits.length).toBeGreaterThan(DEFINITIONS.length / 2);
  });
});
