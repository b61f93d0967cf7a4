// Power parameters that would make the region run a program: every hostile libvirt URI form
// through enlist, admin update and probe_and_enlist_hardware is a 400 naming the field,
// nothing is stored, and the marker program never runs — not even when an older version
// stored such a value straight into the database and the poller or a start reaches it.
import { expect, test } from 'vitest';
import { createRegionPower } from '../../../src-main/power/region-power';
import type { RunningRegion } from '../../../src-main/region/start-region';
import { hostileLibvirtUris } from '../../unit/power-params/hostile-uris';
import { markerProgram } from '../../support/marker-program';
import { requireTool } from '../power/peers/require-tool';
import { client, nextMac, tempDir, testRegion } from './helpers';

const fast = { waitingPolicyMs: [50, 100], timeoutMs: 5000, queryAttempts: 1 };
const nodeCount = (r: RunningRegion) => (r.core.db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n;

async function setup(pollIntervalMs = 0) {
  requireTool('virsh', 'libvirt-clients');
  const marker = markerProgram(tempDir('marker-'));
  const region = await testRegion({ power: createRegionPower({ ...fast, pollIntervalMs }) });
  return { marker, region, admin: client(region), anonymous: client(region, null) };
}

test('control: Debian\'s virsh does run the program named by an ext URI, so the marker proves something', async () => {
  requireTool('virsh', 'libvirt-clients');
  const { execFile } = await import('node:child_process');
  const marker = markerProgram(tempDir('marker-'), 'control');
  await new Promise((resolve) => execFile('virsh', ['-q', '-c', `qemu+ext:///system?command=${marker.path}`, 'list'], { timeout: 20_000 }, resolve));
  expect(marker.ran()).toBe(true);
});

test('enlist (anonymous, form-encoded as a browser or script would) refuses every hostile URI: 400 JSON naming the field, nothing stored', async () => {
  const { marker, region, anonymous } = await setup();
  for (const uri of hostileLibvirtUris(marker.path)) {
    for (const extra of [{}, { power_parameters_skip_check: 'true' }]) {
      const r = await anonymous('nodes/', { query: { op: 'new' }, form: {
        architecture: 'amd64/generic', mac_addresses: nextMac(), power_type: 'virsh',
        power_parameters_power_address: uri, power_parameters_power_id: 'vm', ...extra,
      } });
      expect(r.status, uri).toBe(400);
      expect(r.type).toMatch(/^application\/json/);
      expect(Object.keys(r.json()), uri).toEqual(['power_parameters_power_address']);
    }
    // MAAS's legacy single JSON field takes the same path.
    const legacy = await anonymous('nodes/', { query: { op: 'new' }, form: {
      architecture: 'amd64/generic', mac_addresses: nextMac(), power_type: 'virsh', power_parameters: JSON.stringify({ power_address: uri }),
    } });
    expect(legacy.status, uri).toBe(400);
  }
  expect(nodeCount(region)).toBe(0);
  expect(marker.ran()).toBe(false);
});

test('admin PUT nodes/{id}/ refuses every hostile URI and keeps the stored parameters; the node still powers', async () => {
  const { marker, region, admin } = await setup();
  const created = await admin('nodes/', { query: { op: 'new' }, form: {
    architecture: 'amd64/generic', mac_addresses: nextMac(), power_type: 'virsh',
    power_parameters_power_address: 'test:///default', power_parameters_power_id: 'test',
  } });
  expect(created.status, created.text).toBe(200);
  const id = created.json().system_id as string;
  for (const uri of hostileLibvirtUris(marker.path)) {
    const r = await admin(`nodes/${id}/`, { method: 'PUT', form: { power_parameters_power_address: uri } });
    expect(r.status, uri).toBe(400);
    expect(r.json().power_parameters_power_address[0]).toMatch(/must /);
  }
  expect((await admin(`nodes/${id}/`, { query: { op: 'power_parameters' } })).json()).toEqual({ power_address: 'test:///default', power_id: 'test' });
  const q = await admin(`nodes/${id}/`, { query: { op: 'query_power_state' } });
  expect(q.status, q.text).toBe(200);
  expect(q.json().state).toBe('on');
  expect(marker.ran()).toBe(false);
  expect(nodeCount(region)).toBe(1);
});

test('probe_and_enlist_hardware refuses every hostile URI before virsh runs', async () => {
  const { marker, region, admin } = await setup();
  for (const uri of hostileLibvirtUris(marker.path)) {
    const r = await admin(`nodegroups/${region.core.nodegroupUuid}/`, { query: { op: 'probe_and_enlist_hardware' }, form: { model: 'virsh', power_address: uri } });
    expect(r.status, uri).toBe(400);
    expect(Object.keys(r.json())).toEqual(['power_address']);
  }
  expect(nodeCount(region)).toBe(0);
  expect(marker.ran()).toBe(false);
});

test('a hostile URI stored straight into SQLite by an older version never runs: query, stop and the poller report "parameters refused"', async () => {
  const { marker, region, admin } = await setup(100);
  const created = await admin('nodes/', { query: { op: 'new' }, form: { architecture: 'amd64/generic', mac_addresses: nextMac(), power_type: 'virsh',
    power_parameters_power_address: 'test:///default', power_parameters_power_id: 'test' } });
  const id = created.json().system_id as string;
  const row = region.core.nodes.bySystemId(id)!;
  region.core.nodes.setPowerParams(row.id, { power_address: `qemu+ext:///system?command=${marker.path}`, power_id: 'vm' });

  // The poller (every 100 ms here) reaches the node and records the refusal, not a run.
  const refusals = () => (region.core.db.prepare("SELECT count(*) AS n FROM events WHERE description LIKE 'parameters refused:%'").get() as { n: number }).n;
  await expect.poll(() => region.core.nodes.bySystemId(id)!.power_state, { timeout: 5000 }).toBe('error');
  expect(refusals()).toBe(1);
  const q = await admin(`nodes/${id}/`, { query: { op: 'query_power_state' } });
  expect(q.status).toBe(503);
  expect(q.text).toMatch(/parameters refused: power_address must not carry libvirt URI parameters/);
  const stop = await admin(`nodes/${id}/`, { query: { op: 'stop' }, method: 'POST' });
  expect(stop.status, stop.text).toBe(503);
  expect(stop.text).toMatch(/parameters refused/);
  expect(marker.ran()).toBe(false);

  // Until edited: a valid address makes it work again.
  const fixed = await admin(`nodes/${id}/`, { method: 'PUT', form: { power_parameters_power_address: 'test:///default', power_parameters_power_id: 'test' } });
  expect(fixed.status, fixed.text).toBe(200);
  expect((await admin(`nodes/${id}/`, { query: { op: 'query_power_state' } })).json().state).toBe('on');
  expect(marker.ran()).toBe(false);
});

test('an update that leaves an old hostile value in place is refused until that value is corrected', async () => {
  const { marker, region, admin } = await setup();
  const created = await admin('nodes/', { query: { op: 'new' }, form: { architecture: 'amd64/generic', mac_addresses: nextMac(), power_type: 'virsh' } });
  const id = created.json().system_id as string;
  region.core.nodes.setPowerParams(region.core.nodes.bySystemId(id)!.id, { power_address: `qemu+ssh://h/system?proxy=${marker.path}`, power_id: 'vm' });
  const r = await admin(`nodes/${id}/`, { method: 'PUT', form: { power_parameters_power_id: 'vm2' } });
  expect(r.status).toBe(400);
  expect(Object.keys(r.json())).toEqual(['power_parameters_power_address']);
  expect(marker.ran()).toBe(false);
});

test('a real qemu+ssh://user@host/system address is still accepted and stored', async () => {
  const { admin } = await setup();
  const r = await admin('nodes/', { query: { op: 'new' }, form: {
    architecture: 'amd64/generic', mac_addresses: nextMac(), power_type: 'virsh',
    power_parameters_power_address: 'qemu+ssh://user@host/system', power_parameters_power_id: 'vm1',
  } });
  expect(r.status, r.text).toBe(200);
  expect((await admin(`nodes/${r.json().system_id}/`, { query: { op: 'power_parameters' } })).json())
    .toEqual({ power_address: 'qemu+ssh://user@host/system', power_id: 'vm1' });
});
