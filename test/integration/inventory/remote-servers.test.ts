// The inventory against servers answering as MAAS 1.x (API 1.0) and MAAS 2.x/3.x (API 2.0)
// through the console's MaasClient: the same use-cases, the same per-node outcomes.
import { afterEach, describe, expect, test } from 'vitest';
import { createInventory } from '../../../src-main/console/inventory/index';
import { createMaasClient, discoverApi } from '../../../src-main/maas-client/index';
import type { EventName, Payload } from '../../../src-shared/contract/index';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer } from '../../support/maas-replay-server';
import { tempDir } from './inventory-support';

const KEY = 'ck1:tk1:ts1';
const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

async function setup(api: '1.0' | '2.0') {
  const s = await startReplayServer({
    api, apiKey: KEY,
    machines: [machine(1, 0), machine(2, 0), machine(3, 10), machine(4, 6), machine(5, 0), machine(6, 4)],
  });
  open.push(s);
  const found = await discoverApi(s.root);
  const client = createMaasClient({ root: found.root, apiVersion: found.apiVersion, apiKey: KEY, label: 'lab' });
  open.push(client);
  const events: { name: EventName; payload: unknown }[] = [];
  const inv = createInventory({ dataDir: tempDir('inv-remote-'), clientFor: async () => client, pollEveryMs: () => 0, emit: (name, payload) => { events.push({ name, payload }); } });
  open.push(inv);
  const of = <E extends EventName>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as Payload<E>);
  const outcomes = () => new Map(of('inventory.bulkProgress').flatMap((p) => p.outcomes).map((o) => [o.systemId, o]));
  return { s, h: inv.handlers, inv, of, outcomes };
}

describe.each(['1.0', '2.0'] as const)('API %s', (api) => {
  test('list, bulk accept, a partly refused release, set zone: each node its own outcome', async () => {
    const { s, h, inv, outcomes } = await setup(api);
    const snap = await h['inventory.list']({ connectionId: 'lab' });
    expect(snap.nodes.map((n) => n.hostname)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6']);

    await h['inventory.bulk']({ connectionId: 'lab', action: 'accept', systemIds: ['m00001', 'm00002'] });
    await inv.bulk.idle();
    expect([...outcomes().values()].map((o) => o.state)).toEqual(['done', 'done']);
    expect(s.machines.get('m00001')!.status).not.toBe(0);

    await h['inventory.bulk']({ connectionId: 'lab', action: 'release', systemIds: ['m00003', 'm00004', 'm00005'] });
    await inv.bulk.idle();
    const o = outcomes();
    // The 409 names m00005 only; the others are read back and reported as the server has them now.
    const now = api === '2.0' ? 'Releasing' : 'Ready';
    expect(o.get('m00003')).toMatchObject({ state: 'done', reason: `read back after the server's 409: now ${now}` });
    expect(o.get('m00004')).toMatchObject({ state: 'done', reason: `read back after the server's 409: now ${now}` });
    expect(o.get('m00005')).toMatchObject({ state: 'failed', reason: expect.stringMatching(/refused in state New/) });
    expect(inv.lists.get('lab', 'm00003')?.status).toBe(api === '2.0' ? 12 : 4);

    await h['inventory.bulk']({ connectionId: 'lab', action: 'setZone', systemIds: ['m00006'], zone: 'rack-9' });
    await inv.bulk.idle();
    expect(outcomes().get('m00006')?.state).toBe('done');
    expect(s.machines.get('m00006')!.zone).toBe('rack-9');
  });

  test('mark fixed on a node that is not broken fails with the server\'s reason; the others are done', async () => {
    const { h, inv, outcomes } = await setup(api);
    await h['inventory.list']({ connectionId: 'lab' });
    await h['inventory.bulk']({ connectionId: 'lab', action: 'markBroken', systemIds: ['m00006'] });
    await inv.bulk.idle();
    await h['inventory.bulk']({ connectionId: 'lab', action: 'markFixed', systemIds: ['m00006', 'm00002'] });
    await inv.bulk.idle();
    const o = outcomes();
    expect(o.get('m00006')?.state).toBe('done');
    expect(o.get('m00002')).toMatchObject({ state: 'failed', reason: "HTTP 409: Can't mark a non-broken node as 'Ready'." });
  });
});
