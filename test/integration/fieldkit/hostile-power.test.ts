// Hostile power parameters carried in from the floor: CSV rows, a capture, a node edit, and
// values an older version kept on This laptop that a push would carry to the datacenter.
// Each is refused naming the field; the marker program never runs; nothing hostile is stored
// on This laptop or sent to the target.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MaasClient } from '../../../src-main/maas-client/index';
import type { RegionCore } from '../../../src-main/region/region-core';
import { EMBEDDED_ID } from '../../../src-main/connections/index';
import { markerProgram, type MarkerProgram } from '../../support/marker-program';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';
import { hostileLibvirtUris } from '../../unit/power-params/hostile-uris';
import { tempDir } from '../region/helpers';

let fk: FieldkitConsole;
let dc: Datacenter;
let laptop: RegionCore;
let marker: MarkerProgram;
let target: MaasClient;
let dcId: string;
const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;
const mac = (n: number) => `52:54:00:dd:${Math.floor(n / 256).toString(16).padStart(2, '0')}:${(n % 256).toString(16).padStart(2, '0')}`;

beforeAll(async () => {
  dc = await startDatacenter();
  fk = await startFieldkitConsole({ seedLaptop: (core) => { laptop = core; } });
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  target = await fk.composed.connections.clientFor(dcId);
});
afterAll(async () => { await fk?.close(); await dc?.close(); });

test('CSV import: every hostile libvirt URI row is refused naming power_address; the good row is captured', async () => {
  marker = markerProgram(tempDir('marker-'));
  const uris = hostileLibvirtUris(marker.path);
  const rows = uris.map((u, i) => [`evil-${i}`, mac(i + 1), 'virsh', csvCell(u), 'vm'].join(','));
  rows.push(['good-1', mac(200), 'virsh', 'qemu+ssh://user@host/system', 'vm1'].join(','));
  const text = ['hostname,mac,power_type,power_address,power_id', ...rows].join('\n');
  const r = await fk.call('fieldkit.csvImport', { text });
  expect(r.captured.map((n) => n.hostname)).toEqual(['good-1']);
  const refused = [...r.failed.map((f) => f.message), ...r.preview.rows.filter((p) => !p.ok).flatMap((p) => p.problems)];
  expect(refused).toHaveLength(uris.length);
  for (const m of refused) expect(m).toMatch(/power_address/);
  const stored = laptop.db.prepare("SELECT hostname FROM nodes WHERE hostname LIKE 'evil-%'").all();
  expect(stored).toEqual([]);
  expect(marker.ran()).toBe(false);
});

test('capture: a hostile power address is refused, nothing captured', async () => {
  const message = (await fk.fail('fieldkit.capture', { hostname: 'evil-capture', macs: [mac(300)], powerType: 'virsh',
    powerParams: { power_address: `qemu+ssh://h/system?command=${marker.path}`, power_id: 'vm' } })).message;
  expect(message).toMatch(/power_address/);
  expect(laptop.db.prepare("SELECT count(*) FROM nodes WHERE hostname = 'evil-capture'").pluck().get()).toBe(0);
  expect(marker.ran()).toBe(false);
});

test('node edit: a hostile value is refused before it reaches any server, on This laptop or a remote one', async () => {
  const node = (await fk.call('fieldkit.captured', {})).find((n) => n.hostname === 'good-1')!;
  for (const connectionId of [EMBEDDED_ID, dcId]) {
    const e = await fk.fail('inventory.editNode', { connectionId, systemId: node.systemId,
      power: { type: 'virsh', parameters: { power_address: `qemu+ext:///system?command=${marker.path}` } } });
    expect(e.code).toBe('invalid-request');
    expect(e.message).toMatch(/power\.parameters\.power_address: must not carry libvirt URI parameters/);
  }
  expect(marker.ran()).toBe(false);
});

test('push: a hostile value kept on This laptop by an older version is not carried to the target', async () => {
  const node = (await fk.call('fieldkit.captured', {})).find((n) => n.hostname === 'good-1')!;
  const id = laptop.nodes.bySystemId(node.systemId)!.id;
  laptop.nodes.setPowerParams(id, { power_address: `qemu+ssh://-oProxyCommand=${marker.path}/system`, power_id: 'vm1' });
  const plan = await fk.call('fieldkit.pushPlan', { targetId: dcId });
  const done = await fk.call('fieldkit.pushApply', { pushId: plan.pushId });
  const item = done.items.find((i) => i.hostname === 'good-1')!;
  expect(item.state).toBe('failed');
  expect(item.message).toMatch(/^power parameters refused: power_address host must not begin with "-"/);
  expect((await target.listNodes()).some((n) => n.hostname === 'good-1')).toBe(false);
  expect(marker.ran()).toBe(false);
});
