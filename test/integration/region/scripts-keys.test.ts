import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { client, enlist, testRegion } from './helpers';

const CERT = readFileSync('test/fixtures/ssl/cert.pem', 'utf8');

test('commissioning scripts: admin only, binary-safe content, names validated', async () => {
  const region = await testRegion();
  const admin = client(region);
  const alice = client(region, region.createApiKey('alice'));
  const binary = Buffer.from([0, 255, 1, 254, 0x0d, 0x0a, 0x80, 0x81, 0]);
  const made = await admin('commissioning-scripts/', { multipart: { name: '25-burn-in', content: { file: binary, filename: 'ignored.bin' } } });
  expect(made.status, made.text).toBe(200);
  expect(made.json()).toEqual({ name: '25-burn-in', content: binary.toString('base64'), resource_uri: '/MAAS/api/1.0/commissioning-scripts/25-burn-in' });
  const raw = await admin('commissioning-scripts/25-burn-in');
  expect(raw.type).toBe('application/binary');
  expect(raw.bytes.equals(binary)).toBe(true);
  expect((await alice('commissioning-scripts/')).status).toBe(403);
  expect((await alice('commissioning-scripts/25-burn-in')).status).toBe(403);
  for (const [name, msg] of [
    ['has space', /whitespace/], ['quo"te', /quotes/], ["apo'strophe", /apostrophes/], ['', /This field is required/],
    ['00-maas-01-lshw', /reserved for MAAS's built-in scripts/], ['a/b', /slashes/], ['25-burn-in', /already exists/],
  ] as const) {
    const r = await admin('commissioning-scripts/', { multipart: { name, content: { file: 'x' } } });
    expect(r.status, name).toBe(400);
    expect(r.problem).toMatch(msg);
  }
  expect((await admin('commissioning-scripts/', { multipart: { name: '30-x' } })).problem).toMatch(/^content: This field is required/);
  const script = '#!/bin/sh\necho héllo\n';
  const put = await admin('commissioning-scripts/25-burn-in', { method: 'PUT', multipart: { content: { file: script } } });
  expect(Buffer.from(put.json().content, 'base64').toString()).toBe(script);
  expect((await admin('commissioning-scripts/25-burn-in')).text).toBe(script);
  expect((await admin('commissioning-scripts/nope', { method: 'PUT', multipart: { content: { file: 'x' } } })).status).toBe(404);
  expect((await admin('commissioning-scripts/25-burn-in', { method: 'DELETE' })).status).toBe(204);
  expect((await admin('commissioning-scripts/25-burn-in')).status).toBe(404);
});

test('license keys: Windows releases with the key format, CRUD, admin only, sealed at rest', async () => {
  const region = await testRegion();
  const admin = client(region);
  const key = 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY';
  const made = await admin('license-keys/', { multipart: { osystem: 'windows', distro_series: 'win2012r2', license_key: key } });
  expect(made.status, made.text).toBe(200);
  expect(made.json()).toEqual({ osystem: 'windows', distro_series: 'win2012r2', license_key: key, resource_uri: '/MAAS/api/1.0/license-key/windows/win2012r2' });
  const stored = region.core.db.prepare('SELECT license_key_enc FROM license_keys').get() as { license_key_enc: Buffer };
  expect(stored.license_key_enc.includes(Buffer.from(key))).toBe(false);
  for (const [form, msg] of [
    [{ osystem: 'ubuntu', distro_series: 'trusty', license_key: key }, /^osystem: "ubuntu" is not an operating system that takes license keys/],
    [{ osystem: 'windows', distro_series: 'win95', license_key: key }, /^distro_series: /],
    [{ osystem: 'windows', distro_series: 'win2012', license_key: 'short' }, /^license_key: Invalid license key/],
    [{ osystem: 'windows', distro_series: 'win2012r2', license_key: key }, /already exists/],
    [{ osystem: 'windows', distro_series: 'win2012' }, /^license_key: This field is required/],
  ] as const) {
    const r = await admin('license-keys/', { multipart: { ...form } });
    expect(r.status, JSON.stringify(form)).toBe(400);
    expect(r.problem).toMatch(msg);
  }
  expect((await client(region, region.createApiKey('alice'))('license-keys/')).status).toBe(403);
  expect((await admin('license-key/windows/win2012r2')).json().license_key).toBe(key);
  const other = 'ZZZZZ-FGHIJ-KLMNO-PQRST-UVWXY';
  expect((await admin('license-key/windows/win2012r2', { method: 'PUT', multipart: { license_key: other } })).json().license_key).toBe(other);
  expect((await admin('license-key/windows/win2012r2', { method: 'PUT', multipart: { license_key: 'bad' } })).status).toBe(400);
  expect((await admin('license-keys/')).json().map((k: { license_key: string }) => k.license_key)).toEqual([other]);
  expect((await admin('license-key/windows/win2012', { method: 'DELETE' })).status).toBe(404);
  expect((await admin('license-key/windows/win2012r2', { method: 'DELETE' })).status).toBe(204);
  expect((await admin('license-keys/')).json()).toEqual([]);
});

test('SSL keys: PEM certificates only, per user, GET op=delete and DELETE', async () => {
  const region = await testRegion();
  const admin = client(region);
  const alice = client(region, region.createApiKey('alice'));
  const made = await alice('account/prefs/sslkeys/', { query: { op: 'new' }, multipart: { key: CERT } });
  expect(made.status, made.text).toBe(201);
  const id = made.json().id;
  expect(made.json()).toEqual({ id, key: CERT.trim(), resource_uri: `/MAAS/api/1.0/account/prefs/sslkeys/${id}/` });
  for (const [key, msg] of [
    ['', /^key: This field is required/], ['ssh-rsa AAAA', /expected one PEM certificate/],
    [CERT.replace(/[A-Za-z]{10}/, 'AAAAAAAAAA'), /not an X.509 certificate|PEM certificate/], [CERT, /already been added/],
  ] as const) {
    const r = await alice('account/prefs/sslkeys/', { query: { op: 'new' }, multipart: { key } });
    expect(r.status).toBe(400);
    expect(r.problem).toMatch(msg);
  }
  expect((await alice('account/prefs/sslkeys/', { query: { op: 'list' } })).json()).toHaveLength(1);
  expect((await admin('account/prefs/sslkeys/', { query: { op: 'list' } })).json()).toEqual([]);
  expect((await admin(`account/prefs/sslkeys/${id}/`)).status).toBe(403);
  expect((await admin(`account/prefs/sslkeys/${id}/`, { method: 'DELETE' })).status).toBe(403);
  expect((await alice(`account/prefs/sslkeys/${id}/`)).json().key).toBe(CERT.trim());
  expect((await alice(`account/prefs/sslkeys/${id}/`, { query: { op: 'delete' } })).status).toBe(204);
  expect((await alice(`account/prefs/sslkeys/${id}/`)).status).toBe(404);
  const again = (await alice('account/prefs/sslkeys/', { query: { op: 'new' }, multipart: { key: CERT } })).json().id;
  expect((await alice(`account/prefs/sslkeys/${again}/`, { method: 'DELETE' })).status).toBe(204);
});

test('account: create and delete authorisation tokens of the logged-in user', async () => {
  const region = await testRegion();
  const alice = client(region, region.createApiKey('alice'));
  const t = await alice('account/', { query: { op: 'create_authorisation_token' }, multipart: {} });
  expect(Object.keys(t.json()).sort()).toEqual(['consumer_key', 'token_key', 'token_secret']);
  const { consumer_key, token_key, token_secret } = t.json();
  const viaNew = client(region, `${consumer_key}:${token_key}:${token_secret}`);
  expect((await viaNew('users/')).status).toBe(200);
  expect((await alice('account/', { query: { op: 'delete_authorisation_token' }, multipart: { token_key } })).status).toBe(204);
  expect((await viaNew('users/')).status).toBe(401);
  expect((await alice('account/', { query: { op: 'delete_authorisation_token' }, multipart: { token_key } })).status).toBe(404);
  expect((await alice('account/', { query: { op: 'delete_authorisation_token' }, multipart: {} })).status).toBe(400);
});

test('installation-results op=list: uploaded lshw and LLDP appear as MAAS commissioning results, filtered', async () => {
  const region = await testRegion();
  const admin = client(region);
  const [a, b, c] = await enlist(admin, 3);
  const lshw = readFileSync('test/fixtures/lshw/kvm-epyc-vm.xml');
  const lldp = '<?xml version="1.0"?><lldp label="LLDP neighbors"/>';
  await admin(`nodes/${a}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: lshw }, lldp: { file: lldp } } });
  await admin(`nodes/${b}/`, { query: { op: 'set_details' }, multipart: { lldp: { file: lldp } } });
  const all = (await admin('installation-results/', { query: { op: 'list' } })).json();
  expect(all.map((r: { node: { system_id: string }; name: string }) => [r.node.system_id, r.name])).toEqual([
    [a, '00-maas-01-lshw.out'], [a, '99-maas-02-capture-lldp.out'], [b, '99-maas-02-capture-lldp.out'],
  ]);
  expect(all[0]).toMatchObject({ script_result: 0, result_type: 0, resource_uri: '/MAAS/api/1.0/installation-results/' });
  expect(Buffer.from(all[0].data, 'base64').equals(lshw)).toBe(true);
  expect(all[0].node.hostname).toBeTruthy();
  const only = (q: Record<string, string | string[]>) => admin('installation-results/', { query: { op: 'list', ...q } });
  expect((await only({ system_id: [b, c] })).json()).toHaveLength(1);
  expect((await only({ name: '00-maas-01-lshw.out' })).json()).toHaveLength(1);
  expect((await only({ result_type: '1' })).json()).toEqual([]);
  expect((await only({ result_type: '0', system_id: a })).json()).toHaveLength(2);
  expect((await only({ result_type: 'x' })).status).toBe(400);
  // A non-admin sees results only of nodes visible to them.
  region.core.nodes.update(region.core.nodes.bySystemId(a)!.id, { owner_id: region.core.users.byName('admin')!.id });
  const bob = client(region, region.createApiKey('bob'));
  expect((await bob('installation-results/', { query: { op: 'list' } })).json().map((r: { node: { system_id: string } }) => r.node.system_id)).toEqual([b]);
});
