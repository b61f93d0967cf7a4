// A push to a MAAS 2.x server (the replay server speaking API 2.0): machines created with a
// plain POST on machines/, power parameters along, details not taken (real MAAS gathers them
// when it commissions) and said so per node; a second push creates nothing. Power parameters
// compared through `machines op=power_parameters` (per machine where a server lacks it); a
// changed BMC address applied; a concurrent push cut off (one create's answer lost, then the
// server gone) resumes without creating anything twice.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PushReport } from '../../../src-shared/contract/fieldkit';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer, type RecordedRequest, type ReplayServer } from '../../support/maas-replay-server';
import { startFieldkitConsole, type FieldkitConsole } from '../../support/fieldkit-console';

const KEY = 'ck2:tk2:secret2';
const LSHW = readFileSync(resolve(import.meta.dirname, '../../fixtures/lshw/kvm-epyc-vm.xml'), 'utf8');
let fk: FieldkitConsole;
let maas2: ReplayServer;
let targetId: string;

beforeAll(async () => {
  maas2 = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [machine(1, 4, { hostname: 'existing', macs: ['52:54:00:bb:00:01'] }),
    machine(2, 4, { hostname: 'bmc-moved', macs: ['52:54:00:bb:01:00'], power_parameters: { power_address: '10.0.0.50', power_user: 'admin', power_pass: 'old-pw' } })] });
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
  expect(maas2.machines.size).toBe(4);
});

const macOf = (n: number) => `52:54:00:bb:02:${n.toString(16).padStart(2, '0')}`;
const isCreate = (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith('/machines/') && !r.query.get('op');
const since = (n: number) => maas2.requests.slice(n);
const hostOf = (r: RecordedRequest) => r.form.find(([k]) => k === 'hostname')?.[1] ?? '';

let plan: PushReport;
test('dry-run reads the power parameters in bulk: a moved BMC is shown, the new password only named', async () => {
  await fk.call('fieldkit.capture', { hostname: 'bmc-moved', macs: ['52:54:00:bb:01:00'], powerType: 'ipmi',
    powerParams: { power_address: '10.0.0.99', power_user: 'admin', power_pass: 'new-pw' } });
  for (let n = 1; n <= 24; n++) {
    await fk.call('fieldkit.capture', { hostname: `r2-u${n}`, macs: [macOf(n)], powerType: 'ipmi', powerParams: { power_address: `10.2.0.${n}`, power_pass: 'floor-pw' } });
  }
  const before = maas2.requests.length;
  plan = await fk.call('fieldkit.pushPlan', { targetId });
  expect(plan.counts).toMatchObject({ create: 24, update: 1, identical: 3, conflict: 0 });
  expect(plan.items.find((i) => i.hostname === 'bmc-moved')!.fields).toEqual([
    { field: 'power_address', from: '10.0.0.50', to: '10.0.0.99', power: true }, { field: 'power_pass', from: '', to: 'changed', power: true, secret: true }]);
  expect(JSON.stringify(plan)).not.toMatch(/old-pw|new-pw|floor-pw/);
  const reads = since(before).filter((r) => r.query.get('op') === 'power_parameters');
  expect(reads.map((r) => r.path)).toEqual(['/MAAS/api/2.0/machines/']);
  // Only machines matched by MAC and captured with a power type ("existing" was captured without).
  const r1u1 = [...maas2.machines.values()].find((m) => m.hostname === 'r1-u1')!.system_id;
  expect(reads[0].query.getAll('id').sort()).toEqual(['m00002', r1u1].sort());
});

test('apply cut off (one create done but its answer lost, then the server gone) resumes without duplicates', async () => {
  let creates = 0;
  let gone = false;
  let lost = '';
  maas2.faults.push({ match: () => gone, times: 1e9, kind: 'drop' },
    { match: (r) => isCreate(r) && ++creates === 10 && (lost = hostOf(r)) !== '' && (gone = true), times: 1, kind: 'lost-answer' });
  const cut = await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
  expect(cut.state).toBe('interrupted');
  expect(cut.counts.pending).toBeGreaterThan(0);
  const made = maas2.machines.size;
  expect(made).toBeGreaterThanOrEqual(4 + 10);
  const there = new Set([...maas2.machines.values()].map((m) => m.hostname));
  expect(there.has(lost)).toBe(true); // done by the server, though the console never heard
  gone = false;
  const before = maas2.requests.length;
  const done = await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
  expect([done.state, done.counts.done, done.counts.failed, done.counts.pending]).toEqual(['finished', 28, 0, 0]);
  // The resume creates only what was not on the server yet, each once; the lost answer's node is found by MAC.
  const resumed = since(before).filter(isCreate).map(hostOf);
  expect(resumed).toHaveLength(4 + 24 - made);
  expect(new Set(resumed).size).toBe(resumed.length);
  expect(resumed.filter((h) => there.has(h))).toEqual([]);
  for (let n = 1; n <= 24; n++) expect([...maas2.machines.values()].filter((m) => m.macs.includes(macOf(n))), `r2-u${n}`).toHaveLength(1);
  expect(maas2.machines.get('m00002')!.power_parameters).toEqual({ power_address: '10.0.0.99', power_user: 'admin', power_pass: 'new-pw' });
  expect(done.items.find((i) => i.hostname === 'bmc-moved')!.message).toBe('updated power_address, power_pass');
});

test('a second push creates and updates nothing', async () => {
  const again = await fk.call('fieldkit.pushPlan', { targetId });
  expect(again.counts).toMatchObject({ create: 0, update: 0, identical: 28, conflict: 0 });
  const before = maas2.requests.length;
  await fk.call('fieldkit.pushApply', { pushId: again.pushId });
  expect(since(before).filter((r) => r.method !== 'GET')).toEqual([]);
});

test('a server without the bulk read is asked machine by machine, with the same diff', async () => {
  const old = await startReplayServer({ api: '2.0', apiKey: KEY, noBulkPowerParameters: true, machines: [
    machine(2, 4, { hostname: 'bmc-moved', macs: ['52:54:00:bb:01:00'], power_parameters: { power_address: '10.0.0.50', power_user: 'admin', power_pass: 'new-pw' } })] });
  try {
    const id = (await fk.composed.connections.add({ name: 'old-maas', url: old.url, apiKey: KEY })).id;
    const p = await fk.call('fieldkit.pushPlan', { targetId: id, systemIds: [plan.items.find((i) => i.hostname === 'bmc-moved')!.sourceId] });
    expect(p.items[0].fields).toEqual([{ field: 'power_address', from: '10.0.0.50', to: '10.0.0.99', power: true }]);
    expect(old.requests.filter((r) => r.query.get('op') === 'power_parameters').map((r) => r.path))
      .toEqual(['/MAAS/api/2.0/machines/', '/MAAS/api/2.0/machines/m00002/']);
  } finally {
    await old.close();
  }
});
