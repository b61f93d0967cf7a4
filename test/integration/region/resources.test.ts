// zones, maas config, users, files, SSH keys, devices, nodegroups, describe, dispatch errors.
import { describe, expect, test } from 'vitest';
import { client, enlist, nextMac, testRegion } from './helpers';

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHkQ4k0+rOuG3ZVwOqHVCz8W3nHkhMkS4LxvNc0hAOdu tech@laptop';

describe('resources', () => {
  test('zones: create, read, rename, delete (nodes go to default); default cannot go', async () => {
    const call = client(await testRegion());
    const [id] = await enlist(call, 1);
    expect((await call('zones/', { form: { name: 'row-1', description: 'first row' } })).json()).toEqual({ name: 'row-1', description: 'first row', resource_uri: '/MAAS/api/1.0/zones/row-1/' });
    expect((await call('zones/', { form: { name: 'row-1' } })).status).toBe(400);
    expect((await call('zones/', { form: { name: 'bad name' } })).status).toBe(400);
    await call('nodes/', { query: { op: 'set_zone' }, form: { zone: 'row-1', nodes: id } });
    expect((await call('zones/row-1/', { method: 'PUT', form: { name: 'row-2' } })).json().name).toBe('row-2');
    expect((await call(`nodes/${id}/`)).json().zone.name).toBe('row-2');
    expect((await call('zones/row-2/', { method: 'DELETE' })).status).toBe(204);
    expect((await call(`nodes/${id}/`)).json().zone.name).toBe('default');
    expect((await call('zones/default/', { method: 'DELETE' })).status).toBe(400);
    expect((await call('zones/')).json().map((z: { name: string }) => z.name)).toEqual(['default']);
  });

  test('maas config: documented names with defaults; values cleaned; unknown names 400', async () => {
    const call = client(await testRegion());
    const get = async (name: string) => (await call('maas/', { query: { op: 'get_config', name } })).json();
    expect(await get('main_archive')).toBe('http://archive.ubuntu.com/ubuntu');
    expect(await get('enable_disk_erasing_on_release')).toBe(false);
    expect(await get('http_proxy')).toBeNull();
    expect(await get('dnssec_validation')).toBe('auto');
    expect((await call('maas/', { query: { op: 'set_config' }, form: { name: 'maas_name', value: 'floor-laptop' } })).text).toBe('OK');
    expect(await get('maas_name')).toBe('floor-laptop');
    expect((await call('maas/', { query: { op: 'set_config' }, form: { name: 'dnssec_validation', value: 'maybe' } })).status).toBe(400);
    expect((await call('maas/', { query: { op: 'get_config', name: 'nope' } })).status).toBe(400);
    expect((await call('maas/', { query: { op: 'get_config' } })).status).toBe(400);
  });

  test('users: list, create (admin), read, delete', async () => {
    const call = client(await testRegion());
    const u = await call('users/', { form: { username: 'carol', email: 'carol@example.com', password: 'pw', is_superuser: '0' } });
    expect(u.json()).toEqual({ username: 'carol', email: 'carol@example.com', is_superuser: false });
    expect((await call('users/', { form: { username: 'carol', email: 'c@x', password: 'pw' } })).status).toBe(400);
    expect((await call('users/', { form: { username: 'dave', email: 'c@x' } })).status).toBe(400);
    expect((await call('users/')).json().map((x: { username: string }) => x.username)).toEqual(['admin', 'carol']);
    expect((await call('users/carol/', { method: 'DELETE' })).status).toBe(204);
    expect((await call('users/admin/', { method: 'DELETE' })).status).toBe(400);
  });

  test('files: add (multipart file part), list, get, get_by_key anonymously, delete', async () => {
    const region = await testRegion();
    const call = client(region);
    const bytes = Buffer.from([0, 1, 2, 255, 10]);
    expect((await call('files/', { query: { op: 'add' }, multipart: { filename: 'blob.bin', file: { file: bytes } } })).status).toBe(201);
    expect((await call('files/', { query: { op: 'add' }, multipart: { filename: 'x' } })).status).toBe(400);
    const listed = (await call('files/', { query: { op: 'list' } })).json();
    expect(listed).toHaveLength(1);
    expect((await call('files/', { query: { op: 'get', filename: 'blob.bin' } })).bytes.equals(bytes)).toBe(true);
    const anon = await call(listed[0].anon_resource_uri.replace('/MAAS/api/1.0/', ''), { key: null });
    expect(anon.bytes.equals(bytes)).toBe(true);
    expect((await call('files/blob.bin/')).json().content).toBe(bytes.toString('base64'));
    expect((await call('files/blob.bin/', { method: 'DELETE' })).status).toBe(204);
    expect((await call('files/', { query: { op: 'get', filename: 'blob.bin' } })).status).toBe(404);
  });

  test("SSH keys: add, list, read, delete; invalid keys 400; another user's key 403", async () => {
    const region = await testRegion();
    const call = client(region);
    const k = (await call('account/prefs/sshkeys/', { query: { op: 'new' }, form: { key: ED25519 } })).json();
    expect(k).toMatchObject({ key: ED25519 });
    expect((await call('account/prefs/sshkeys/', { query: { op: 'new' }, form: { key: ED25519 } })).status).toBe(400);
    expect((await call('account/prefs/sshkeys/', { query: { op: 'new' }, form: { key: 'ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIHkQ' } })).status).toBe(400);
    expect((await call('account/prefs/sshkeys/', { query: { op: 'list' } })).json()).toHaveLength(1);
    const bob = client(region, region.createApiKey('bob'));
    expect((await bob(`account/prefs/sshkeys/${k.id}/`, { method: 'DELETE' })).status).toBe(403);
    expect((await call(`account/prefs/sshkeys/${k.id}/`, { query: { op: 'delete' }, form: {} })).status).toBe(204);
    expect((await call(`account/prefs/sshkeys/${k.id}/`)).status).toBe(404);
  });

  test('devices: new with a parent, list filters, update, delete; not in nodes op=list', async () => {
    const call = client(await testRegion());
    const [parent] = await enlist(call, 1);
    const mac = nextMac();
    const d = (await call('devices/', { query: { op: 'new' }, form: { mac_addresses: mac, hostname: 'bmc-1', parent } })).json();
    expect(d).toMatchObject({ hostname: 'bmc-1', parent, owner: 'admin', macaddress_set: [{ mac_address: mac }] });
    expect((await call('devices/', { query: { op: 'new' }, form: { mac_addresses: mac } })).status).toBe(400);
    expect((await call('devices/', { query: { op: 'list', mac_address: mac } })).json()).toHaveLength(1);
    expect((await call('nodes/', { query: { op: 'list' } })).json()).toHaveLength(1);
    expect((await call(`devices/${d.system_id}/`, { method: 'PUT', form: { hostname: 'bmc-2' } })).json().hostname).toBe('bmc-2');
    expect((await call(`nodes/${d.system_id}/`)).status).toBe(404);
    expect((await call(`devices/${d.system_id}/`, { method: 'DELETE' })).status).toBe(204);
  });

  test('nodegroups: one accepted cluster with a stable UUID; describe_power_types', async () => {
    const region = await testRegion();
    const call = client(region);
    const [g] = (await call('nodegroups/', { query: { op: 'list' } })).json();
    expect(g).toMatchObject({ status: 1, name: 'master' });
    expect(g.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call(`nodegroups/${g.uuid}/`)).json().uuid).toBe(g.uuid);
    expect((await call('nodegroups/nope/')).status).toBe(404);
    const types = (await call('nodegroups/', { query: { op: 'describe_power_types' } })).json();
    const ipmi = types.find((t: { name: string }) => t.name === 'ipmi');
    expect(ipmi.fields.map((f: { name: string }) => f.name)).toEqual(['power_driver', 'power_address', 'power_user', 'power_pass', 'mac_address']);
    expect((await call('nodegroups/', { query: { op: 'accept' }, form: { uuid: 'x' } })).status).toBe(404);
    expect((await call(`nodegroups/${g.uuid}/`, { query: { op: 'list_nodes' } })).json()).toEqual([]);
  });

  test('describe lists resources and actions; dispatch errors are 400/404/405 with a reason', async () => {
    const call = client(await testRegion());
    const d = (await call('describe/', { key: null })).json();
    const nodes = d.resources.find((r: { name: string }) => r.name === 'NodesHandler');
    expect(nodes.auth.actions).toEqual(expect.arrayContaining([{ name: 'list', method: 'GET', op: 'list', restful: false, doc: 'List all nodes.' }]));
    expect(nodes.anon.name).toBe('AnonNodesHandler');
    const unknownOp = await call('nodes/', { query: { op: 'frobnicate' } });
    expect(unknownOp.status).toBe(400);
    expect(unknownOp.text).toBe('Unrecognised signature: method=GET op=frobnicate');
    expect((await call('nodes/')).text).toBe('Unrecognised signature: method=GET op=None');
    expect((await call('nodes/', { method: 'DELETE' })).status).toBe(405);
    expect((await call('networks/')).status).toBe(200);
    expect((await call('no-such-thing/')).status).toBe(404);
  });
});
