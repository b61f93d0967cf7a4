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
