// The console's bulk power action against the embedded region and real BMCs (ipmi_sim):
// start answers at once, then the console follows the node until its power state or an
// event says how it ended — the BMC's own reason for a dead one.
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { createRegionPower } from '../../../src-main/power/region-power';
import { createMaasClient } from '../../../src-main/maas-client/index';
import { powerAndFollow } from '../../../src-main/console/inventory/power-follow';
import { client, enlist, testRegion } from '../region/helpers';
import { startIpmiSim, type IpmiSim } from './peers/ipmi-sim';

let live: IpmiSim;
let dead: IpmiSim;
beforeAll(async () => {
  live = await startIpmiSim({ power: 'off' });
  dead = await startIpmiSim({ power: 'off' });
  dead.freeze();
});
afterAll(async () => { await live?.stop(); await dead?.stop(); });

async function setup() {
  const region = await testRegion({ power: createRegionPower({ waitingPolicyMs: [100, 200, 300], timeoutMs: 1500, queryAttempts: 1, pollIntervalMs: 0 }) });
  const call = client(region);
  const maas = createMaasClient({ root: region.url.replace(/api\/1\.0\/$/, ''), apiVersion: '1.0', apiKey: region.createApiKey(), label: 'This laptop' });
  onTestFinished(() => maas.close());
  const node = async (bmc: IpmiSim) => {
    const [id] = await enlist(call, 1);
    await call(`nodes/${id}/`, { method: 'PUT', form: { power_type: 'ipmi', power_parameters_power_driver: 'LAN_2_0', power_parameters_power_address: bmc.address, power_parameters_power_user: 'admin', power_parameters_power_pass: bmc.password } });
    await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node/>' } } }); // commissioned: Ready
    expect((await call('nodes/', { query: { op: 'acquire' }, form: {} })).json().system_id).toBe(id);
    return id;
  };
  return { maas, node };
}

test('a live BMC: done once the node reports on, with progress meanwhile', { timeout: 60_000 }, async () => {
  const { maas, node } = await setup();
  const id = await node(live);
  const notes: string[] = [];
  const r = await powerAndFollow(maas, id, 'on', () => maas.startNode(id), { follow: { intervalMs: 200, limitMs: 30_000 }, progress: (n) => notes.push(n) });
  expect(r).toMatchObject({ state: 'done', node: { powerState: 'on' } });
  expect(await live.power()).toBe('on');
  expect(notes.length).toBeGreaterThan(0);
  expect(notes[0]).toMatch(/^sent; waiting for the BMC/);
});

test('a dead BMC: the answer comes first, then the failure with the BMC\'s reason', { timeout: 60_000 }, async () => {
  const { maas, node } = await setup();
  const id = await node(dead);
  let answered = false;
  const r = await powerAndFollow(maas, id, 'on', async () => { const n = await maas.startNode(id); answered = true; return n; }, { follow: { intervalMs: 200, limitMs: 45_000 } });
  expect(answered).toBe(true);
  expect(r.state).toBe('failed');
  expect((r as { reason: string }).reason).toMatch(/^Failed to power on node: .*(no answer|within 1\.5 s)/);
  expect((r as { reason: string }).reason).not.toContain(dead.password);
});
