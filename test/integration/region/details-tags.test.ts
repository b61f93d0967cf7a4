// set_details → details (BSON round trip), hostile XML refused, XPath tags rebuilt in the
// background with MAAS semantics, manual tags only through update_nodes.
import { readFileSync } from 'node:fs';
import { BSON } from 'bson';
import { describe, expect, test } from 'vitest';
import { FIXTURE_PATH } from '../../unit/xpath/samples';
import { client, enlist, testRegion } from './helpers';

const lshw = readFileSync(FIXTURE_PATH);
const lldp = Buffer.from('<?xml version="1.0"?><lldp label="LLDP neighbors"><interface label="Interface" name="eth0">' +
  '<chassis label="Chassis"><id label="ChassisID" type="mac">00:16:3e:00:00:01</id></chassis></interface></lldp>');

describe('hardware details', () => {
  test('stored exactly as received and returned as BSON {lshw, lldp}; commissioning completes', async () => {
    const call = client(await testRegion());
    const [id] = await enlist(call, 1);
    const empty = await call(`nodes/${id}/`, { query: { op: 'details' } });
    expect(empty.type).toBe('application/bson');
    expect(BSON.deserialize(empty.bytes)).toEqual({ lshw: null, lldp: null });
    const up = await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw, filename: 'lshw.xml' }, lldp: { file: lldp } } });
    expect(up.status).toBe(200);
    expect(up.json()).toMatchObject({ substatus_name: 'Ready', memory: 24576, routers: ['00:16:3e:00:00:01'] });
    const d = BSON.deserialize((await call(`nodes/${id}/`, { query: { op: 'details' } })).bytes);
    expect(Buffer.from(d.lshw.buffer).equals(lshw)).toBe(true);
    expect(Buffer.from(d.lldp.buffer).equals(lldp)).toBe(true);
    // Only lldp again: lshw kept.
    await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lldp: { file: '<lldp/>' } } });
    const d2 = BSON.deserialize((await call(`nodes/${id}/`, { query: { op: 'details' } })).bytes);
    expect(Buffer.from(d2.lshw.buffer).equals(lshw)).toBe(true);
    const ev = (await call('events/', { query: { op: 'query', id } })).json().events.map((e: { type: string }) => e.type);
    expect(ev.filter((t: string) => t === 'Hardware details uploaded')).toHaveLength(2);
  });

  test.each([
    ['billion laughs', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><lolz>&lol2;</lolz>`],
    ['external entity', `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`],
    ['parameter entity', `<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x">%p;]><r/>`],
    ['broken XML', '<list><node>'],
  ])('%s: 400 and nothing stored', async (_, xml) => {
    const call = client(await testRegion());
    const [id] = await enlist(call, 1);
    const r = await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: xml } } });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^lshw: /);
    expect(BSON.deserialize((await call(`nodes/${id}/`, { query: { op: 'details' } })).bytes)).toEqual({ lshw: null, lldp: null });
    expect((await call(`nodes/${id}/`)).json().substatus_name).toBe('Commissioning');
  });

  test('nodegroups op=details returns a BSON map by system id', async () => {
    const region = await testRegion();
    const call = client(region);
    const [a, b] = await enlist(call, 2);
    await call(`nodes/${a}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw } } });
    const uuid = (await call('nodegroups/', { query: { op: 'list' } })).json()[0].uuid;
    const r = await call(`nodegroups/${uuid}/`, { query: { op: 'details' }, form: { system_ids: [a, b, 'node-unknown'] } });
    const doc = BSON.deserialize(r.bytes);
    expect(Object.keys(doc).sort()).toEqual([a, b].sort());
    expect(Buffer.from(doc[a].lshw.buffer).equals(lshw)).toBe(true);
    expect(doc[b]).toEqual({ lshw: null, lldp: null });
  });
});

describe('tags', () => {
  test('a definition that does not compile: 400 "Invalid xpath expression…", nothing saved', async () => {
    const call = client(await testRegion());
    const r = await call('tags/', { query: { op: 'new' }, form: { name: 'bad', definition: '//node[' } });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^Invalid xpath expression/);
    expect((await call('tags/bad/')).status).toBe(404);
    expect((await call('tags/', { query: { op: 'new' }, form: { name: 'bad name' } })).status).toBe(400);
  });

  test('membership is rebuilt in the background when a definition or details change (MAAS semantics)', async () => {
    const region = await testRegion();
    const call = client(region);
    const [withLshw, bare] = await enlist(call, 2);
    await call(`nodes/${withLshw}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw } } });
    const tag = await call('tags/', { query: { op: 'new' }, form: { name: 'epyc', definition: '//node[@class="processor"]/product[contains(., "EPYC")]' } });
    expect(tag.json()).toMatchObject({ name: 'epyc', resource_uri: '/MAAS/api/1.0/tags/epyc/' });
    await call('tags/', { query: { op: 'new' }, form: { name: 'nodetails', definition: 'not(//node)' } });
    await region.core.rebuilder!.idle();
    const members = async (t: string) => (await call(`tags/${t}/`, { query: { op: 'nodes' } })).json().map((n: { system_id: string }) => n.system_id);
    expect(await members('epyc')).toEqual([withLshw]);
    expect(await members('nodetails')).toEqual([bare]); // the empty composite document matches, as current MAAS
    // Details change → re-evaluated.
    await call(`nodes/${bare}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw } } });
    await region.core.rebuilder!.idle();
    expect((await members('epyc')).sort()).toEqual([withLshw, bare].sort());
    expect(await members('nodetails')).toEqual([]);
    // Definition change → re-evaluated.
    await call('tags/epyc/', { method: 'PUT', form: { definition: '//node[@class="processor"]/product[contains(., "Xeon")]' } });
    await region.core.rebuilder!.idle();
    expect(await members('epyc')).toEqual([]);
    expect((await call(`nodes/${bare}/`)).json().tag_names).toEqual([]);
    const ev = (await call('events/', { query: { op: 'query', id: bare } })).json().events.map((e: { description: string }) => e.description);
    expect(ev).toEqual(expect.arrayContaining(["Tag 'epyc' added", "Tag 'epyc' removed", "Tag 'nodetails' removed"]));
  });

  test('manual tags: update_nodes only; definition mismatch 409; unknown ids 400; rebuild refused', async () => {
    const region = await testRegion();
    const call = client(region);
    const [a, b] = await enlist(call, 2);
    await call('tags/', { query: { op: 'new' }, form: { name: 'rack-a', comment: 'row 1' } });
    expect((await call('tags/rack-a/', { query: { op: 'update_nodes' }, form: { add: [a, b] } })).json()).toEqual({ added: 2, removed: 0 });
    expect((await call('tags/rack-a/', { query: { op: 'update_nodes' }, form: { add: a, remove: b } })).json()).toEqual({ added: 0, removed: 1 });
    expect((await call('tags/rack-a/', { query: { op: 'update_nodes' }, form: { add: 'node-x' } })).status).toBe(400);
    expect((await call('tags/rack-a/', { query: { op: 'update_nodes' }, form: { add: b, definition: '//x' } })).status).toBe(409);
    expect((await call('tags/rack-a/', { query: { op: 'rebuild' }, form: {} })).status).toBe(400);
    await call(`nodes/${a}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw } } });
    await region.core.rebuilder!.idle();
    expect((await call(`nodes/${a}/`)).json().tag_names).toEqual(['rack-a']);
    expect((await call('tags/', { query: { op: 'list' } })).json()).toEqual([
      { name: 'rack-a', definition: '', comment: 'row 1', kernel_opts: '', resource_uri: '/MAAS/api/1.0/tags/rack-a/' }]);
    expect((await call('tags/rack-a/', { method: 'PUT', form: { name: 'rack-b' } })).json().name).toBe('rack-b');
    expect((await call('tags/rack-b/', { method: 'DELETE' })).status).toBe(204);
    expect((await call(`nodes/${a}/`)).json().tag_names).toEqual([]);
  });
});

test('rebuilds owed when the region stopped are done on the next start', async () => {
  const { startRegion } = await import('../../../src-main/region/start-region');
  const { DIRTY } = await import('../../../src-main/region/tags/rebuilder');
  const { tempDir } = await import('./helpers');
  const dataDir = tempDir();
  const first = await startRegion({ dataDir, keyStorage: 'file', log: () => undefined, tagEngine: null });
  const call = client(first);
  const [id] = await enlist(call, 1);
  // As if killed after saving a tag and details, before the background rebuild ran.
  first.core.tx(() => {
    first.core.tags.insert({ name: 'any-node', definition: '//node', comment: '', kernel_opts: '' });
    first.core.details.set(first.core.nodes.bySystemId(id)!.id, lshw, null);
    first.core.config.set(DIRTY, true);
  });
  await first.close();
  const second = await testRegion({ dataDir });
  await second.core.rebuilder!.idle();
  expect((await client(second)(`nodes/${id}/`)).json().tag_names).toEqual(['any-node']);
  expect(second.core.config.get(DIRTY)).toBe(false);
});
