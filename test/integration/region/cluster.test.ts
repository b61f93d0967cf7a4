import { resolve } from 'node:path';
import { BSON } from 'bson';
import { expect, test } from 'vitest';
import { client, enlist, testRegion } from './helpers';
import { requireTool } from '../power/peers/require-tool';

test('the local cluster: its UUID everywhere, update, list_nodes, details BSON, download progress, image import refused', async () => {
  const region = await testRegion();
  const admin = client(region);
  const alice = client(region, region.createApiKey('alice'));
  const uuid = region.core.nodegroupUuid;
  expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect((await admin('nodegroups/', { query: { op: 'list' } })).json()).toEqual([{ uuid, status: 1, name: 'master', cluster_name: 'Cluster master' }]);
  expect((await alice(`nodegroups/${uuid}/`, { method: 'PUT', multipart: { cluster_name: 'x' } })).status).toBe(403);
  const upd = await admin(`nodegroups/${uuid}/`, { method: 'PUT', multipart: { name: 'lab.example', cluster_name: 'Lab bench' } });
  expect(upd.json()).toEqual({ uuid, status: 1, name: 'lab.example', cluster_name: 'Lab bench' });
  expect((await admin(`nodegroups/${uuid}/`)).json().cluster_name).toBe('Lab bench');
  for (const form of [{ status: '2' }, { name: 'bad name!' }, { cluster_name: '' }, { status: 'x' }] as Record<string, string>[]) {
    expect((await admin(`nodegroups/${uuid}/`, { method: 'PUT', multipart: form })).status, JSON.stringify(form)).toBe(400);
  }
  expect((await admin(`nodegroups/${uuid}/`)).json()).toEqual({ uuid, status: 1, name: 'lab.example', cluster_name: 'Lab bench' });
  expect((await admin('nodegroups/0000/', { method: 'PUT', multipart: { name: 'x' } })).status).toBe(404);

  const ids = await enlist(admin, 2);
  expect((await admin(`nodegroups/${uuid}/`, { query: { op: 'list_nodes' } })).json().sort()).toEqual([...ids].sort());
  const lshw = '<?xml version="1.0"?><list><node id="x" class="system"/></list>';
  await admin(`nodes/${ids[0]}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw } } });
  const details = await admin(`nodegroups/${uuid}/`, { query: { op: 'details' }, multipart: { system_ids: [ids[0], ids[1], 'node-unknown'] } });
  expect(details.type).toBe('application/bson');
  const doc = BSON.deserialize(details.bytes);
  expect(Object.keys(doc).sort()).toEqual([...ids].sort());
  expect(Buffer.from(doc[ids[0]].lshw.buffer).toString()).toBe(lshw);
  expect(doc[ids[1]]).toEqual({ lshw: null, lldp: null });

  const report = (form: Record<string, string>) => admin(`nodegroups/${uuid}/`, { query: { op: 'report_download_progress' }, multipart: form });
  expect((await report({ filename: 'kernel', bytes_downloaded: '1' })).status).toBe(404);
  expect((await report({ filename: 'kernel', size: '100' })).status).toBe(200);
  expect((await report({ filename: 'kernel', bytes_downloaded: '50' })).status).toBe(200);
  expect((await report({ filename: 'kernel', bytes_downloaded: '101' })).problem).toMatch(/more bytes downloaded than the stated/);
  expect((await report({ filename: 'kernel', size: '90', bytes_downloaded: '60' })).problem).toMatch(/size has changed/);
  expect((await report({ filename: 'kernel', bytes_downloaded: '-1' })).status).toBe(400);
  expect((await report({ size: '5' })).status).toBe(400);
  expect(region.core.db.prepare('SELECT filename, size, bytes_downloaded FROM download_progress').all())
    .toEqual([{ filename: 'kernel', size: 100, bytes_downloaded: 50 }]);

  for (const path of [`nodegroups/${uuid}/`, 'nodegroups/']) {
    const r = await admin(path, { query: { op: 'import_boot_images' }, multipart: {} });
    expect(r.status).toBe(503);
    expect(r.problem).toMatch(/cannot import boot images: it runs on a laptop with no image mirror/);
  }
});

test('cluster interfaces: new/list/read/update/delete with ranges inside the network and not overlapping', async () => {
  const region = await testRegion();
  const admin = client(region);
  const alice = client(region, region.createApiKey('alice'));
  const base = `nodegroups/${region.core.nodegroupUuid}/interfaces/`;
  const add = (form: Record<string, string>) => admin(base, { query: { op: 'new' }, multipart: form });
  const eth0 = { interface: 'eth0', ip: '192.168.10.1', subnet_mask: '255.255.255.0', management: '2', broadcast_ip: '192.168.10.255',
    router_ip: '192.168.10.254', ip_range_low: '192.168.10.100', ip_range_high: '192.168.10.199', static_ip_range_low: '192.168.10.10', static_ip_range_high: '192.168.10.99' };
  const made = await add(eth0);
  expect(made.status, made.text).toBe(200);
  expect(made.json()).toEqual({ name: 'eth0', ...eth0, management: 2, resource_uri: `/MAAS/api/1.0/${base}eth0/` });
  expect((await alice(base, { query: { op: 'list' } })).status).toBe(403);
  const bad: [Record<string, string>, RegExp][] = [
    [{ ...eth0, interface: 'eth1', name: 'eth1', ip: '10.0.0.1', subnet_mask: '255.255.255.0', ip_range_low: '10.0.1.10', ip_range_high: '10.0.1.20',
      static_ip_range_low: '', static_ip_range_high: '', broadcast_ip: '', router_ip: '' }, /^ip_range_low: the dynamic range 10.0.1.10–10.0.1.20 is not inside the interface's network 10.0.0.0\/24/],
    [{ interface: 'eth1', ip: '10.0.0.1', subnet_mask: '255.255.255.0', ip_range_low: '10.0.0.50', ip_range_high: '10.0.0.60', static_ip_range_low: '10.0.0.55', static_ip_range_high: '10.0.0.70' },
      /^static_ip_range_low: the static range overlaps the dynamic range/],
    [{ interface: 'eth1', ip: '10.0.0.1', subnet_mask: '255.255.255.0', ip_range_low: '10.0.0.60', ip_range_high: '10.0.0.50' }, /low address is above its high address/],
    [{ interface: 'eth1', ip: '10.0.0.1', management: '1' }, /^subnet_mask: That field cannot be empty \(unless that interface is 'unmanaged'\)/],
    [{ interface: 'eth1', ip: '192.168.10.2', subnet_mask: '255.255.0.0', management: '1', ip_range_low: '192.168.20.1', ip_range_high: '192.168.20.9' }, /overlaps the network of managed interface eth0/],
    [{ interface: 'eth1', ip: '10.0.0.1', subnet_mask: '255.255.255.0', ip_range_low: '10.0.0.50' }, /give both ip_range_low and ip_range_high/],
    [{ interface: 'eth1', ip: '10.0.0.1', management: '7' }, /^management:/],
    [{ interface: 'eth1', ip: '10.0.0.1', subnet_mask: '255.255.255.0', static_ip_range_low: '10.0.0.5', static_ip_range_high: '::5' }, /different address families/],
    [{ interface: 'eth1', ip: 'ten' }, /^ip: .*not a valid IP/],
    [{ interface: 'eth1', name: 'has space', ip: '10.0.0.1' }, /^name: .*letters, digits, dashes and colons/],
    [{ interface: 'eth0', name: 'eth0', ip: '10.0.0.1' }, /^name: Interface name eth0 is already used/],
    [{ ip: '10.0.0.1' }, /^interface: This field is required/],
    [{ interface: 'eth1', ip: '10.0.0.1', subnet_mask: '255.255.255.0', router_ip: '10.9.0.1' }, /^router_ip: .*not inside/],
  ];
  for (const [form, msg] of bad) {
    const r = await add(form);
    expect(r.status, JSON.stringify(form)).toBe(400);
    expect(r.problem).toMatch(msg);
  }
  expect((await admin(base, { query: { op: 'list' } })).json()).toHaveLength(1);
  const v6 = await add({ interface: 'eth0', ip: '2001:db8::1', subnet_mask: 'ffff:ffff:ffff:ffff::', static_ip_range_low: '2001:db8::1:0', static_ip_range_high: '2001:db8::1:ffff' });
  expect(v6.json()).toMatchObject({ name: 'eth0-1', static_ip_range_high: '2001:db8::1:ffff' });
  expect((await admin('ipaddresses/', { query: { op: 'reserve' }, multipart: { network: '2001:db8::/64' } })).json().ip).toBe('2001:db8::1:0');

  const put = await admin(`${base}eth0/`, { method: 'PUT', multipart: { ip_range_low: '192.168.10.150', name: 'lan' } });
  expect(put.json()).toMatchObject({ name: 'lan', ip_range_low: '192.168.10.150', ip_range_high: '192.168.10.199' });
  expect((await admin(`${base}lan/`, { method: 'PUT', multipart: { static_ip_range_high: '192.168.10.160' } })).status).toBe(400);
  expect((await admin(`${base}lan/`)).json().static_ip_range_high).toBe('192.168.10.99');
  expect((await admin(`${base}eth0/`)).status).toBe(404);
  expect((await alice(`${base}lan/`, { method: 'DELETE' })).status).toBe(403);
  expect((await admin(`${base}lan/`, { method: 'DELETE' })).status).toBe(204);
  expect((await admin(base, { query: { op: 'list' } })).json().map((i: { name: string }) => i.name)).toEqual(['eth0-1']);
  expect((await admin('nodegroups/nope/interfaces/', { query: { op: 'list' } })).status).toBe(404);
});

test('probe_and_enlist_hardware model=virsh enlists the domains of a libvirt URI with MACs and virsh power', async () => {
  requireTool('virsh', 'libvirt-clients');
  const region = await testRegion();
  const admin = client(region);
  const uuid = region.core.nodegroupUuid;
  const uri = `test://${resolve('test/fixtures/libvirt/probe-node.xml')}`;
  const probe = (form: Record<string, string>) => admin(`nodegroups/${uuid}/`, { query: { op: 'probe_and_enlist_hardware' }, multipart: form });
  const r = await probe({ model: 'virsh', power_address: uri, prefix_filter: 'lab-' });
  expect(r.status, r.text).toBe(200);
  expect(r.json().enlisted).toHaveLength(2);
  const nodes = (await admin('nodes/', { query: { op: 'list' } })).json() as { system_id: string; hostname: string; architecture: string; substatus: number; power_type: string; macaddress_set: { mac_address: string }[] }[];
  const byName = Object.fromEntries(nodes.map((n) => [n.hostname, n]));
  expect(Object.keys(byName).sort()).toEqual(['lab-db1', 'lab-web1']);
  expect(byName['lab-web1']).toMatchObject({ architecture: 'amd64/generic', substatus: 0, power_type: 'virsh',
    macaddress_set: [{ mac_address: '52:54:00:aa:00:01' }, { mac_address: '52:54:00:aa:00:02' }] });
  expect(byName['lab-db1'].architecture).toBe('i386/generic');
  expect((await admin(`nodes/${byName['lab-db1'].system_id}/`, { query: { op: 'power_parameters' } })).json())
    .toEqual({ power_address: uri, power_id: 'lab-db1' });
  // Probing again enlists only what is new; accept_all starts commissioning.
  const again = await probe({ model: 'virsh', power_address: uri, accept_all: 'true' });
  expect(again.json().enlisted).toHaveLength(1);
  expect(again.json().skipped.map((s: { name: string }) => s.name)).toEqual(['lab-web1', 'lab-db1']);
  const other = (await admin('nodes/', { query: { op: 'list', hostname: 'other-vm' } })).json()[0];
  expect(other.substatus).toBe(1);

  const before = (await admin('nodes/', { query: { op: 'list' } })).json().length;
  const unreachable = await probe({ model: 'virsh', power_address: 'test:///nonexistent/file.xml' });
  expect(unreachable.status).toBe(503);
  expect(unreachable.problem).toMatch(/cannot reach the hypervisor at test:\/\/\/nonexistent\/file.xml/);
  for (const [form, msg] of [
    [{ model: 'virsh' }, /^power_address: This field is required/],
    [{ model: 'virsh', power_address: 'qemu+ssh://me:secret@host/system' }, /must not hold a password/],
    [{ model: 'virsh', power_address: '--help' }, /^power_address: must not begin with "-"/],
    [{ model: 'ucsm', url: 'https://ucs', username: 'u', password: 'p' }, /Probing ucsm hardware is not supported by this embedded region/],
    [{ model: 'seamicro15k' }, /not supported/],
    [{ model: 'frob' }, /^model: "frob" is not a hardware model/],
  ] as const) {
    const res = await probe(form);
    expect(res.status, JSON.stringify(form)).toBe(400);
    expect(res.problem).toMatch(msg);
  }
  for (const op of ['probe_and_enlist_ucsm', 'probe_and_enlist_mscm']) {
    const res = await admin(`nodegroups/${uuid}/`, { query: { op }, multipart: { host: 'h', username: 'u', password: 'p' } });
    expect(res.status).toBe(400);
    expect(res.problem).toMatch(/is not supported by this embedded region: its driver does not exist yet/);
  }
  expect((await admin('nodes/', { query: { op: 'list' } })).json()).toHaveLength(before);
  expect((await client(region, region.createApiKey('alice'))(`nodegroups/${uuid}/`, { query: { op: 'probe_and_enlist_hardware' }, multipart: { model: 'virsh', power_address: uri } })).status).toBe(403);
});

test('probe_and_enlist_hardware with power_pass hands it to virsh through files and keeps it as a sealed power parameter', async () => {
  requireTool('virsh', 'libvirt-clients');
  const region = await testRegion();
  const admin = client(region);
  const uri = `test://${resolve('test/fixtures/libvirt/probe-node.xml')}`;
  const r = await admin(`nodegroups/${region.core.nodegroupUuid}/`, { query: { op: 'probe_and_enlist_hardware' },
    multipart: { model: 'powerkvm', power_address: uri, power_pass: 's3cret pass', prefix_filter: 'other' } });
  expect(r.status, r.text).toBe(200);
  const [sid] = r.json().enlisted;
  expect((await admin(`nodes/${sid}/`)).json().architecture).toBe('ppc64el/generic');
  expect((await admin(`nodes/${sid}/`, { query: { op: 'power_parameters' } })).json()).toEqual({ power_address: uri, power_id: 'other-vm', power_pass: 's3cret pass' });
  const sealed = region.core.db.prepare('SELECT power_params_enc FROM nodes').pluck().get() as Buffer;
  expect(sealed.includes(Buffer.from('s3cret'))).toBe(false);
});
