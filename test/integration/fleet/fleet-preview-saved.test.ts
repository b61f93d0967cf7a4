// The fleet's tag preview opens on saved tables, as the Tags view does: a previewer with a
// store saves its corpus (all servers' nodes), and the next session reopens it without
// loading any node in bulk, loads only nodes whose details were fetched again since, drops
// nodes gone, and answers exactly as one built from the home.
import { afterAll, expect, test } from 'vitest';
import { FleetTagPreviewer, type FleetServerNodes } from '../../../src-main/console/fleet/fleet-tag-preview';
import { createPreviewCorpus } from '../../../src-main/xpath/index';
import { countedCorpus } from '../../support/counted-corpus';
import { generateCorpus } from '../../unit/xpath/corpus';
import { openDetailsHome } from '../../support/details-home';

const home = openDetailsHome('fleet-preview-saved-');
afterAll(() => home.close());
const DEFINITION = '//node[@class="processor"]/vendor = "Intel Corp."';
const SERVERS = [
  { connectionId: 'dc-east', docs: generateCorpus(30, { seed: 41 }) },
  { connectionId: 'dc-west', docs: generateCorpus(30, { seed: 42 }) },
];
const servers = (): FleetServerNodes[] => SERVERS.map((s) => ({
  connectionId: s.connectionId, name: s.connectionId, hostnames: new Map(s.docs.map((d) => [d.id, d.id])),
}));

/** A session: a previewer over a counted corpus. */
function session() {
  const { corpus, counts } = countedCorpus();
  const previewer = new FleetTagPreviewer({ details: home.details, servers, corpus: () => corpus, storeDir: home.dir, saveAfterMs: 60_000 });
  const matched = async (): Promise<[string, string[]][]> =>
    (await previewer.preview(DEFINITION, 1000)).servers.map((s) => [s.connectionId, s.matches.map((m) => m.systemId).sort()]);
  return { previewer, counts, matched };
}

test('saved at close, reopened by the next session, refreshed only where details changed', async () => {
  for (const s of SERVERS) {
    for (const d of s.docs) home.details.put(s.connectionId, { systemId: d.id, lshw: d.lshw ?? null, lldp: d.lldp ?? null, fingerprint: 'f', fetchedAt: 't1' });
  }
  const first = session();
  const built = await first.matched();
  expect(first.counts.bulk).toBe(60);
  expect(built.flatMap(([, ids]) => ids).length).toBeGreaterThan(0);
  await first.previewer.close(); // the save still waiting for its timer is done now

  const second = session();
  expect(await second.matched()).toEqual(built);
  expect(second.counts).toEqual({ bulk: 0, upsert: 0, remove: 0 });
  await second.previewer.close();

  // Between sessions (no previewer listening): one node's details fetched again (now an Intel CPU on dc-west), one gone.
  const changed = SERVERS[1].docs.find((d) => d.lshw && !built[1][1].includes(d.id) && d.lshw.includes('<node id="cpu'))!;
  const intel = changed.lshw!.replace(/(<node id="cpu[^>]*>(?:(?!<\/node>)[\s\S])*?<vendor>)[^<]*(<\/vendor>)/, '$1Intel Corp.$2');
  home.details.put('dc-west', { systemId: changed.id, lshw: intel, lldp: null, fingerprint: 'g', fetchedAt: 't2' });
  const gone = built[0][1][0];
  home.details.evict('dc-east', [gone]);

  const third = session();
  const after = await third.matched();
  expect(third.counts).toEqual({ bulk: 0, upsert: 1, remove: 1 });
  expect(after[0][1]).toEqual(built[0][1].filter((id) => id !== gone));
  expect(after[1][1]).toEqual([...built[1][1], changed.id].sort());
  await third.previewer.close(); // saves the refreshed tables

  const fourth = session();
  expect(await fourth.matched()).toEqual(after);
  expect(fourth.counts).toEqual({ bulk: 0, upsert: 0, remove: 0 });
  await fourth.previewer.close();

  // And the same answer as a corpus built from the home with no saved tables.
  const fresh = new FleetTagPreviewer({ details: home.details, servers, corpus: () => createPreviewCorpus({ workers: 2 }) });
  expect((await fresh.preview(DEFINITION, 1000)).servers.map((s) => [s.connectionId, s.matches.map((m) => m.systemId).sort()])).toEqual(after);
  await fresh.close();
}, 180_000);
