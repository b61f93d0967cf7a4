import { expect, test } from 'vitest';
import { client, enlist, nextMac, testRegion } from './helpers';

test('networks: define, read, list, update, validation, and delete refused while MACs are connected', async () => {
  const region = await testRegion();
  const admin = client(region);
  const user = client(region, region.createApiKey('alice'));
  const created = await admin('networks/', { multipart: { name: 'lab-net', ip: '10.1.2.77', netmask: '255.255.255.0', vlan_tag: '12', description: 'Lab' } });
  expect(created.status).toBe(200);
  expect(created.json()).toEqual({
    name: 'lab-net', ip: '10.1.2.0', netmask: '255.255.255.0', vlan_tag: 12, description: 'Lab', default_gateway: '', dns_servers: '',
    resource_uri: '/MAAS/api/1.0/networks/lab-net/',
  });
  expect((await user('networks/')).json().map((n: { name: string }) => n.name)).toEqual(['lab-net']);
  expect((await user('networks/', { multipart: { name: 'x', ip: '10.9.0.0', netmask: '255.255.0.0' } })).status).toBe(403);

  const bad: [Record<string, string>, RegExp][] = [
    [{ name: 'bad name', ip: '10.3.0.0', netmask: '255.255.0.0' }, /^name: .*letters, digits, dashes and underscores/],
    [{ name: 'n2', ip: '10.3.0.300', netmask: '255.255.0.0' }, /^ip: .*not a valid IP address/],
    [{ name: 'n2', ip: '10.3.0.0', netmask: '255.0.255.0' }, /^netmask: .*not a valid IPv4 netmask/],
    [{ name: 'n2', ip: '10.3.0.0', netmask: '255.255.0.0', vlan_tag: '4095' }, /^vlan_tag: .*1 to 4094/],
    [{ name: 'n2', ip: '10.3.0.0', netmask: '255.255.0.0', vlan_tag: '-1' }, /^vlan_tag:/],
    [{ name: 'n2', ip: '10.3.0.0', netmask: '255.255.0.0', vlan_tag: '12' }, /^vlan_tag: VLAN tag 12 is already used by network lab-net/],
    [{ name: 'n2', ip: '10.1.0.0', netmask: '255.255.0.0' }, /overlaps network lab-net/],
    [{ name: 'lab-net', ip: '10.4.0.0', netmask: '255.255.0.0' }, /^name: Network with this Name already exists/],
    [{ name: 'n2', ip: '10.3.0.0' }, /^netmask: This field is required/],
    [{ name: 'n2', ip: '10.3.0.0', netmask: '255.255.0.0', default_gateway: '10.4.0.1' }, /^default_gateway: .*not inside the network/],
  ];
  for (const [form, message] of bad) {
    const r = await admin('networks/', { multipart: form });
    expect(r.status, JSON.stringify(form)).toBe(400);
    expect(r.problem).toMatch(message);
  }
  expect((await admin('networks/')).json()).toHaveLength(1);
  const v6 = await admin('networks/', { multipart: { name: 'v6', ip: '2001:db8::5', netmask: 'ffff:ffff:ffff:ffff::', vlan_tag: '0x20' } });
  expect(v6.json()).toMatchObject({ ip: '2001:db8::', vlan_tag: 32 });

  const renamed = await admin('networks/lab-net/', { method: 'PUT', multipart: { name: 'lab', description: 'Renamed' } });
  expect(renamed.json()).toMatchObject({ name: 'lab', ip: '10.1.2.0', vlan_tag: 12, description: 'Renamed' });
  expect((await admin('networks/lab-net/')).status).toBe(404);
  expect((await admin('networks/lab/', { method: 'PUT', multipart: { netmask: '255.255' } })).status).toBe(400);
  expect((await admin('networks/lab/')).json().netmask).toBe('255.255.255.0');

  const [sid] = await enlist(admin, 1);
  const mac = (await admin(`nodes/${sid}/`)).json().macaddress_set[0].mac_address;
  expect((await admin('networks/lab/', { query: { op: 'connect_macs' }, multipart: { macs: [mac, nextMac()] } })).status).toBe(400);
  expect((await admin('networks/lab/', { query: { op: 'list_connected_macs' } })).json()).toEqual([]);
  expect((await admin('networks/lab/', { query: { op: 'connect_macs' }, multipart: { macs: mac.toUpperCase() } })).status).toBe(200);
  expect((await admin('networks/lab/', { query: { op: 'connect_macs' }, multipart: { macs: mac } })).status).toBe(200);
  expect((await user('networks/lab/', { query: { op: 'list_connected_macs' } })).json()).toEqual([
    { mac_address: mac, resource_uri: `/MAAS/api/1.0/nodes/${sid}/macs/${mac}/` },
  ]);
  expect((await admin('networks/', { query: { node: sid } })).json().map((n: { name: string }) => n.name)).toEqual(['lab']);
  expect((await admin('networks/', { query: { node: 'node-nope' } })).status).toBe(400);
  const del = await admin('networks/lab/', { method: 'DELETE' });
  expect(del.status).toBe(409);
  expect(del.problem).toMatch(/still has 1 node MAC/);
  expect((await admin('networks/lab/', { query: { op: 'disconnect_macs' }, multipart: { macs: mac } })).status).toBe(200);
  expect((await admin('networks/lab/', { query: { op: 'list_connected_macs' } })).json()).toEqual([]);
  expect((await user('networks/lab/', { method: 'DELETE' })).status).toBe(403);
  expect((await admin('networks/lab/', { method: 'DELETE' })).status).toBe(204);
  expect((await admin('networks/')).json().map((n: { name: string }) => n.name)).toEqual(['v6']);
});

test('networks: a non-admin sees only the connected MACs of nodes visible to them', async () => {
  const region = await testRegion();
  const admin = client(region);
  const bob = client(region, region.createApiKey('bob'));
  await admin('networks/', { multipart: { name: 'n', ip: '10.0.0.0', netmask: '255.0.0.0' } });
  const [a, b] = await enlist(admin, 2);
  const macs = await Promise.all([a, b].map(async (s) => (await admin(`nodes/${s}/`)).json().macaddress_set[0].mac_address as string));
  await admin('networks/n/', { query: { op: 'connect_macs' }, multipart: { macs } });
  // Allocate node a to the admin: bob may no longer see it.
  region.core.nodes.update(region.core.nodes.bySystemId(a)!.id, { owner_id: region.core.users.byName('admin')!.id });
  expect((await bob('networks/n/', { query: { op: 'list_connected_macs' } })).json().map((m: { mac_address: string }) => m.mac_address)).toEqual([macs[1]]);
  expect((await admin('networks/n/', { query: { op: 'list_connected_macs' } })).json()).toHaveLength(2);
});

test('nodes op=acquire honours networks and not_networks (name, ip:, vlan:) through connected MACs', async () => {
  const region = await testRegion();
  const admin = client(region);
  await admin('networks/', { multipart: { name: 'storage', ip: '10.10.0.0', netmask: '255.255.0.0', vlan_tag: '30' } });
  await admin('networks/', { multipart: { name: 'mgmt', ip: '10.20.0.0', netmask: '255.255.0.0' } });
  const ids = await enlist(admin, 2);
  const lshw = '<?xml version="1.0"?><list><node id="x" class="system"/></list>';
  for (const id of ids) await admin(`nodes/${id}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw } } }); // → Ready
  const mac = async (id: string) => (await admin(`nodes/${id}/`)).json().macaddress_set[0].mac_address as string;
  await admin('networks/storage/', { query: { op: 'connect_macs' }, multipart: { macs: await mac(ids[1]) } });
  const acquire = (form: Record<string, string>) => admin('nodes/', { query: { op: 'acquire' }, multipart: form });
  expect((await acquire({ networks: 'nope' })).problem).toMatch(/^networks: unknown network "nope"/);
  expect((await acquire({ networks: 'vlan:5000' })).status).toBe(400);
  expect((await acquire({ not_networks: 'ip:10.99.0.1' })).status).toBe(400);
  expect((await acquire({ networks: 'mgmt' })).status).toBe(409);
  const viaVlan = await acquire({ networks: 'vlan:30', not_networks: 'mgmt' });
  expect(viaVlan.json().system_id).toBe(ids[1]);
  const notStorage = await acquire({ not_networks: 'ip:10.10.3.4' });
  expect(notStorage.json().system_id).toBe(ids[0]);
});
