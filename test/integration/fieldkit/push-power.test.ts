// Power parameter values in a push to an embedded region: a changed BMC address is shown in
// the dry-run and applied; a changed BMC password is named ("changed") but its value is in
// no plan, progress event, report or settings database; a second push changes nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MaasClient } from '../../../src-main/maas-client/index';
import type { PushProgress } from '../../../src-shared/contract/fieldkit';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';

const PW = /old-bmc-pw|new-bmc-pw/;
let fk: FieldkitConsole;
let dc: Datacenter;
let dcId: string;
let target: MaasClient;
const mac = (n: number) => `52:54:00:cc:00:0${n}`;
const ipmi = (address: string, pass: string) => ({ power_address: address, power_user: 'admin', power_pass: pass });

beforeAll(async () => {
  dc = await startDatacenter();
  fk = await startFieldkitConsole();
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  target = await fk.composed.connections.clientFor(dcId);
  for (const n of [1, 2, 3]) {
    await target.createNode({ hostname: `r1-u${n}`, architecture: 'amd64/generic', macAddresses: [mac(n)], powerType: 'ipmi',
      powerParameters: ipmi(`10.0.0.${n}`, 'old-bmc-pw') });
  }
  await fk.call('fieldkit.capture', { hostname: 'r1-u1', macs: [mac(1)], powerType: 'ipmi', powerParams: ipmi('10.9.9.1', 'old-bmc-pw') });
  await fk.call('fieldkit.capture', { hostname: 'r1-u2', macs: [mac(2)], powerType: 'ipmi', powerParams: ipmi('10.0.0.2', 'new-bmc-pw') });
  await fk.call('fieldkit.capture', { hostname: 'r1-u3', macs: [mac(3)], powerType: 'ipmi', powerParams: ipmi('10.0.0.3', 'old-bmc-pw') });
  await fk.call('fieldkit.capture', { hostname: 'r1-u4', macs: [mac(4)], powerType: 'ipmi', powerParams: ipmi('10.0.0.4', 'new-bmc-pw') });
});
afterAll(async () => { await fk?.close(); await dc?.close(); });

test('dry-run: a changed BMC address with its values, a changed password named only', async () => {
  const plan = await fk.call('fieldkit.pushPlan', { targetId: dcId });
  expect(plan.counts).toMatchObject({ create: 1, update: 2, identical: 1, conflict: 0 });
  expect(plan.items.map((i) => [i.hostname, i.verdict, i.fields])).toEqual([
    ['r1-u1', 'update', [{ field: 'power_address', from: '10.0.0.1', to: '10.9.9.1', power: true }]],
    ['r1-u2', 'update', [{ field: 'power_pass', from: '', to: 'changed', power: true, secret: true }]],
    ['r1-u3', 'identical', []],
    ['r1-u4', 'create', []],
  ]);
  expect(JSON.stringify(plan)).not.toMatch(PW);
});

test('apply updates the parameters on the target and says so; nothing secret in events, reports or the settings db', async () => {
  const plan = await fk.call('fieldkit.pushPlan', { targetId: dcId });
  const events: PushProgress[] = [];
  fk.on('fieldkit.pushProgress', (p) => { if (p.pushId === plan.pushId) events.push(p); });
  const done = await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
  expect(done.state).toBe('finished');
  expect(done.items.map((i) => [i.hostname, i.state, i.message])).toEqual([
    ['r1-u1', 'done', 'updated power_address'], ['r1-u2', 'done', 'updated power_pass'],
    ['r1-u3', 'done', 'already there, identical'], ['r1-u4', 'done', 'created'],
  ]);
  // Progress in order of completion: one event per node, `done` counting up by one.
  expect(events.filter((e) => e.item).map((e) => e.done)).toEqual([1, 2, 3, 4]);
  const nodes = await target.listNodes();
  const params = async (h: string) => target.powerParameters(nodes.find((n) => n.hostname === h)!.systemId);
  expect(await params('r1-u1')).toMatchObject(ipmi('10.9.9.1', 'old-bmc-pw'));
  expect(await params('r1-u2')).toMatchObject(ipmi('10.0.0.2', 'new-bmc-pw'));
  expect(await params('r1-u4')).toMatchObject(ipmi('10.0.0.4', 'new-bmc-pw'));
  const csv = await fk.call('fieldkit.pushReport', { pushId: plan.pushId, format: 'csv' });
  expect(csv.text).toContain('power_pass: changed');
  expect(csv.text).toContain('power_address: 10.0.0.1 → 10.9.9.1');
  const json = await fk.call('fieldkit.pushReport', { pushId: plan.pushId, format: 'json' });
  for (const text of [csv.text, json.text, JSON.stringify(events), JSON.stringify(done)]) expect(text).not.toMatch(PW);
  for (const f of ['settings.sqlite', 'settings.sqlite-wal'].map((n) => join(fk.dataDir, n)).filter(existsSync)) {
    expect(readFileSync(f).toString('latin1')).not.toMatch(PW);
  }
});

test('a second push creates and updates nothing', async () => {
  const again = await fk.call('fieldkit.pushPlan', { targetId: dcId });
  expect(again.counts).toMatchObject({ create: 0, update: 0, identical: 4, conflict: 0 });
  const r = await fk.call('fieldkit.pushApply', { pushId: again.pushId });
  expect(r.items.every((i) => i.state === 'done' && i.message === 'already there, identical')).toBe(true);
  expect(await target.listNodes()).toHaveLength(4);
});

test('a key that may not read power parameters gets a dry-run refusal that says an admin key is needed', async () => {
  const id = (await fk.composed.connections.add({ name: 'datacenter (tech)', url: dc.url, apiKey: dc.region().createApiKey('tech') })).id;
  const e = await fk.fail('fieldkit.pushPlan', { targetId: id });
  expect(e.code).toBe('key-rejected');
  expect(e.message).toMatch(/datacenter \(tech\).*refused to show power parameters.*admin's API key/);
});
