// The fleet's tag preview against MAAS's own answers (python3-lxml running merge_details +
// try_match_xpath): generated details of three servers, kept in the one home of node details
// (the same system ids on two servers, as separate regions number nodes alike), every
// typical and edge-case definition; per server, the nodes matched are lxml's. Then the home
// changes (details fetched again, a node gone, a connection forgotten) and the preview follows.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FleetTagPreviewer, type FleetServerNodes } from '../../../src-main/console/fleet/fleet-tag-preview';
import { createPreviewCorpus, type DocumentInput } from '../../../src-main/xpath/index';
import { generateCorpus } from '../../unit/xpath/corpus';
import { EDGE, TYPICAL } from '../../unit/xpath/definitions';
import { openDetailsHome, type DetailsHome } from '../../support/details-home';
import { lxmlMatches, type LxmlAnswer } from '../xpath/lxml-reference';

const SERVERS = [
  { connectionId: 'local', name: 'This laptop', docs: generateCorpus(40, { seed: 21 }) },
  { connectionId: 'dc-east', name: 'dc-east', docs: generateCorpus(60, { seed: 22 }) },
  { connectionId: 'dc-west', name: 'dc-west', docs: generateCorpus(30, { seed: 23, scale: 2 }) },
];
const INVALID = ['//node[', 'foo('];
const DEFINITIONS = [...TYPICAL, ...EDGE, ...INVALID];
const key = (c: string, id: string) => `${c}/${id}`;
const allDocs: DocumentInput[] = SERVERS.flatMap((s) => s.docs.map((d) => ({ ...d, id: key(s.connectionId, d.id) })));

let home: DetailsHome;
let previewer: FleetTagPreviewer;
let reference: LxmlAnswer;
let forgotten = false;

const servers = (): FleetServerNodes[] => SERVERS.filter((s) => !(forgotten && s.connectionId === 'dc-west')).map((s) => ({
  connectionId: s.connectionId, name: s.name, hostnames: new Map(s.docs.map((d) => [d.id, `host-${d.id}`])),
}));

/** lxml's matches split per server, as system ids. */
function lxmlPerServer(ids: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(SERVERS.map((s) => [s.connectionId, []]));
  for (const id of ids) { const [c, ...rest] = id.split('/'); out[c].push(rest.join('/')); }
  for (const c of Object.keys(out)) out[c].sort();
  return out;
}

async function oursPerServer(definition: string): Promise<Record<string, string[]>> {
  const answer = await previewer.preview(definition, 1000);
  const out: Record<string, string[]> = Object.fromEntries(SERVERS.map((s) => [s.connectionId, []]));
  for (const s of answer.servers) {
    expect(s.matches).toHaveLength(s.matched);
    out[s.connectionId] = s.matches.map((m) => m.systemId).sort();
  }
  return out;
}

beforeAll(async () => {
  home = openDetailsHome('fleet-preview-');
  for (const s of SERVERS) {
    for (const d of s.docs) home.details.put(s.connectionId, { systemId: d.id, lshw: d.lshw ?? null, lldp: d.lldp ?? null, fingerprint: 'f', fetchedAt: 't1' });
  }
  previewer = new FleetTagPreviewer({ details: home.details, servers, corpus: () => createPreviewCorpus({ workers: 2 }) });
  [reference] = await Promise.all([lxmlMatches(DEFINITIONS, allDocs), previewer.warm()]);
}, 300_000);
afterAll(async () => { await previewer.close(); home.close(); });

describe('fleet tag preview = python3-lxml, per server', { timeout: 300_000 }, () => {
  test('the generated servers share system ids and exercise lshw and LLDP', () => {
    expect(SERVERS[0].docs[0].id).toBe(SERVERS[1].docs[0].id);
    expect(reference.matches['//lldp:lldp'].length).toBeGreaterThan(10);
  });

  test('every definition: the same nodes on each server, counts and hostnames per server', async () => {
    let compared = 0;
    for (const definition of DEFINITIONS) {
      if (reference.invalid[definition] !== undefined) {
        await expect(previewer.preview(definition)).rejects.toMatchObject({ code: 'bad-input', message: `Invalid xpath expression: ${reference.invalid[definition]}` });
        continue;
      }
      expect({ definition, answer: await oursPerServer(definition) }).toEqual({ definition, answer: lxmlPerServer(reference.matches[definition] ?? []) });
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
    const all = await previewer.preview('/list');
    expect(all.servers.map((s) => [s.name, s.nodes, s.previewed, s.matched])).toEqual(SERVERS.map((s) => [s.name, s.docs.length, s.docs.length, s.docs.length]));
    expect(all.servers[0].matches[0].hostname).toBe(`host-${all.servers[0].matches[0].systemId}`);
    expect((await previewer.preview('/list', 5)).servers[1]).toMatchObject({ matched: 60 });
    expect((await previewer.preview('/list', 5)).servers[1].matches).toHaveLength(5);
  });

  test('follows the home: details fetched again, a node gone, a connection forgotten', async () => {
    const definition = '//node[@class="processor"]/vendor = "Intel Corp."';
    const intel = allDocs.find((d) => d.lshw?.includes('<vendor>Intel Corp.</vendor>'))!;
    const notYet = SERVERS[1].docs.find((d) => !reference.matches[definition].includes(key('dc-east', d.id)) && d.lshw)!;
    const goneOne = reference.matches[definition].find((id) => id.startsWith('local/'))!.slice('local/'.length);
    home.details.put('dc-east', { systemId: notYet.id, lshw: intel.lshw!, lldp: null, fingerprint: 'f', fetchedAt: 't2' });
    home.details.evict('local', [goneOne]);
    const changedDocs = allDocs
      .filter((d) => d.id !== key('local', goneOne))
      .map((d) => (d.id === key('dc-east', notYet.id) ? { id: d.id, lshw: intel.lshw } : d));
    const expected = await lxmlMatches([definition], changedDocs);
    expect(await oursPerServer(definition)).toEqual(lxmlPerServer(expected.matches[definition]));

    home.details.forget('dc-west');
    forgotten = true;
    const after = await previewer.preview('/list');
    expect(after.servers.map((s) => [s.connectionId, s.previewed])).toEqual([['local', 39], ['dc-east', 60]]);
  });

  test('a newer preview supersedes the one still running', async () => {
    const [older, newer] = [previewer.preview('//*[contains(., "x")]'), previewer.preview('/list')];
    await expect(older).rejects.toMatchObject({ code: 'conflict' });
    expect((await newer).matched).toBeGreaterThan(0);
  });
});
