// Answers checked against MAAS 1.8's source, one test per behaviour; each names the MAAS file
// and function it follows.
import { expect, test } from 'vitest';
import { client, enlist, nextMac, testRegion } from './helpers';

test('commissioning_scripts.py CommissioningScriptsHandler.read: the sorted names; content by GET {name}', async () => {
  const region = await testRegion();
  const admin = client(region);
  for (const name of ['50-b', '10-a', '30-c']) {
    expect((await admin('commissioning-scripts/', { multipart: { name, content: { file: `#!/bin/sh\necho ${name}\n` } } })).status).toBe(200);
  }
  const listed = await admin('commissioning-scripts/');
  expect(listed.json()).toEqual(['10-a', '30-c', '50-b']);
  expect((await admin('commissioning-scripts/30-c')).text).toBe('#!/bin/sh\necho 30-c\n');
});

test('models/network.py Network.clean_netmask: all-zero and all-one netmasks, and mixed families, are form errors', async () => {
  const region = await testRegion();
  const admin = client(region);
  for (const [ip, netmask, message] of [
    ['10.0.0.0', '0.0.0.0', 'This netmask would span the entire Internet.'],
    ['10.0.0.0', '255.255.255.255', 'This netmask leaves no room for IP addresses.'],
    ['2001:db8::', '::', 'This netmask would span the entire Internet.'],
    ['2001:db8::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'This netmask leaves no room for IP addresses.'],
    ['10.0.0.0', 'ffff:ffff::', "You can't mix IPv4 and IPv6 anywhere in the same network definition."],
  ]) {
    const r = await admin('networks/', { multipart: { name: 'n', ip, netmask } });
    expect([r.status, r.type], netmask).toEqual([400, 'application/json']);
    expect(r.json()).toEqual({ netmask: [message] });
  }
  expect((await admin('networks/')).json()).toEqual([]);
});

test('forms.py MACsForm: connect_macs and disconnect_macs without macs are 400 {"macs": ["This field is required."]}', async () => {
  const region = await testRegion();
  const admin = client(region);
  expect((await admin('networks/', { multipart: { name: 'lab', ip: '10.1.0.0', netmask: '255.255.0.0' } })).status).toBe(200);
  for (const op of ['connect_macs', 'disconnect_macs']) {
    const r = await admin('networks/lab/', { query: { op }, multipart: {} });
    expect(r.status, op).toBe(400);
    expect(r.json()).toEqual({ macs: ['This field is required.'] });
  }
});

test('ip_addresses.py IPAddressesHandler.reserve: neither network nor requested_address is 400 saying so', async () => {
  const region = await testRegion();
  const r = await client(region)('ipaddresses/', { query: { op: 'reserve' }, multipart: { hostname: 'printer' } });
  expect([r.status, r.text]).toEqual([400, 'Must supply either a network or a requested_address.']);
});

test('forms.py NodeWithMACAddressesForm: only empty mac_addresses values are dropped; a blank is an invalid MAC', async () => {
  const region = await testRegion();
  const anon = client(region, null);
  const good = nextMac();
  const blank = await anon('nodes/', { query: { op: 'new' }, multipart: { architecture: 'amd64/generic', mac_addresses: [good, ' '] } });
  expect(blank.status).toBe(400);
  expect(blank.json()).toEqual({ mac_addresses: ['One or more MAC Addresses is invalid.'] });
  const one = await anon('nodes/', { query: { op: 'new' }, multipart: { architecture: 'amd64/generic', mac_addresses: ' ' } });
  expect(one.json()).toEqual({ mac_addresses: ['Enter a valid MAC address (e.g. AA:BB:CC:DD:EE:FF).'] });
  const empty = await anon('nodes/', { query: { op: 'new' }, multipart: { architecture: 'amd64/generic', mac_addresses: [good, ''] } });
  expect(empty.status, empty.text).toBe(200);
  expect(empty.json().macaddress_set).toEqual([{ mac_address: good }]);
  expect(await enlist(client(region), 1)).toHaveLength(1);
});

test('api/version.py: capabilities are what this region serves (networks, static IPs, devices; no IPv6 deployment)', async () => {
  const region = await testRegion();
  const v = (await client(region, null)('version/')).json();
  expect(v.capabilities).toEqual(['networks-management', 'static-ipaddresses', 'devices-management']);
});

test('urls_api.py: commissioning-results/ and installation-results/ both serve NodeResultsHandler op=list', async () => {
  const region = await testRegion();
  const admin = client(region);
  const [sid] = await enlist(admin, 1);
  const lshw = '<?xml version="1.0"?><list><node class="system" id="x"/></list>';
  expect((await admin(`nodes/${sid}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw, filename: 'lshw.xml' } } })).status).toBe(200);
  for (const path of ['commissioning-results/', 'installation-results/']) {
    const r = await admin(path, { query: { op: 'list', system_id: sid } });
    expect(r.status, path).toBe(200);
    expect(r.json().map((x: { name: string; data: string }) => [x.name, Buffer.from(x.data, 'base64').toString()])).toEqual([['00-maas-01-lshw.out', lshw]]);
  }
});

test('boot_sources.py BootSourcesHandler.create and ssl_keys.py SSLKeysHandler.new answer 201 CREATED', async () => {
  const region = await testRegion();
  const admin = client(region);
  const src = await admin('boot-sources/', { multipart: { url: 'http://mirror.lab/images/', keyring_filename: '/k.gpg' } });
  expect([src.status, src.json().url]).toEqual([201, 'http://mirror.lab/images/']);
  const cert = (await import('node:fs')).readFileSync('test/fixtures/ssl/cert.pem', 'utf8');
  const key = await admin('account/prefs/sslkeys/', { query: { op: 'new' }, multipart: { key: cert } });
  expect(key.status, key.text).toBe(201);
});

test('urls_api.py boot_sources_backward_handler: nodegroups/{uuid}/boot-sources/ and below serve the global boot sources', async () => {
  const region = await testRegion();
  const admin = client(region);
  const base = `nodegroups/${region.core.nodegroupUuid}/boot-sources/`;
  const made = await admin(base, { multipart: { url: 'http://mirror.lab/images/', keyring_filename: '/k.gpg' } });
  expect(made.status, made.text).toBe(201);
  const id = made.json().id;
  expect((await admin('boot-sources/')).json().map((s: { id: number }) => s.id)).toContain(id);
  expect((await admin(base)).json().map((s: { id: number }) => s.id)).toContain(id);
  expect((await admin(`${base}${id}/`)).json().url).toBe('http://mirror.lab/images/');
  expect((await admin(`${base}${id}/selections/`, { multipart: { release: 'xenial' } })).json().release).toBe('xenial');
  const [sel] = (await admin(`${base}${id}/selections/`)).json();
  expect((await admin(`${base}${id}/selections/${sel.id}/`)).json().release).toBe('xenial');
  expect((await admin(`${base}${id}/`, { method: 'DELETE' })).status).toBe(204);
  expect((await admin(`boot-sources/${id}/`)).status).toBe(404);
  expect((await client(region, region.createApiKey('alice'))(base)).status).toBe(403);
});

test('boot_resources.py + forms.py BootResourceForm: "os/series" names are Generated, others Uploaded', async () => {
  const region = await testRegion();
  const admin = client(region);
  const gen = await admin('boot-resources/', { multipart: { name: 'centos/centos7', architecture: 'amd64/generic', content: { file: 'img' } } });
  expect([gen.status, gen.json().type]).toEqual([201, 'Generated']);
  const up = await admin('boot-resources/', { multipart: { name: 'my-image', architecture: 'amd64/generic', content: { file: 'img' } } });
  expect(up.json().type).toBe('Uploaded');
  expect((await admin('boot-resources/', { query: { type: 'generated' } })).json().map((r: { name: string }) => r.name)).toEqual(['centos/centos7']);
});

test('boot_resources.py BootResourcesHandler.create: uploading a name again adds a version, newest first', async () => {
  const region = await testRegion();
  const admin = client(region);
  const first = (await admin('boot-resources/', { multipart: { name: 'img', architecture: 'amd64/generic', content: { file: 'one' } } })).json();
  const second = await admin('boot-resources/', { multipart: { name: 'img', architecture: 'amd64/generic', filetype: 'ddtgz', content: { file: 'second' } } });
  expect(second.status).toBe(201);
  expect(second.json().id).toBe(first.id);
  const versions = Object.keys(second.json().sets);
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  expect(versions.sort()).toEqual([day, `${day}.1`]);
  const sets = (await admin(`boot-resources/${first.id}/`)).json().sets;
  expect(sets[day].files['root-tgz'].size).toBe(3);
  expect(sets[`${day}.1`].files['root-dd'].size).toBe(6);
  expect((await admin('boot-resources/')).json()).toHaveLength(1);
});

test('boot_resources.py: a create without content takes sha256 and size; the bytes follow by PUT …/upload/{file_id}/', async () => {
  const { createHash } = await import('node:crypto');
  const region = await testRegion();
  const admin = client(region);
  const image = Buffer.from('a boot image in three pieces');
  const sha256 = createHash('sha256').update(image).digest('hex');
  const made = await admin('boot-resources/', { multipart: { name: 'chunked', architecture: 'amd64/generic', sha256, size: String(image.length) } });
  expect(made.status, made.text).toBe(201);
  const [version] = Object.keys(made.json().sets);
  const set = made.json().sets[version];
  expect(set).toMatchObject({ complete: false, progress: 0, size: image.length });
  const fileId = region.core.db.prepare('SELECT id FROM boot_resource_sets WHERE resource_id = ?').pluck().get(made.json().id);
  const upload = (bytes: Buffer) => admin(`boot-resources/${made.json().id}/upload/${fileId}/`,
    { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
  expect((await upload(image.subarray(0, 10))).json().sets[version]).toMatchObject({ complete: false });
  expect((await upload(Buffer.concat([image.subarray(10), Buffer.from('extra')]))).text).toBe('Too much data recieved.');
  const done = await upload(image.subarray(10));
  expect(done.json().sets[version]).toMatchObject({ complete: true, size: image.length });
  expect((await upload(Buffer.from('x'))).text).toBe('Cannot upload to a complete file.');
  expect((await admin(`nodegroups/${region.core.nodegroupUuid}/boot-images/`)).json().map((i: { release: string }) => i.release)).toEqual(['chunked']);
  // A wrong checksum: refused when the last byte arrives, and the file starts again.
  const bad = await admin('boot-resources/', { multipart: { name: 'bad', architecture: 'amd64/generic', sha256: '0'.repeat(64), size: '3' } });
  const badId = region.core.db.prepare('SELECT id FROM boot_resource_sets WHERE resource_id = ?').pluck().get(bad.json().id);
  const put = await admin(`boot-resources/${bad.json().id}/upload/${badId}/`, { method: 'PUT', body: Buffer.from('abc'), headers: { 'content-type': 'application/octet-stream' } });
  expect([put.status, put.text]).toEqual([400, 'Saved content does not match given SHA256 value.']);
  expect(Object.values((await admin(`boot-resources/${bad.json().id}/`)).json().sets)[0]).toMatchObject({ complete: false, progress: 0 });
  const noSize = await admin('boot-resources/', { multipart: { name: 'x', architecture: 'amd64/generic', sha256 } });
  expect(noSize.json()).toEqual({ size: ['This field is required.'] });
});
