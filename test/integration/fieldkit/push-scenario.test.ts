// The field-kit scenario: a day on the floor captured into This laptop (CSV + typed + an lshw
// folder, 200 nodes) while the datacenter MAAS is not running; then a dry-run against it
// (a node already there whose lshw differs is an update with an lshw row), an apply cut off
// by the target going away (said in plain words: at which node), a restart of the console
// with a resume asked before its region is up (it waits) — and the target holds every node
// exactly once with its lshw, and a second push creates nothing.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { memoryKeychain } from '../../../src-main/connections/index';
import type { MaasClient } from '../../../src-main/maas-client/index';
import type { PushReport } from '../../../src-shared/contract/fieldkit';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';

const LSHW = readFileSync(resolve(import.meta.dirname, '../../fixtures/lshw/kvm-epyc-vm.xml'), 'utf8');
const FIXTURE_MAC = '02:fc:00:00:00:01';
const hex = (n: number) => n.toString(16).padStart(4, '0');
const macOf = (n: number) => `52:54:00:aa:${hex(n).slice(0, 2)}:${hex(n).slice(2)}`;
// The forms technicians copy: upper-case with dashes, Cisco dotted, bare, and MAAS's own.
const typedForms = [(m: string) => m.toUpperCase().replace(/:/g, '-'), (m: string) => m.replace(/:/g, '').replace(/(....)(?!$)/g, '$1.'),
  (m: string) => m.replace(/:/g, ''), (m: string) => m];

const keychain = memoryKeychain();
const dataDir = mkdtempSync(join(tmpdir(), 'maas-fieldkit-scenario-'));
let fk: FieldkitConsole;
let dc: Datacenter;
let dcId: string;
const dcClient = (): Promise<MaasClient> => fk.composed.connections.clientFor(dcId);

beforeAll(async () => {
  dc = await startDatacenter();
  fk = await startFieldkitConsole({ dataDir, keychain });
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  const c = await dcClient();
  // Already in the datacenter: node 5's MAC under another name, and a node holding r12-u7's name.
  await c.createNode({ hostname: 'old-5', architecture: 'amd64/generic', macAddresses: [macOf(5)] });
  await c.createNode({ hostname: 'r12-u7', architecture: 'amd64/generic', macAddresses: ['52:54:00:ff:ff:ff'] });
  await dc.stop();
});

afterAll(async () => {
  await fk?.close();
  await dc?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('CSV import: the preview marks each row valid or wrong and why; only valid rows are captured', async () => {
  const rows = ['hostname,mac,zone,power_type,power_address,power_user,power_pass,notes'];
  for (let n = 1; n <= 150; n++) rows.push(`r12-u${n},${typedForms[n % 4](macOf(n))},rack-12,ipmi,10.0.0.${n},admin,S3cret-${n},row ${n}`);
  rows.push('bad-mac,52:54:zz:00:00:01,rack-12,,,,,');
  rows.push(`dup-mac,${macOf(3)},rack-12,,,,,`);
  const text = rows.join('\n');
  const preview = await fk.call('fieldkit.csvPreview', { text });
  expect(preview).toMatchObject({ valid: 150, wrong: 2, fileProblem: null });
  expect(preview.rows.find((r) => r.line === 152)?.problems).toEqual(['"52:54:zz:00:00:01" is not a MAC address']);
  expect(preview.rows.find((r) => r.line === 153)?.problems).toEqual([`MAC ${macOf(3)} is also on line 4`]);
  expect(JSON.stringify(preview)).not.toContain('S3cret');
  const r = await fk.call('fieldkit.csvImport', { text });
  expect(r.failed).toEqual([]);
  expect(r.captured).toHaveLength(150);
  expect(r.captured[0]).toMatchObject({ hostname: 'r12-u1', macs: [macOf(1)], zone: 'rack-12', powerType: 'ipmi', notes: 'row 1' });
  const again = await fk.call('fieldkit.csvPreview', { text });
  expect(again.rows[0].problems).toContain('hostname r12-u1 is already captured');
});

test('typed capture: MACs in any form, a MAC already captured refused naming its node', async () => {
  for (let n = 151; n <= 200; n++) {
    await fk.call('fieldkit.capture', { hostname: `r12-u${n}`, macs: [typedForms[n % 4](macOf(n))], zone: 'rack-12', powerType: 'ipmi',
      powerParams: { power_address: `10.0.1.${n % 250}`, power_user: 'admin', power_pass: `S3cret-${n}` } });
  }
  const dup = await fk.fail('fieldkit.capture', { hostname: 'r12-u999', macs: [macOf(12).toUpperCase()] });
  expect(dup).toEqual({ code: 'conflict', message: expect.stringContaining(`MAC ${macOf(12)} is already on r12-u12`) });
  expect(await fk.call('fieldkit.macOwner', { mac: macOf(12).replace(/:/g, '') })).toMatchObject({ hostname: 'r12-u12' });
  const bad = await fk.fail('fieldkit.capture', { hostname: 'r12-u998', macs: ['not-a-mac'] });
  expect(bad.message).toContain('"not-a-mac" is not a MAC address');
  expect(await fk.call('fieldkit.captured', {})).toHaveLength(200);
});

test('lshw folder: by the MAC inside, by file name (hostname or MAC); the rest listed with why', async () => {
  const files = [
    ...[5, 191, 192, 193, 194, 195, 196, 197, 198].map((n) => ({ name: `usb/${n}.xml`, text: LSHW.replace(FIXTURE_MAC, macOf(n)) })),
    { name: 'usb/r12-u199.xml', text: LSHW },
    { name: `usb/${macOf(200).replace(/:/g, '-')}.xml`, text: LSHW },
    { name: 'usb/notes.xml', text: 'PSU 2 dead' },
    { name: 'usb/stray.xml', text: LSHW.replace(FIXTURE_MAC, '02:00:00:00:00:99') },
  ];
  const r = await fk.call('fieldkit.lshwImport', { files });
  expect(r.attached.map((a) => [a.hostname, a.by])).toEqual([
    ...[5, 191, 192, 193, 194, 195, 196, 197, 198].map((n) => [`r12-u${n}`, 'mac']), ['r12-u199', 'hostname'], ['r12-u200', 'file-name-mac']]);
  expect(r.unmatched).toEqual([
    { file: 'usb/notes.xml', reason: 'not XML (it does not start with "<")' },
    { file: 'usb/stray.xml', reason: 'no captured node has 02:00:00:00:00:99 or is named stray', canCapture: true },
  ]);
  const captured = await fk.call('fieldkit.captured', {});
  expect(captured.filter((n) => n.hasDetails).map((n) => n.hostname).sort()).toEqual(
    [5, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200].map((n) => `r12-u${n}`).sort());
});

test('a dry-run against the stopped target says it cannot be reached', async () => {
  const e = await fk.fail('fieldkit.pushPlan', { targetId: dcId });
  expect(e.code).toBe('unreachable');
  expect(e.message).toContain('datacenter');
});

let plan: PushReport;
test('dry-run: exactly the expected creates, updates and conflicts; zones to create', async () => {
  await dc.start();
  plan = await fk.call('fieldkit.pushPlan', { targetId: dcId });
  expect(plan.counts).toMatchObject({ create: 198, update: 1, conflict: 1, identical: 0 });
  expect(plan.zonesToCreate).toEqual(['rack-12']);
  const u5 = plan.items.find((i) => i.hostname === 'r12-u5')!;
  // The power type and each captured parameter the target lacks; the password named, never shown.
  expect(u5.fields).toEqual([{ field: 'hostname', from: 'old-5', to: 'r12-u5' }, { field: 'zone', from: 'default', to: 'rack-12' },
    { field: 'power_type', from: '', to: 'ipmi' }, { field: 'power_address', from: '', to: '10.0.0.5', power: true },
    { field: 'power_pass', from: '', to: 'changed', power: true, secret: true }, { field: 'power_user', from: '', to: 'admin', power: true },
    // The target has no lshw for it: the captured one goes with the update.
    { field: 'lshw', from: '', to: expect.stringMatching(/^the one captured \(\d+ kB\)$/) }]);
  expect(JSON.stringify(plan)).not.toContain('S3cret');
  expect(plan.items.find((i) => i.hostname === 'r12-u7')!.reason).toMatch(/hostname r12-u7 is taken on the target by \S+, which has none of these MACs/);
  expect((await (await dcClient()).listNodes())).toHaveLength(2); // a dry-run changes nothing
});

test('apply, target stopped midway, console restarted, resume: every node exactly once', async () => {
  let stopping: Promise<void> | null = null;
  fk.on('fieldkit.pushProgress', (p) => { if (p.done >= 60 && !stopping) stopping = dc.stop(); });
  const cut = await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
  await stopping;
  expect(cut.state).toBe('interrupted');
  expect(cut.stopReason).toMatch(/^datacenter stopped answering at node \d+ of 200; Resume carries on from there$/);
  expect(cut.counts.done).toBeGreaterThanOrEqual(59); // `done` in progress counts the conflict too
  expect(cut.counts.pending).toBeGreaterThan(0);

  await fk.close();
  await dc.start();
  // Resume asked the moment the console is back, its region still starting (slowly, as on a
  // laptop just woken): it waits for the region instead of "the embedded region is not running".
  fk = await startFieldkitConsole({ dataDir, keychain, waitForLaptop: false, laptopStartDelayMs: 1500 });
  expect(fk.composed.connections.view('local').health).not.toBe('online');
  const [listed] = await fk.call('fieldkit.pushes', {});
  expect(listed).toMatchObject({ pushId: plan.pushId, state: 'interrupted' });
  const done = await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
  expect([done.state, done.stopReason]).toEqual(['finished', null]);
  expect(done.counts).toMatchObject({ done: 199, failed: 0, pending: 0, conflict: 1 });

  const c = await dcClient();
  const nodes = await c.listNodes();
  expect(nodes).toHaveLength(2 + 198);
  const macCount = new Map<string, number>();
  for (const n of nodes) for (const m of n.macAddresses) macCount.set(m, (macCount.get(m) ?? 0) + 1);
  for (let n = 1; n <= 200; n++) if (n !== 7) expect(macCount.get(macOf(n)), `MAC of r12-u${n}`).toBe(1);
  const u5 = nodes.find((n) => n.macAddresses.includes(macOf(5)))!;
  expect(u5).toMatchObject({ hostname: 'r12-u5', zone: 'rack-12', powerType: 'ipmi' });
  expect(await c.powerParameters(u5.systemId)).toMatchObject({ power_address: '10.0.0.5', power_pass: 'S3cret-5' });
  expect((await c.details(u5.systemId)).lshw).toContain(macOf(5)); // sent with the update
  expect(done.items.find((i) => i.hostname === 'r12-u5')!.message).toContain('details sent');
  const u1 = nodes.find((n) => n.hostname === 'r12-u1')!;
  expect(u1).toMatchObject({ zone: 'rack-12', powerType: 'ipmi' });
  expect(await c.powerParameters(u1.systemId)).toMatchObject({ power_address: '10.0.0.1', power_user: 'admin', power_pass: 'S3cret-1' });
  const u191 = nodes.find((n) => n.hostname === 'r12-u191')!;
  expect((await c.details(u191.systemId)).lshw).toContain(macOf(191));
  // The settings database holds journals and notes, never a BMC password.
  expect(readFileSync(join(dataDir, 'settings.sqlite')).includes('S3cret-')).toBe(false);
});

test('a second push creates nothing; the report is saved as CSV and JSON', async () => {
  const second = await fk.call('fieldkit.pushPlan', { targetId: dcId });
  expect(second.counts).toMatchObject({ create: 0, update: 0, identical: 199, conflict: 1 });
  const r = await fk.call('fieldkit.pushApply', { pushId: second.pushId });
  expect(r.state).toBe('finished');
  expect(await (await dcClient()).listNodes()).toHaveLength(200);
  const csv = await fk.call('fieldkit.pushReport', { pushId: plan.pushId, format: 'csv' });
  expect(csv.name).toMatch(/^push-datacenter-.*\.csv$/);
  expect(csv.text.split('\r\n')[0]).toBe('hostname,macs,verdict,outcome,target system id,changes,why / what was done');
  expect(csv.text).toContain('r12-u5,52:54:00:aa:00:05,update,done');
  const json = JSON.parse((await fk.call('fieldkit.pushReport', { pushId: plan.pushId, format: 'json' })).text) as PushReport;
  expect(json.items).toHaveLength(200);
});
