// The one MaasClient against a server answering as MAAS 2.x (API 2.0) and as MAAS 1.x
// (API 1.0): same calls, same normalised answers, the dialect handled inside the client.
import { afterEach, describe, expect, test } from 'vitest';
import { createMaasClient, discoverApi, type MaasClient } from '../../../src-main/maas-client/index';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../../support/maas-replay-server';

const KEY = 'ck1:tk1:ts1';
const open: { close(): Promise<void> }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

async function setup(api: '1.0' | '2.0'): Promise<{ s: ReplayServer; c: MaasClient }> {
  const s = await startReplayServer({
    api, apiKey: KEY,
    machines: [machine(1, 0), machine(2, 0), machine(3, 10), machine(4, 6), machine(5, 0, { zone: 'rack-12' }), machine(6, 4)],
  });
  open.push(s);
  const found = await discoverApi(s.root);
  const c = createMaasClient({ root: found.root, apiVersion: found.apiVersion, apiKey: KEY, label: 'lab' });
  open.push(c);
  return { s, c };
}

describe.each(['2.0', '1.0'] as const)('API %s', (api) => {
  test('discovery finds the API from the root, the bare host and an API URL', async () => {
    const { s } = await setup(api);
    expect((await discoverApi(s.root)).apiVersion).toBe(api);
    const bare = await discoverApi(s.url);
    expect(bare).toMatchObject({ apiVersion: api, root: s.root });
    expect((await discoverApi(`${s.root}api/${api}/`)).root).toBe(s.root);
    if (api === '2.0') expect(bare.version).toBe('3.4.9');
  });

  test('lists nodes in one shape, with the real status', async () => {
    const { c } = await setup(api);
    const nodes = await c.listNodes();
    expect(nodes).toHaveLength(6);
    const allocated = nodes.find((n) => n.systemId === 'm00003')!;
    // API 1.0 reports `status` 6 for Allocated; the client reads `substatus`.
    expect(allocated).toMatchObject({ status: 10, statusName: 'Allocated', zone: 'default', macAddresses: ['52:54:00:00:00:03'] });
    expect(nodes[0]).toMatchObject({ hostname: 'node-1', cpuCount: 8, memory: 16384, powerType: 'ipmi' });
  });

  test('repeats a list parameter in the query string', async () => {
    const { s, c } = await setup(api);
    const nodes = await c.listNodes({ systemIds: ['m00001', 'm00005'] });
    expect(nodes.map((n) => n.systemId)).toEqual(['m00001', 'm00005']);
    const last = s.requests.at(-1)!;
    expect(last.query.getAll('id')).toEqual(['m00001', 'm00005']);
    expect(last.query.get('op')).toBe(api === '1.0' ? 'list' : null);
  });

  test('bulk accept sends the ids as repeated multipart parts and says what changed', async () => {
    const { s, c } = await setup(api);
    const out = await c.acceptNodes(['m00001', 'm00002', 'm00006']);
    expect(out).toMatchObject({ status: 200, changed: ['m00001', 'm00002'], unchanged: ['m00006'], refused: [] });
    const req = s.requests.at(-1)!;
    expect(req.form.filter(([k]) => k === (api === '2.0' ? 'machines' : 'nodes')).map(([, v]) => v)).toEqual(['m00001', 'm00002', 'm00006']);
    expect(s.machines.get('m00001')!.status).toBe(1);
  });

  test('a refused accept (409) names the node MAAS stopped at; those before it stay accepted, unreported', async () => {
    const { s, c } = await setup(api);
    const out = await c.acceptNodes(['m00001', 'm00003', 'm00005']);
    expect(out.status).toBe(409);
    expect(out.refused).toEqual(['m00003']);
    expect(out.reasons.m00003).toBe('refused in state Allocated: Cannot accept node enlistment: node m00003 is in state Allocated.');
    expect(out.unreported).toEqual(['m00001', 'm00005']);
    // MAAS walks the machines in its own order and stops at the refusal: no rollback.
    expect(s.machines.get('m00001')!.status).toBe(1);
    expect(s.machines.get('m00005')!.status).toBe(0);
  });

  test('a partly refused release (409): refused named with their states, the rest released but unreported', async () => {
    const { s, c } = await setup(api);
    const out = await c.releaseNodes(['m00003', 'm00004', 'm00001'], 'end of lease');
    expect(out.status).toBe(409);
    expect(out.refused).toEqual(['m00001']);
    expect(out.reasons.m00001).toMatch(/refused in state New/);
    expect(out.unreported).toEqual(['m00003', 'm00004']);
    // 409 is not "nothing happened": the others really were released (2.x/3.x: Releasing first).
    expect(s.machines.get('m00003')!.status).toBe(api === '2.0' ? 12 : 4);
    expect(s.machines.get('m00004')!.status).toBe(api === '2.0' ? 12 : 4);
    const comment = s.requests.at(-1)!.form.find(([k]) => k === 'comment');
    expect(comment?.[1]).toBe(api === '2.0' ? 'end of lease' : undefined);
  });

  test('accept all returns the nodes that changed', async () => {
    const { c } = await setup(api);
    expect((await c.acceptAllNodes()).changed.sort()).toEqual(['m00001', 'm00002', 'm00005']);
  });

  test('node actions use the dialect of the API', async () => {
    const { s, c } = await setup(api);
    expect((await c.startNode('m00004')).powerState).toBe('on');
    expect(s.requests.at(-1)!.query.get('op')).toBe(api === '2.0' ? 'power_on' : 'start');
    expect((await c.stopNode('m00004', 'soft')).powerState).toBe('off');
    expect(s.requests.at(-1)!.form).toContainEqual(['stop_mode', 'soft']);
    expect((await c.markBroken('m00006', 'fan')).statusName).toBe('Broken');
    expect((await c.markFixed('m00006')).status).toBe(4);
    expect((await c.commissionNode('m00006')).status).toBe(1);
    expect((await c.updateNode('m00006', { hostname: 'renamed' })).hostname).toBe('renamed');
    expect(s.requests.at(-1)!.method).toBe('PUT');
    await c.setZone(['m00001', 'm00002'], 'rack-12');
    expect(s.requests.at(-1)!.path).toMatch(/\/nodes\/$/);
    expect((await c.listNodes({ zone: 'rack-12' })).map((n) => n.systemId)).toEqual(['m00001', 'm00002', 'm00005']);
    await c.deleteNode('m00002');
    await expect(c.getNode('m00002')).rejects.toMatchObject({ code: 'MAAS_ERR_STATUS', status: 404 });
  });

  test('details are decoded from BSON, absent ones as null', async () => {
    const { s, c } = await setup(api);
    s.machines.get('m00001')!.lshw = '<?xml version="1.0"?><list><node id="x" class="system"/></list>';
    expect(await c.details('m00001')).toEqual({ lshw: s.machines.get('m00001')!.lshw, lldp: null });
  });

  test('tags: create, list, update, member nodes, update_nodes, delete', async () => {
    const { s, c } = await setup(api);
    await c.createTag({ name: 'ssd', definition: '//node[@class="disk"]', comment: 'fast' });
    expect(await c.listTags()).toEqual([{ name: 'ssd', definition: '//node[@class="disk"]', comment: 'fast', kernelOpts: null }]);
    expect((await c.updateTag('ssd', { comment: 'solid' })).comment).toBe('solid');
    expect(await c.updateTagNodes('ssd', { add: ['m00001', 'm00002'], remove: [] })).toEqual({ added: 2, removed: 0 });
    expect((await c.tagNodes('ssd')).map((n) => n.systemId)).toEqual(['m00001', 'm00002']);
    expect(s.requests.at(-1)!.query.get('op')).toBe(api === '2.0' ? 'machines' : 'nodes');
    await c.deleteTag('ssd');
    expect(await c.listTags()).toEqual([]);
  });

  test("zones; events paged by MAAS's links: prev_uri is the older page, next_uri the newer", async () => {
    const { c } = await setup(api);
    expect((await c.listZones()).map((z) => z.name)).toEqual(['default', 'rack-12']);
    const first = await c.queryEvents({ limit: 10 });
    expect(first.events.map((e) => e.id)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    if (api === '2.0') {
      // MAAS 2.x/3.x: before= the oldest shown, after= the newest shown.
      expect(first).toMatchObject({ paging: 'cursor', older: { limit: 10, before: 16 }, newer: { limit: 10, after: 25 } });
      const second = await c.queryEvents(first.older!);
      expect(second.events.map((e) => e.id)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
      const back = await c.queryEvents(second.newer!);
      expect(back.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      const third = await c.queryEvents(second.older!);
      expect(third.events.map((e) => e.id)).toEqual([5, 4, 3, 2, 1]);
      expect(await c.queryEvents(third.older!)).toMatchObject({ count: 0, events: [], older: null });
      // Nothing newer yet: MAAS links the plain query again, for events still to come.
      expect(await c.queryEvents(first.newer!)).toMatchObject({ count: 0, newer: { limit: 10 }, older: { limit: 10, before: 26 } });
    } else {
      // MAAS 1.8: id windows stepped by `limit` from `after` (0 when not given), whatever the page held.
      expect(first).toMatchObject({ paging: 'window', older: { limit: 10, after: 0 }, newer: { limit: 10, after: 10 } });
      expect((await c.queryEvents(first.older!)).events.map((e) => e.id)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      expect((await c.queryEvents({ limit: 10, after: 12 })).events.map((e) => e.id)).toEqual([21, 20, 19, 18, 17, 16, 15, 14, 13, 12]);
    }
  });

  test('version and describe', async () => {
    const { c } = await setup(api);
    expect((await c.version()).apiVersion).toBe(api);
    expect(await c.describe()).toMatchObject({ doc: 'MAAS API' });
    await expect(c.checkKey()).resolves.toBeUndefined();
  });
});
