// A push to a MAAS 2.x server (the replay server speaking API 2.0): machines created with a
// plain POST on machines/, power parameters along, details not taken (real MAAS gathers them
// when it commissions) and said so per node; a second push creates nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../../support/maas-replay-server';
import { startFieldkitConsole, type FieldkitConsole } from '../../support/fieldkit-console';

const KEY = 'ck2:tk2:secret2';
const LSHW = readFileSync(resolve(import.meta.dirname, '../../fixtures/lshw/kvm-epyc-vm.xml'), 'utf8');
let fk: FieldkitConsole;
let maas2: ReplayServer;
let targetId: string;

beforeAll(async () => {
  maas2 = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [machine(1, 4, { hostname: 'existing', macs: ['52:54:00:bb:00:01'] })] });
  fk = await startFieldkitConsole();
  targetId = (await fk.composed.connections.add({ name: 'maas-2', url: maas2.url, apiKey: KEY })).id;
});
afterAll(async () => { await fk?.close(); await maas2?.close(); });

test('dry-run and apply against API 2.0; details are reported as not taken; a second push creates nothing', async () => {
  await fk.call('fieldkit.capture', { hostname: 'existing', macs: ['52:54:00:bb:00:01'] });
  await fk.call('fieldkit.capture', { hostname: 'r1-u1', macs: ['52:54:00:bb:00:02'], zone: 'rack-12', powerType: 'ipmi',
    powerParams: { power_address: '10.1.0.1', power_pass: 'bmc-pw' } });
  await fk.call('fieldkit.capture', { hostname: 'r1-u2', macs: ['52:54:00:bb:00:03'] });
  await fk.call('fieldkit.lshwImport', { files: [{ name: 'r1-u2.xml', text: LSHW }] });
  const plan = await fk.call('fieldkit.pushPlan', { targetId });
  // "existing" was captured without a power type: the target's ipmi is left alone, so identical.
  expect(plan.counts).toMatchObject({ create: 2, identical: 1, update: 0, conflict: 0 });
  expect(plan.items[0]).toMatchObject({ verdict: 'identical', targetId: 'm00001', fields: [] });
  expect(plan.zonesToCreate).toEqual([]); // rack-12 exists on this server
  const done = await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
  expect(done.state).toBe('finished');
  expect(done.items.map((i) => [i.hostname, i.state])).toEqual([['existing', 'done'], ['r1-u1', 'done'], ['r1-u2', 'done']]);
  expect(done.items[2].message).toContain('details not taken by the target');
  const created = [...maas2.machines.values()].find((m) => m.hostname === 'r1-u1')!;
  expect(created).toMatchObject({ macs: ['52:54:00:bb:00:02'], zone: 'rack-12', power_type: 'ipmi' });
  const createCall = maas2.requests.find((r) => r.method === 'POST' && r.path.endsWith('/machines/') && r.form.some(([k, v]) => k === 'hostname' && v === 'r1-u1'))!;
  expect(createCall.query.get('op')).toBeNull();
  expect(createCall.form).toContainEqual(['power_parameters_power_pass', 'bmc-pw']);
  const again = await fk.call('fieldkit.pushPlan', { targetId });
  expect(again.counts).toMatchObject({ create: 0, conflict: 0 });
  await fk.call('fieldkit.pushApply', { pushId: again.pushId });
  expect(maas2.machines.size).toBe(3);
});
