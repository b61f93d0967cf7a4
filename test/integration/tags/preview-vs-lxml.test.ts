// The preview's matches against MAAS's own evaluation (python3-lxml: merge_details +
// try_match_xpath), end to end the way the console runs it: an embedded region holding
// the details, fetched over HTTP (BSON `details`) into the console's cache, then previewed
// from that cache in worker threads. The lshw fixture plus a generated corpus of 1,000+
// nodes (varied hardware, LLDP on some, broken/empty/missing details on some), MAAS's
// edge-case definitions and typical ones.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EDGE, TYPICAL } from '../../unit/xpath/definitions';
import { fixtureLshw, LLDP_SAMPLE } from '../../unit/xpath/samples';
import { lxmlMatches, type LxmlAnswer } from '../xpath/lxml-reference';
import { seededRegionConsole, type SeededRegionConsole } from './seeded-region-console';

const DEFINITIONS = [...EDGE, ...TYPICAL.filter((_, i) => i % 2 === 0)];
let c: SeededRegionConsole;
let reference: LxmlAnswer;

beforeAll(async () => {
  // 1,003 nodes: three get the fixture itself (below), 1,000 keep generated details.
  c = await seededRegionConsole({ nodes: 1003, seed: 23, connectionId: 'local', workers: 2 });
  // The fixture itself, with and without LLDP, set through the region's own set_details.
  const extra = await c.maas.listNodes();
  for (const [i, d] of [{ lshw: fixtureLshw() }, { lshw: fixtureLshw(), lldp: LLDP_SAMPLE }, { lldp: LLDP_SAMPLE }].entries()) {
    await c.maas.setDetails(extra[i].systemId, d);
    const doc = c.seeded.docs.find((x) => x.id === extra[i].systemId)!;
    doc.lshw = d.lshw ?? doc.lshw;
    doc.lldp = 'lldp' in d ? d.lldp : doc.lldp;
  }
  reference = await lxmlMatches(DEFINITIONS, c.seeded.docs);
}, 300_000);

afterAll(async () => { await c?.close(); });

describe('preview vs python3-lxml', { timeout: 600_000 }, () => {
  test('every node\'s details come over HTTP into the cache once', async () => {
    const r = await c.area.handlers['details.fetchAll']({ connectionId: 'local', all: false });
    expect(r).toMatchObject({ fetched: 1003, reused: 0, failed: [] });
    const status = await c.area.handlers['details.status']({ connectionId: 'local' });
    expect(status).toMatchObject({ cached: 1003, stale: 0 });
    expect(await c.area.handlers['details.fetchAll']({ connectionId: 'local', all: false })).toMatchObject({ fetched: 0, reused: 1003 });
  });

  test('the preview matches exactly what MAAS matches, definition by definition', async () => {
    const mismatches: string[] = [];
    for (const [i, definition] of DEFINITIONS.entries()) {
      const end = await c.preview(definition, `cmp-${i}`);
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
