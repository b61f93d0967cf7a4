// A push to a MAAS 3.x server whose machines list VLAN interfaces on their parents' MACs: the
// captured node is matched to its machine (not a conflict), and the create of a new machine
// sends each MAC once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { machine } from '../../support/maas-replay-fixtures';
import { vlanTrio } from '../../support/maas-replay/fleet';
import { startReplayServer, type ReplayServer } from '../../support/maas-replay-server';
import { startFieldkitConsole, type FieldkitConsole } from '../../support/fieldkit-console';

const KEY = 'ck7:tk7:secret7';
const trio = vlanTrio(21, 200);
const macs = trio.filter((i) => i.type === 'physical').map((i) => i.mac);
let fk: FieldkitConsole;
let maas3: ReplayServer;
let targetId: string;

beforeAll(async () => {
  maas3 = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [machine(21, 4, { hostname: 'r4-u21', macs, interfaces: trio, power_type: '' })] });
  fk = await startFieldkitConsole();
  targetId = (await fk.composed.connections.add({ name: 'maas-3', url: maas3.url, apiKey: KEY })).id;
});
afterAll(async () => { await fk?.close(); await maas3?.close(); });

test('a machine with 3 NICs and 3 VLANs on them is the captured node with those 3 MACs', async () => {
  await fk.call('fieldkit.capture', { hostname: 'r4-u21', macs });
  await fk.call('fieldkit.capture', { hostname: 'r4-u22', macs: ['3c:ec:ef:4a:16:10', '3c:ec:ef:4a:16:11'] });
  const plan = await fk.call('fieldkit.pushPlan', { targetId });
  expect(plan.items.map((i) => [i.hostname, i.verdict])).toEqual([['r4-u21', 'identical'], ['r4-u22', 'create']]);
  expect(plan.items[0]).toMatchObject({ targetId: 'm00021', macs });
  await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
  const create = maas3.requests.find((r) => r.method === 'POST' && r.path === '/MAAS/api/2.0/machines/' && !r.query.get('op'))!;
  expect(create.form.filter(([k]) => k === 'mac_addresses').map(([, v]) => v)).toEqual(['3c:ec:ef:4a:16:10', '3c:ec:ef:4a:16:11']);
  expect((await fk.call('fieldkit.pushPlan', { targetId })).counts).toMatchObject({ create: 0, conflict: 0 });
});
