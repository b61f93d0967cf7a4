// nodes/ and nodes/{id}/: enlistment bodies, accept and release semantics, acquire
// constraints, state machine, power without a driver (503) and with one (injected).
import { describe, expect, test, vi } from 'vitest';
import type { RegionPower } from '../../../src-main/region/power-port';
import { MAAS_18_POWER_TYPES } from '../../../src-main/region/power-port';
import { client, enlist, nextMac, testRegion } from './helpers';

const statusOf = async (call: ReturnType<typeof client>, id: string) => (await call(`nodes/${id}/`)).json().substatus_name;

describe('enlistment', () => {
  test('multipart and urlencoded bodies; repeated mac_addresses are a list; MACs normalised', async () => {
    const call = client(await testRegion());
    const m1 = nextMac(), m2 = nextMac();
    const a = await call('nodes/', { query: { op: 'new' }, multipart: { architecture: 'amd64', mac_addresses: [m1.toUpperCase(), m2] }, key: null });
    expect(a.status).toBe(200);
    expect(a.json().macaddress_set).toEqual([{ mac_address: m1 }, { mac_address: m2 }]);
    expect(a.json().architecture).toBe('amd64/generic');
    const b = await call('nodes/', { form: { op: 'new', architecture: 'i386/generic', hostname: 'rack1-u2', mac_addresses: nextMac().replace(/:/g, '-') }, key: null });
    expect(b.status).toBe(200);
    expect(b.json()).toMatchObject({ hostname: 'rack1-u2', status: 0, substatus_name: 'New', owner: null });
  });

  test('an admin enlistment is accepted at once (Commissioning), as MAAS 1.8', async () => {
    const call = client(await testRegion());
    const [id] = await enlist(call, 1);
    expect(await statusOf(call, id)).toBe('Commissioning');
  });

  test('invalid or duplicate MACs, bad hostnames, missing architecture: 400 and nothing created', async () => {
    const call = client(await testRegion());
    const used = nextMac();
    await call('nodes/', { query: { op: 'new' }, form: { architecture: 'amd64', mac_addresses: used, hostname: 'taken' } });
    const bad: Record<string, string | string[]>[] = [
      { architecture: 'amd64', mac_addresses: 'zz:zz:zz:zz:zz:zz' },
      { architecture: 'amd64', mac_addresses: [nextMac(), 'nope'] },
      { architecture: 'amd64', mac_addresses: used },
      { architecture: 'amd64', mac_addresses: nextMac(), hostname: 'bad_host!' },
      { architecture: 'amd64', mac_addresses: nextMac(), hostname: 'taken' },
      { mac_addresses: nextMac() },
      { architecture: 'amd64' },
      { architecture: 'amd64', mac_addresses: nextMac(), power_type: 'telepathy' },
      { architecture: 'amd64', mac_addresses: nextMac(), power_type: 'ipmi', power_parameters_colour: 'red' },
    ];
    for (const form of bad) {
      const r = await call('nodes/', { query: { op: 'new' }, form });
      expect(r.status, JSON.stringify(form)).toBe(400);
      expect(r.text.length).toBeGreaterThan(10);
    }
    expect((await call('nodes/', { query: { op: 'list' } })).json()).toHaveLength(1);
  });
});

describe('bulk accept and release', () => {
  test('accept: unknown ids → 400, a node in a wrong state → 409, and nothing changes; accepted ones not listed', async () => {
    const region = await testRegion();
    const call = client(region);
    const news = await enlist(call, 3, { anonymous: true });
    expect((await call('nodes/', { query: { op: 'accept' }, form: { nodes: [news[0], 'node-missing'] } })).status).toBe(400);
    expect(await statusOf(call, news[0])).toBe('New');
    // Make news[2] Allocated: accept, attach details (→ Ready), acquire.
    await call('nodes/', { query: { op: 'accept' }, form: { nodes: news[2] } });
    await call(`nodes/${news[2]}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node id="x"/>' } } });
    expect((await call('nodes/', { query: { op: 'acquire' }, form: {} })).json().system_id).toBe(news[2]);
    const r = await call('nodes/', { query: { op: 'accept' }, form: { nodes: [news[0], news[1], news[2]] } });
    expect(r.status).toBe(409);
    expect(r.text).toMatch(/Cannot accept node enlistment: node .* is in state Allocated/);
    expect(await statusOf(call, news[0])).toBe('New'); // one transaction: all or nothing
    const ok = await call('nodes/', { query: { op: 'accept' }, form: { nodes: [news[0], news[1]] } });
    expect(ok.json()).toEqual([news[0], news[1]]);
    expect((await call('nodes/', { query: { op: 'accept' }, form: { nodes: [news[0]] } })).json()).toEqual([]);
    expect((await call('nodes/', { query: { op: 'accept' }, form: {} })).json()).toEqual([]);
  });

  test('accept_all returns the representations of the nodes it accepted', async () => {
    const call = client(await testRegion());
    const ids = await enlist(call, 2, { anonymous: true });
    const r = (await call('nodes/', { query: { op: 'accept_all' }, form: {} })).json();
    expect(r.map((n: { system_id: string }) => n.system_id).sort()).toEqual([...ids].sort());
    expect(r[0].substatus_name).toBe('Commissioning');
  });

  test('release: 409 names the nodes it could not release, and the others ARE released', async () => {
    const call = client(await testRegion());
    const ids = await enlist(call, 3);
    for (const id of ids.slice(0, 2)) await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node/>' } } });
    const a = (await call('nodes/', { query: { op: 'acquire' }, form: {} })).json().system_id;
    const stuck = ids[2]; // still Commissioning
    const ready = ids.find((i) => i !== a && i !== stuck)!;
    const r = await call('nodes/', { query: { op: 'release' }, form: { nodes: [a, stuck, ready] } });
    expect(r.status).toBe(409);
    expect(r.text).toBe(`Node(s) cannot be released in their current state: ${stuck} ('Commissioning').`);
    expect(await statusOf(call, a)).toBe('Ready');
    expect((await call(`nodes/${a}/`)).json().owner).toBeNull();
    expect((await call('nodes/', { query: { op: 'release' }, form: { nodes: ['node-nope'] } })).status).toBe(400);
  });

  test("release by a user who may not edit a node: 403 and nothing released", async () => {
    const region = await testRegion();
    const call = client(region);
    const ids = await enlist(call, 1);
    await call(`nodes/${ids[0]}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node/>' } } });
    await call('nodes/', { query: { op: 'acquire' }, form: {} });
    const bob = client(region, region.createApiKey('bob'));
    const r = await bob('nodes/', { query: { op: 'release' }, form: { nodes: ids } });
    expect(r.status).toBe(403);
    expect(await statusOf(call, ids[0])).toBe('Allocated');
  });
});

describe('acquire', () => {
  test('every constraint, AND semantics; 409 when nothing matches; 400 for unknown tags/zones/networks', async () => {
    const region = await testRegion();
    const call = client(region);
    const [a, b] = await enlist(call, 2);
    const lshw = (cores: number, mem: number) => `<node id="m"><node id="core"><node id="memory" class="memory"><size units="bytes">${mem * 1048576}</size></node>
      <node id="cpu" class="processor"><configuration><setting id="cores" value="${cores}"/></configuration></node></node></node>`;
    const lldp = '<lldp><interface><chassis><id type="mac">00:aa:bb:cc:dd:01</id></chassis></interface></lldp>';
    await call(`nodes/${a}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw(4, 8192) }, lldp: { file: lldp } } });
    await call(`nodes/${b}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw(16, 65536) } } });
    await call(`nodes/${b}/`, { method: 'PUT', form: { hostname: 'big', architecture: 'arm64/generic' } });
    await call('zones/', { form: { name: 'rack9' } });
    await call('tags/', { query: { op: 'new' }, form: { name: 'fast' } });
    await call('tags/fast/', { query: { op: 'update_nodes' }, form: { add: b } });
    const acq = (form: Record<string, string | string[]>) => call('nodes/', { query: { op: 'acquire' }, form });
    expect((await acq({ cpu_count: '32' })).status).toBe(409);
    expect((await acq({ mem: '70000' })).status).toBe(409);
    expect((await acq({ arch: 'amd64', tags: 'fast' })).status).toBe(409);
    expect((await acq({ zone: 'rack9' })).status).toBe(409);
    expect((await acq({ connected_to: '00:aa:bb:cc:dd:02' })).status).toBe(409);
    expect((await acq({ tags: 'nosuch' })).status).toBe(400);
    expect((await acq({ not_in_zone: 'nosuch' })).status).toBe(400);
    expect((await acq({ networks: 'vlan:5000' })).status).toBe(400);
    expect((await acq({ connected_to: 'not-a-mac' })).status).toBe(400);
    const got = await acq({ connected_to: '00:AA:BB:CC:DD:01', not_tags: 'fast', cpu_count: '2', mem: '4096', not_in_zone: 'rack9', agent_name: 'juju' });
    expect(got.status).toBe(200);
    expect(got.json()).toMatchObject({ system_id: a, substatus_name: 'Allocated', owner: 'admin', agent_name: 'juju' });
    const big = await acq({ name: 'big', arch: 'arm64', tags: 'fast', zone: 'default', cpu_count: '16', mem: '65536' });
    expect(big.json().system_id).toBe(b);
    expect((await acq({})).status).toBe(409);
    const mine = (await call('nodes/', { query: { op: 'list_allocated' } })).json().map((n: { system_id: string }) => n.system_id);
    expect(mine.sort()).toEqual([a, b].sort());
    const ds = (await call('nodes/', { query: { op: 'deployment_status', nodes: [a, b] } })).json();
    expect(ds).toEqual({ [a]: 'Not in Deployment', [b]: 'Not in Deployment' });
  });
});

describe('one node', () => {
  test('state machine: commission, mark_broken, mark_fixed, abort_operation; illegal steps are 409', async () => {
    const region = await testRegion();
    const call = client(region);
    const [id] = await enlist(call, 1, { anonymous: true });
    const op = (name: string, form: Record<string, string> = {}) => call(`nodes/${id}/`, { query: { op: name }, form });
    expect((await op('mark_fixed')).status).toBe(409);
    expect((await op('abort_operation')).status).toBe(409);
    expect((await op('commission')).json().substatus_name).toBe('Commissioning');
    expect((await op('mark_broken', { error_description: 'PSU dead' })).json()).toMatchObject({ substatus_name: 'Broken', error_description: 'PSU dead' });
    expect((await op('mark_fixed')).json().substatus_name).toBe('Ready');
    expect((await op('release')).json().substatus_name).toBe('Ready'); // already released: nothing to do
    await call('maas/', { query: { op: 'set_config' }, form: { name: 'enable_disk_erasing_on_release', value: 'true' } });
    await call('nodes/', { query: { op: 'acquire' }, form: {} });
    expect((await op('release')).json().substatus_name).toBe('Disk erasing');
    expect((await op('abort_operation')).json().substatus_name).toBe('Failed disk erasing');
    const events = (await call('events/', { query: { op: 'query', id } })).json().events.map((e: { description: string }) => e.description);
    expect(events).toContain("From 'Disk erasing' to 'Failed disk erasing'");
    expect((await call(`nodes/${id}/`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`nodes/${id}/`)).status).toBe(404);
  });

  test('PUT updates fields and power parameters (merged; a new type drops foreign ones)', async () => {
    const call = client(await testRegion());
    const [id] = await enlist(call, 1);
    const put = (form: Record<string, string>) => call(`nodes/${id}/`, { method: 'PUT', form });
    expect((await put({ hostname: 'n1', swap_size: '2G', power_type: 'ipmi', power_parameters_power_address: '10.0.0.9', power_parameters_power_pass: 'pw' })).json())
      .toMatchObject({ hostname: 'n1', swap_size: 2_000_000_000, power_type: 'ipmi' });
    await put({ power_parameters_power_user: 'root' });
    expect((await call(`nodes/${id}/`, { query: { op: 'power_parameters' } })).json()).toEqual({ power_address: '10.0.0.9', power_pass: 'pw', power_user: 'root' });
    await put({ power_type: 'ether_wake', power_parameters_mac_address: '00:11:22:33:44:55' });
    expect((await call(`nodes/${id}/`, { query: { op: 'power_parameters' } })).json()).toEqual({ mac_address: '00:11:22:33:44:55' });
    expect((await put({ power_parameters_power_driver: 'X', power_type: 'ipmi' })).status).toBe(400);
    expect((await put({ power_parameters_whatever: '1', power_parameters_skip_check: 'true' })).status).toBe(200);
    expect((await put({ swap_size: 'lots' })).status).toBe(400);
    expect((await put({ zone: 'nosuch' })).status).toBe(400);
  });

  test('no power driver: start, stop and query_power_state answer 503 saying why, and change nothing', async () => {
    const call = client(await testRegion());
    const [id] = await enlist(call, 1);
    await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node/>' } } });
    await call('nodes/', { query: { op: 'acquire' }, form: {} });
    const q = await call(`nodes/${id}/`, { query: { op: 'query_power_state' } });
    expect(q.status).toBe(503);
    expect(q.text).toMatch(/no power type set/);
    await call(`nodes/${id}/`, { method: 'PUT', form: { power_type: 'ipmi' } });
    const s = await call(`nodes/${id}/`, { query: { op: 'start' }, form: {} });
    expect(s.status).toBe(503);
    expect(s.text).toMatch(/No power driver for "ipmi"/);
    expect(await statusOf(call, id)).toBe('Allocated');
    expect((await call(`nodes/${id}/`, { query: { op: 'stop' }, form: {} })).status).toBe(503);
  });

  test('with a power service: start deploys (Deploying → Deployed), query records the state', async () => {
    const calls: string[] = [];
    const power: RegionPower = {
      types: MAAS_18_POWER_TYPES,
      unavailable: (t) => (t === 'virsh' ? null : 'no'),
      on: async (t) => (calls.push(`on ${t.params.power_id}`), { state: 'on' }),
      off: async () => (calls.push('off'), { state: 'off' }),
      query: async () => ({ state: 'on' }),
    };
    const call = client(await testRegion({ power }));
    const [id] = await enlist(call, 1);
    await call(`nodes/${id}/`, { method: 'PUT', form: { power_type: 'virsh', power_parameters_power_id: 'vm1', power_parameters_power_address: 'qemu:///system' } });
    await call(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node/>' } } });
    await call('nodes/', { query: { op: 'acquire' }, form: {} });
    expect((await call(`nodes/${id}/`, { query: { op: 'start' }, form: { distro_series: 'bad series!' } })).status).toBe(400);
    const started = await call(`nodes/${id}/`, { query: { op: 'start' }, form: { distro_series: 'xenial' } });
    expect(started.json()).toMatchObject({ status: 6, substatus: 6, substatus_name: 'Deployed', power_state: 'on', osystem: 'ubuntu', distro_series: 'xenial' });
    expect((await call('nodes/', { query: { op: 'deployment_status', nodes: id } })).json()).toEqual({ [id]: 'Deployed' });
    expect((await call(`nodes/${id}/`, { query: { op: 'query_power_state' } })).json()).toEqual({ state: 'on' });
    expect((await call(`nodes/${id}/`, { query: { op: 'stop' }, form: {} })).json().power_state).toBe('off');
    expect(calls).toEqual(['on vm1', 'off']);
    await call(`nodes/${id}/`, { query: { op: 'start' }, form: {} }); // already Deployed: powers on again
    expect((await call('nodes/', { query: { op: 'release' }, form: { nodes: id } })).json()).toEqual([id]);
    await vi.waitFor(() => expect(calls.at(-1)).toBe('off')); // MAAS powered released machines off
    const types = (await call('events/', { query: { op: 'query', id, level: 'DEBUG' } })).json().events.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['Node powered on', 'Node powered off', 'Queried node power state', 'Node changed status']));
  });

  test('MAC addresses of a node', async () => {
    const call = client(await testRegion());
    const [id] = await enlist(call, 1);
    const mac = nextMac();
    expect((await call(`nodes/${id}/macs/`, { form: { mac_address: mac.toUpperCase() } })).json().mac_address).toBe(mac);
    expect((await call(`nodes/${id}/macs/`, { form: { mac_address: 'bad' } })).status).toBe(400);
    expect((await call(`nodes/${id}/macs/`)).json()).toHaveLength(2);
    expect((await call(`nodes/${id}/macs/${mac}/`)).json().mac_address).toBe(mac);
    expect((await call(`nodes/${id}/macs/${mac}/`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`nodes/${id}/macs/${mac}/`)).status).toBe(404);
  });

  test('list filters: id, hostname, mac_address, zone, agent_name; invalid MAC filter is 400', async () => {
    const call = client(await testRegion());
    const ids = await enlist(call, 3);
    const node = (await call(`nodes/${ids[1]}/`)).json();
    const list = async (query: Record<string, string | string[]>) =>
      (await call('nodes/', { query: { op: 'list', ...query } })).json().map((n: { system_id: string }) => n.system_id);
    expect(await list({ id: [ids[0], ids[2]] })).toEqual([ids[0], ids[2]]);
    expect(await list({ hostname: node.hostname })).toEqual([ids[1]]);
    expect(await list({ mac_address: node.macaddress_set[0].mac_address.toUpperCase() })).toEqual([ids[1]]);
    await call('zones/', { form: { name: 'z1' } });
    await call('nodes/', { query: { op: 'set_zone' }, form: { zone: 'z1', nodes: [ids[2]] } });
    expect(await list({ zone: 'z1' })).toEqual([ids[2]]);
    expect(await list({ agent_name: 'nobody' })).toEqual([]);
    expect((await call('nodes/', { query: { op: 'list', mac_address: 'xx' } })).status).toBe(400);
    await call('nodes/', { query: { op: 'set_zone' }, form: { nodes: [ids[2]] } });
    expect((await call(`nodes/${ids[2]}/`)).json().zone).toBeNull();
    expect(Object.keys((await call('nodes/', { query: { op: 'power_parameters' } })).json()).sort()).toEqual([...ids].sort());
  });
});

test('check_commissioning fails nodes commissioning for more than 20 minutes, and only those', async () => {
  const region = await testRegion();
  const call = client(region);
  const [old, recent] = await enlist(call, 2);
  region.core.db.prepare('UPDATE nodes SET status_changed = ? WHERE system_id = ?').run(new Date(Date.now() - 21 * 60_000).toISOString(), old);
  const r = await call('nodes/', { query: { op: 'check_commissioning' }, form: {} });
  expect(r.json().map((n: { system_id: string }) => n.system_id)).toEqual([old]);
  expect(await statusOf(call, old)).toBe('Failed commissioning');
  expect(await statusOf(call, recent)).toBe('Commissioning');
  expect((await client(region, region.createApiKey('bob'))('nodes/', { query: { op: 'check_commissioning' }, form: {} })).status).toBe(403);
});
