// Bulk actions through the console's use-cases against the real embedded region: chunked
// server bulk calls, per-node outcomes, MAAS's partial 409 release, accept's all-or-nothing
// refusal, isolating the one bad id of a chunk, and the inventory following along.
import { expect, test } from 'vitest';
import { preflight } from '../../../src-shared/inventory/preflight';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { seedNodes } from '../../support/inventory-seed';
import { inventoryOver, regionWithClient } from './inventory-support';
import { requireTool } from '../power/peers/require-tool';

const statusOf = (r: Awaited<ReturnType<typeof regionWithClient>>['region'], id: string) => r.core.nodes.bySystemId(id)?.status;

test('bulk accept of the New nodes in chunks: every node done, the inventory updated by delta', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 240 });
  const { inv, h, of } = inventoryOver(client);
  const snap = await h['inventory.list']({ connectionId: 'local' });
  expect(snap.nodes).toHaveLength(240);
  const byId = new Map(snap.nodes.map((n) => [n.systemId, n]));
  const pf = preflight('accept', seeded.systemIds, (id) => byId.get(id));
  expect(pf.act).toHaveLength(96); // 4 in 10 are New
  expect(pf.skipped.find((s) => byId.get(s.systemId)!.status === S.READY)?.reason).toBe('already accepted (Ready)');

  const start = await h['inventory.bulk']({ connectionId: 'local', action: 'accept', systemIds: pf.act, skipped: pf.skipped });
  expect(start.outcomes.filter((o) => o.state === 'pending')).toHaveLength(96);
  expect(start.outcomes.filter((o) => o.state === 'skipped')).toHaveLength(144);
  await inv.bulk.idle();

  const last = of('inventory.bulkProgress').at(-1)!;
  expect(last).toMatchObject({ jobId: start.jobId, finished: true, counts: { total: 240, done: 96, failed: 0, skipped: 144, pending: 0 } });
  for (const id of pf.act) expect(statusOf(region, id)).not.toBe(S.NEW);
  // progress came in batches, not one event per node
  expect(of('inventory.bulkProgress').length).toBeLessThan(20);
  const upserted = new Set(of('inventory.changed').flatMap((d) => d.upserts.map((n) => n.systemId)));
  for (const id of pf.act) expect(upserted.has(id)).toBe(true);
});

test('a release the server partly refuses (409) shows which nodes were released and which not', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 6, statusOf: (i) => [S.ALLOCATED, S.DEPLOYED, S.NEW, S.BROKEN, S.COMMISSIONING, S.ALLOCATED][i] });
  const { inv, h, of } = inventoryOver(client);
  await h['inventory.list']({ connectionId: 'local' });
  // sent without the pre-flight, as a stale inventory might
  const start = await h['inventory.bulk']({ connectionId: 'local', action: 'release', systemIds: seeded.systemIds });
  await inv.bulk.idle();
  const outcomes = new Map(of('inventory.bulkProgress').flatMap((p) => p.outcomes).map((o) => [o.systemId, o]));
  const [alloc, deployed, fresh, broken, commissioning, alloc2] = seeded.systemIds;
  for (const id of [alloc, deployed, broken, alloc2]) {
    expect(outcomes.get(id)?.state, id).toBe('done');
    expect(statusOf(region, id)).toBe(S.READY);
  }
  for (const id of [fresh, commissioning]) {
    expect(outcomes.get(id)?.state, id).toBe('failed');
    expect(outcomes.get(id)?.reason).toMatch(/refused in state (New|Commissioning)/);
  }
  expect(of('inventory.bulkProgress').at(-1)).toMatchObject({ jobId: start.jobId, note: expect.stringMatching(/refused 2 of 6 \(HTTP 409\); the others were read back/) });
});

test('accept refuses all-or-nothing: the refused node fails, the others are sent again and accepted', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 5, statusOf: (i) => (i === 2 ? S.ALLOCATED : S.NEW) });
  const { inv, h, of } = inventoryOver(client);
  await h['inventory.list']({ connectionId: 'local' });
  await h['inventory.bulk']({ connectionId: 'local', action: 'accept', systemIds: seeded.systemIds });
  await inv.bulk.idle();
  const counts = of('inventory.bulkProgress').at(-1)!.counts;
  expect(counts).toMatchObject({ done: 4, failed: 1 });
  expect(statusOf(region, seeded.systemIds[2])).toBe(S.ALLOCATED);
  for (const i of [0, 1, 3, 4]) expect(statusOf(region, seeded.systemIds[i])).not.toBe(S.NEW);
});

test('a chunk with an id the server does not know is split until only that id fails', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 16, statusOf: () => S.NEW });
  const { inv, h, of } = inventoryOver(client, { chunkSize: 20 });
  await h['inventory.list']({ connectionId: 'local' });
  const ids = [...seeded.systemIds.slice(0, 8), 'nosuchnode', ...seeded.systemIds.slice(8)];
  await h['inventory.bulk']({ connectionId: 'local', action: 'setZone', systemIds: ids, zone: 'rack-3' });
  await inv.bulk.idle();
  const outcomes = of('inventory.bulkProgress').flatMap((p) => p.outcomes);
  const final = new Map(outcomes.map((o) => [o.systemId, o]));
  expect([...final.values()].filter((o) => o.state === 'failed').map((o) => o.systemId)).toEqual(['nosuchnode']);
  expect(final.get('nosuchnode')?.reason).toMatch(/HTTP 400/);
  for (const id of seeded.systemIds) expect(region.core.nodes.bySystemId(id)!.zone_id).toBe(region.core.zones.byName('rack-3')!.id);
});

test('add and remove a tag in chunks (a missing tag is created), per-node mark broken / fixed and delete', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 12, statusOf: () => S.READY });
  const { inv, h, of } = inventoryOver(client, { chunkSize: 5 });
  await h['inventory.list']({ connectionId: 'local' });
  const tagged = async (name: string) => (await client.tagNodes(name)).map((n) => n.systemId).sort();

  await h['inventory.bulk']({ connectionId: 'local', action: 'addTag', tag: 'rack-a-spares', systemIds: seeded.systemIds });
  await inv.bulk.idle();
  expect(await tagged('rack-a-spares')).toEqual([...seeded.systemIds].sort());
  expect(of('inventory.bulkProgress').at(-1)?.note).toMatch(/Created the tag rack-a-spares/);

  await h['inventory.bulk']({ connectionId: 'local', action: 'removeTag', tag: 'rack-a-spares', systemIds: seeded.systemIds.slice(0, 4) });
  await inv.bulk.idle();
  expect(await tagged('rack-a-spares')).toEqual([...seeded.systemIds.slice(4)].sort());

  await h['inventory.bulk']({ connectionId: 'local', action: 'markBroken', systemIds: seeded.systemIds.slice(0, 3), comment: 'PSU' });
  await inv.bulk.idle();
  for (const id of seeded.systemIds.slice(0, 3)) expect(statusOf(region, id)).toBe(S.BROKEN);
  expect(inv.lists.get('local', seeded.systemIds[0])?.status).toBe(S.BROKEN);

  await h['inventory.bulk']({ connectionId: 'local', action: 'markFixed', systemIds: seeded.systemIds.slice(0, 3) });
  await inv.bulk.idle();
  for (const id of seeded.systemIds.slice(0, 3)) expect(statusOf(region, id)).toBe(S.READY);

  await h['inventory.bulk']({ connectionId: 'local', action: 'delete', systemIds: seeded.systemIds.slice(10) });
  await inv.bulk.idle();
  expect(region.core.nodes.bySystemId(seeded.systemIds[11])).toBeUndefined();
  expect(of('inventory.changed').flatMap((d) => d.removed)).toEqual(expect.arrayContaining(seeded.systemIds.slice(10)));
});

test('accept all: MAAS accepts every New node; the outcome names each one', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 20 });
  const { inv, h, of } = inventoryOver(client);
  const snap = await h['inventory.list']({ connectionId: 'local' });
  const fresh = snap.nodes.filter((n) => n.status === S.NEW).map((n) => n.systemId);
  await h['inventory.bulk']({ connectionId: 'local', action: 'acceptAll', systemIds: fresh });
  await inv.bulk.idle();
  expect(of('inventory.bulkProgress').at(-1)?.counts).toMatchObject({ total: fresh.length, done: fresh.length, failed: 0 });
  for (const id of seeded.systemIds) expect(statusOf(region, id)).not.toBe(S.NEW);
});

test('stop sending: calls in flight finish, the rest are skipped as cancelled', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 12, statusOf: () => S.READY });
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const slow = { ...client, markBroken: async (id: string, why?: string) => { await gate; return client.markBroken(id, why); } };
  const { inv, h, of } = inventoryOver(slow as typeof client);
  await h['inventory.list']({ connectionId: 'local' });
  const start = await h['inventory.bulk']({ connectionId: 'local', action: 'markBroken', systemIds: seeded.systemIds });
  expect(h['inventory.bulkCancel']({ jobId: start.jobId })).toEqual({ cancelled: true });
  release();
  await inv.bulk.idle();
  const counts = of('inventory.bulkProgress').at(-1)!.counts;
  expect(counts).toMatchObject({ total: 12, done: 4, skipped: 8, pending: 0 }); // 4 at a time were in flight
  expect(of('inventory.bulkProgress').flatMap((p) => p.outcomes).filter((o) => o.state === 'skipped').every((o) => o.reason === 'cancelled')).toBe(true);
  expect(h['inventory.bulkCancel']({ jobId: start.jobId })).toEqual({ cancelled: false });
});

test('check power asks each BMC now (virsh, libvirt test driver): the state shown, a BMC that cannot answer says why', async () => {
  requireTool('virsh', 'libvirt-clients');
  const { region, client } = await regionWithClient({ power: true });
  const [running, missing, none] = seedNodes(region.core, { count: 3, idPrefix: 'pw', statusOf: () => S.READY }).systemIds;
  const core = region.core;
  core.tx(() => {
    const set = (id: string, type: string, params: Record<string, string>) => {
      const n = core.nodes.bySystemId(id)!;
      core.nodes.update(n.id, { power_type: type, power_state: 'unknown' });
      core.nodes.setPowerParams(n.id, params);
    };
    set(running, 'virsh', { power_address: 'test:///default', power_id: 'test' }); // the test driver's domain, running
    set(missing, 'virsh', { power_address: 'test:///default', power_id: 'no-such-vm' });
    set(none, '', {});
  });
  const { inv, h, of } = inventoryOver(client);
  const snap = await h['inventory.list']({ connectionId: 'local' });
  const byId = new Map(snap.nodes.map((n) => [n.systemId, n]));
  const pf = preflight('checkPower', [running, missing, none], (id) => byId.get(id));
  expect(pf.skipped).toMatchObject([{ systemId: none, reason: 'no power control (power type not set)' }]);

  await h['inventory.bulk']({ connectionId: 'local', action: 'checkPower', systemIds: pf.act, skipped: pf.skipped });
  await inv.bulk.idle();
  const outcomes = new Map(of('inventory.bulkProgress').flatMap((p) => p.outcomes).map((o) => [o.systemId, o]));
  expect(outcomes.get(running)?.state).toBe('done');
  expect(inv.lists.get('local', running)?.powerState).toBe('on');
  expect(outcomes.get(missing)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/could not be queried.*no-such-vm/is) });
  expect(core.nodes.bySystemId(missing)?.power_state).toBe('error');
});
