// The region's own tag membership (saved through the API, rebuilt in the background from
// details stored in SQLite) equals MAAS's: python3-lxml's merge_details + try_match_xpath
// on the same documents, for the semantics edge cases and typical definitions. Definitions
// lxml cannot compile must be refused with "Invalid xpath expression".
import { expect, test } from 'vitest';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { generateCorpus } from '../../unit/xpath/corpus';
import { EDGE, TYPICAL } from '../../unit/xpath/definitions';
import { lxmlMatches } from '../xpath/lxml-reference';
import { client, testRegion } from './helpers';

test('region tag membership equals python3-lxml (MAAS) on a generated corpus with odd details', async () => {
  const region = await testRegion();
  const call = client(region);
  const docs = generateCorpus(100, { seed: 11 }); // includes broken, empty and missing details
  const core = region.core;
  const systemIdOf = new Map<string, string>();
  core.tx(() => docs.forEach((d, i) => {
    const n = core.nodes.insert({ hostname: `c-${i}`, installable: true, status: S.READY, zoneId: 1 });
    // Stored directly: MAAS kept whatever commissioning produced, broken XML included.
    if (d.lshw != null || d.lldp != null) core.details.set(n.id, d.lshw != null ? Buffer.from(d.lshw) : null, d.lldp != null ? Buffer.from(d.lldp) : null);
    systemIdOf.set(d.id, n.system_id);
  }));
  const definitions = [...EDGE, ...TYPICAL.slice(0, 8)];
  const reference = await lxmlMatches(definitions, docs);
  const saved: [string, string][] = [];
  for (const [i, definition] of definitions.entries()) {
    const r = await call('tags/', { query: { op: 'new' }, form: { name: `d${i}`, definition } });
    if (reference.invalid[definition] !== undefined) {
      expect(r.status, definition).toBe(400);
      expect(r.text).toMatch(/^Invalid xpath expression/);
    } else {
      expect(r.status, `${definition}: ${r.text}`).toBe(200);
      saved.push([`d${i}`, definition]);
    }
  }
  await core.rebuilder!.idle();
  for (const [name, definition] of saved) {
    const members = (await call(`tags/${name}/`, { query: { op: 'nodes' } })).json().map((n: { system_id: string }) => n.system_id).sort();
    const expected = reference.matches[definition].map((id) => systemIdOf.get(id)!).sort();
    expect(members, definition).toEqual(expected);
  }
}, 240_000);
