// End to end: the embedded region's start / stop / query_power_state driving a real IPMI
// BMC (ipmi_sim) through the power service, and the background poller recording changes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRegionPower } from '../../../src-main/power/region-power';
import { client, enlist, testRegion } from '../region/helpers';
import { startIpmiSim, type IpmiSim } from './peers/ipmi-sim';
import { freeUdpPort } from './peers/free-port';
import { requireTool } from './peers/require-tool';

let bmc: IpmiSim;
beforeAll(async () => {
  requireTool('ipmitool', 'ipmitool');
  bmc = await startIpmiSim({ power: 'off' });
});
afterAll(() => bmc?.stop());

const fast = { waitingPolicyMs: [50, 100, 200, 400], timeoutMs: 5000, queryAttempts: 1 };

async function ipmiNode(call: ReturnType<typeof client>, address: string, password: string) {
  const [id] = await enlist(call, 1);
  const put = await call(`nodes/${id}/`, {
    method: 'PUT',
    form: {
      power_type: 'ipmi', power_parameters_power_driver: 'LAN_2_0', power_parameters_power_address: address,
      power_parameters_power_user: 'admin', power_parameters_power_pass: password,
    },
  });
  expect(put.status).toBe(200);
  return id;
}

const eventTypes = async (call: ReturnType<typeof client>, id: string) =>
  (await call('events/', { query: { op: 'query', id, level: 'DEBUG' } })).json().events.map((e: { type: string; description: string }) => `${e.type}: ${e.description}`);

describe('region with the power service and an IPMI BMC', { timeout: 60_000 }, () => {
  test('start, query_power_state and stop really drive the BMC, recorded on the node and as events', async () => {
    const region = await testRegion({ power: createRegionPower({ ...fast, pollIntervalMs: 0 }) });
    const call = client(region);
    await bmc.setPower('off');
    const id = await ipmiNode(call, bmc.address, bmc.password);
    expect((await call(`nodes/${id}/`, { query: { op: 'query_power_state' } })).json()).toEqual({ state: 'off' });
    await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node/>' } } });
    expect((await call('nodes/', { query: { op: 'acquire' }, form: {} })).status).toBe(200);
    // start and stop answer at once; the outcome follows on the node.
    const started = await call(`nodes/${id}/`, { query: { op: 'start' }, form: {} });
    expect(started.status).toBe(200);
    const node = async () => (await call(`nodes/${id}/`)).json();
    await expect.poll(node, { timeout: 20_000, interval: 100 }).toMatchObject({ power_state: 'on', substatus_name: 'Deployed' });
    expect(await bmc.power()).toBe('on');
    expect((await call(`nodes/${id}/`, { query: { op: 'query_power_state' } })).json()).toEqual({ state: 'on' });
    expect((await call(`nodes/${id}/`, { query: { op: 'stop' }, form: {} })).status).toBe(200);
    await expect.poll(node, { timeout: 20_000, interval: 100 }).toMatchObject({ power_state: 'off' });
    expect(await bmc.power()).toBe('off');
    await bmc.setPower('on');
    const before = (await bmc.changes()).length;
    expect((await call(`nodes/${id}/`, { query: { op: 'stop' }, form: { stop_mode: 'soft' } })).status).toBe(200);
    await expect.poll(async () => (await eventTypes(call, id)).filter((e: string) => e.startsWith('Node powered off')).length, { timeout: 20_000, interval: 100 }).toBe(2);
    expect((await node()).power_state).toBe('off');
    expect(new Set((await bmc.changes()).slice(before))).toEqual(new Set(['soft']));
    await new Promise((r) => setTimeout(r, 500)); // let the simulated OS finish shutting down before the next test // never a hard off
    const events = await eventTypes(call, id);
    expect(events).toEqual(expect.arrayContaining(['Powering node on: ', 'Node powered on: ', 'Powering node off: ', 'Node powered off: ', 'Queried node power state: Power state: on']));
    expect(events.join('\n')).not.toContain(bmc.password);
  });

  test('a BMC that does not answer: query_power_state is 503 with a clear text, the failure is an event', async () => {
    const region = await testRegion({ power: createRegionPower({ ...fast, timeoutMs: 2000, pollIntervalMs: 0 }) });
    const call = client(region);
    const id = await ipmiNode(call, `127.0.0.1:${await freeUdpPort()}`, 'pw-never-shown');
    const q = await call(`nodes/${id}/`, { query: { op: 'query_power_state' } });
    expect(q.status).toBe(503);
    expect(q.text).toMatch(/could not be queried: .*(no answer|did not answer|within)/);
    expect(q.text).not.toContain('pw-never-shown');
    expect((await call(`nodes/${id}/`)).json().power_state).toBe('error');
    expect((await eventTypes(call, id)).some((e: string) => e.startsWith('Failed to query node power state'))).toBe(true);
  });

  test('op=start on a dead BMC is answered before the driver gives up; the failure then reaches the node', async () => {
    const dead = await startIpmiSim({ power: 'off' });
    dead.freeze(); // takes packets, never answers
    const region = await testRegion({ power: createRegionPower({ waitingPolicyMs: [100, 200], timeoutMs: 1500, queryAttempts: 1, pollIntervalMs: 0 }) });
    const call = client(region);
    try {
      const id = await ipmiNode(call, dead.address, 'pw-never-shown');
      await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node/>' } } });
      expect((await call('nodes/', { query: { op: 'acquire' }, form: {} })).status).toBe(200);
      const started = await call(`nodes/${id}/`, { query: { op: 'start' }, form: {} });
      expect(started.status).toBe(200);
      expect(started.json()).toMatchObject({ substatus_name: 'Deploying' });
      // The answer came first: the request is recorded, its failure not yet.
      const atAnswer = await eventTypes(call, id);
      expect(atAnswer).toContain('Powering node on: ');
      expect(atAnswer.some((e: string) => e.startsWith('Failed to power on node'))).toBe(false);
      await expect.poll(async () => (await eventTypes(call, id)).find((e: string) => e.startsWith('Failed to power on node')), { timeout: 30_000, interval: 200 })
        .toMatch(/Failed to power on node: no answer from the ipmi BMC within 1.5 s|no answer from the BMC/);
      const n = (await call(`nodes/${id}/`)).json();
      expect(n).toMatchObject({ power_state: 'error', substatus_name: 'Failed deployment' });
      expect(JSON.stringify(await eventTypes(call, id))).not.toContain('pw-never-shown');
    } finally {
      await dead.stop();
    }
  });

  test('a wrong password: 503 naming the refusal, no password in the answer', async () => {
    const region = await testRegion({ power: createRegionPower({ ...fast, pollIntervalMs: 0 }) });
    const call = client(region);
    const id = await ipmiNode(call, bmc.address, 'wrong-password-123');
    const q = await call(`nodes/${id}/`, { query: { op: 'query_power_state' } });
    expect(q.status).toBe(503);
    expect(q.text).toMatch(/refused the user name or password/);
    expect(q.text).not.toContain('wrong-password-123');
  });

  test('a wrong password that is an ordinary word ("BMC") leaves the answer and the event readable', async () => {
    const region = await testRegion({ power: createRegionPower({ ...fast, pollIntervalMs: 0 }) });
    const call = client(region);
    const id = await ipmiNode(call, bmc.address, 'BMC');
    const q = await call(`nodes/${id}/`, { query: { op: 'query_power_state' } });
    expect(q.status).toBe(503);
    expect(q.text).toContain('the BMC refused the user name or password (ipmitool)');
    expect(q.text).not.toContain('***');
    const failed = (await eventTypes(call, id)).find((e: string) => e.startsWith('Failed to query node power state'));
    expect(failed).toContain('the BMC refused the user name or password (ipmitool)');
  });

  test('a type that cannot read the power state answers query_power_state with 503 saying so; describe_power_types lists every type', async () => {
    const region = await testRegion({ power: createRegionPower({ ...fast, pollIntervalMs: 0 }) });
    const call = client(region);
    const [id] = await enlist(call, 1);
    await call(`nodes/${id}/`, { method: 'PUT', form: { power_type: 'sm15k', power_parameters_power_address: 'sm.lab' } });
    const q = await call(`nodes/${id}/`, { query: { op: 'query_power_state' } });
    expect(q.status).toBe(503);
    expect(q.text).toMatch(/power type sm15k cannot report the power state/);
    const types = (await call('nodegroups/', { query: { op: 'describe_power_types' } })).json();
    expect(types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['ipmi', 'redfish', 'manual', 'vmware', 'apc']));
  });

  test('the poller records a state change made behind the region\'s back', async () => {
    const region = await testRegion({ power: createRegionPower({ ...fast, pollIntervalMs: 100 }) });
    const call = client(region);
    await bmc.setPower('off');
    const id = await ipmiNode(call, bmc.address, bmc.password);
    await expect.poll(async () => (await call(`nodes/${id}/`)).json().power_state, { timeout: 10_000, interval: 100 }).toBe('off');
    await bmc.setPower('on'); // someone pressed the button
    await expect.poll(async () => (await call(`nodes/${id}/`)).json().power_state, { timeout: 10_000, interval: 100 }).toBe('on');
    expect(await eventTypes(call, id)).toEqual(expect.arrayContaining(['Queried node power state: Power state: on']));
  });
});
