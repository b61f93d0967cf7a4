import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { client, testRegion } from './helpers';

test('boot sources and selections: MAAS defaults, CRUD, validation, admin only', async () => {
  const region = await testRegion();
  const admin = client(region);
  const alice = client(region, region.createApiKey('alice'));
  const list = (await admin('boot-sources/')).json();
  expect(list).toEqual([expect.objectContaining({ id: 1, url: 'http://maas.ubuntu.com/images/ephemeral-v2/releases/',
    keyring_filename: '/usr/share/keyrings/ubuntu-cloudimage-keyring.gpg', keyring_data: '', resource_uri: '/MAAS/api/1.0/boot-sources/1/' })]);
  expect((await admin('boot-sources/1/selections/')).json()).toEqual([{ id: 1, os: 'ubuntu', release: 'trusty', arches: ['amd64'], subarches: ['*'],
    labels: ['release'], boot_source_id: 1, resource_uri: '/MAAS/api/1.0/boot-sources/1/selections/1/' }]);
  expect((await alice('boot-sources/')).status).toBe(403);

  const keyring = randomBytes(64);
  const made = await admin('boot-sources/', { multipart: { url: 'https://mirror.lab/images/', keyring_data: keyring.toString('base64') } });
  expect(made.status, made.text).toBe(201);
  const id = made.json().id;
  expect(made.json().keyring_data).toBe(keyring.toString('base64'));
  const asFile = await admin('boot-sources/', { multipart: { url: 'file:///srv/images/', keyring_data: { file: keyring, filename: 'k.gpg' } } });
  expect(asFile.json().keyring_data).toBe(keyring.toString('base64'));
  for (const [form, msg] of [
    [{ keyring_filename: '/k' }, /^url: This field is required/],
    [{ url: 'not a url', keyring_filename: '/k' }, /^url: .*not a URL/],
    [{ url: 'ftp://x/', keyring_filename: '/k' }, /http, https or file/],
    [{ url: 'https://other/' }, /One of keyring_data or keyring_filename must be specified/],
    [{ url: 'https://other/', keyring_data: '%%%' }, /^keyring_data: is not base64/],
    [{ url: 'https://mirror.lab/images/', keyring_filename: '/k' }, /already exists/],
    [{ url: 'https://other/', keyring_filename: 'relative' }, /absolute path/],
  ] as const) {
    const r = await admin('boot-sources/', { multipart: { ...form } });
    expect(r.status, JSON.stringify(form)).toBe(400);
    expect(r.problem).toMatch(msg);
  }
  expect((await admin('boot-sources/')).json()).toHaveLength(3);
  const put = await admin(`boot-sources/${id}/`, { method: 'PUT', multipart: { keyring_filename: '/etc/k.gpg' } });
  expect(put.json()).toMatchObject({ url: 'https://mirror.lab/images/', keyring_filename: '/etc/k.gpg' });
  expect((await admin(`boot-sources/${id}/`)).json().keyring_filename).toBe('/etc/k.gpg');
  expect((await admin('boot-sources/99/')).status).toBe(404);
  expect((await admin('boot-sources/abc/')).status).toBe(404);

  const sel = await admin(`boot-sources/${id}/selections/`, { multipart: { release: 'xenial', arches: ['amd64', 'arm64'], labels: 'release,daily' } });
  expect(sel.json()).toMatchObject({ os: 'ubuntu', release: 'xenial', arches: ['amd64', 'arm64'], subarches: ['*'], labels: ['release', 'daily'], boot_source_id: id });
  const sid = sel.json().id;
  expect((await admin(`boot-sources/${id}/selections/`, { multipart: { release: 'xenial' } })).problem).toMatch(/already exists \(ubuntu\/xenial\)/);
  expect((await admin(`boot-sources/${id}/selections/`, { multipart: {} })).problem).toMatch(/^release: This field is required/);
  expect((await admin(`boot-sources/${id}/selections/`, { multipart: { release: 'x y' } })).status).toBe(400);
  expect((await admin(`boot-sources/${id}/selections/`, { multipart: { release: 'bionic', arches: 'amd64;rm' } })).status).toBe(400);
  const sput = await admin(`boot-sources/${id}/selections/${sid}/`, { method: 'PUT', multipart: { subarches: ['generic', 'hwe-x'] } });
  expect(sput.json()).toMatchObject({ release: 'xenial', arches: ['amd64', 'arm64'], subarches: ['generic', 'hwe-x'] });
  expect((await admin(`boot-sources/1/selections/${sid}/`)).status).toBe(404);
  expect((await admin(`boot-sources/${id}/selections/${sid}/`, { method: 'DELETE' })).status).toBe(204);
  expect((await admin(`boot-sources/${id}/selections/`)).json()).toEqual([]);
  await admin(`boot-sources/${id}/selections/`, { multipart: { release: 'focal' } });
  expect((await admin(`boot-sources/${id}/`, { method: 'DELETE' })).status).toBe(204);
  expect(region.core.db.prepare('SELECT count(*) AS n FROM boot_source_selections WHERE boot_source_id = ?').get(id)).toEqual({ n: 0 });
});

test('boot resources: upload with checksum, size and file type; list, read, delete; import and boot-images answer honestly', async () => {
  const region = await testRegion();
  const admin = client(region);
  const alice = client(region, region.createApiKey('alice'));
  const uuid = region.core.nodegroupUuid;
  const image = randomBytes(200_000);
  const up = await admin('boot-resources/', { multipart: { name: 'centos7', title: 'CentOS 7', architecture: 'amd64/generic', filetype: 'ddtgz', content: { file: image, filename: 'c7.tgz' } } });
  expect(up.status, up.text).toBe(201);
  const sha = createHash('sha256').update(image).digest('hex');
  const r = up.json();
  expect(r).toMatchObject({ type: 'Uploaded', name: 'centos7', architecture: 'amd64/generic', title: 'CentOS 7' });
  const set = Object.values(r.sets)[0] as { files: Record<string, { sha256: string; size: number; filetype: string }> };
  expect(set.files['root-dd']).toMatchObject({ sha256: sha, size: image.length, filetype: 'root-dd' });
  expect(region.core.db.prepare('SELECT bytes FROM boot_resource_chunks c JOIN boot_resource_sets s ON s.id = c.set_id WHERE s.resource_id = ?').get(r.id)).toEqual({ bytes: image });
  expect((await alice('boot-resources/', { multipart: { name: 'x', architecture: 'amd64/generic', content: { file: 'x' } } })).status).toBe(403);
  for (const [form, msg] of [
    [{ architecture: 'amd64/generic', content: { file: 'x' } }, /^name: This field is required/],
    [{ name: 'x', architecture: 'amd64', content: { file: 'x' } }, /^architecture: .*arch\/subarch/],
    [{ name: 'x', architecture: 'amd64/generic', filetype: 'zip', content: { file: 'x' } }, /^filetype: /],
    [{ name: 'x', architecture: 'amd64/generic' }, /^sha256: This field is required/],
    [{ name: '../x', architecture: 'amd64/generic', content: { file: 'x' } }, /^name: /],
  ] as const) {
    const res = await admin('boot-resources/', { multipart: { ...form } });
    expect(res.status, JSON.stringify(form)).toBe(400);
    expect(res.problem).toMatch(msg);
  }
  expect((await alice('boot-resources/')).json()).toEqual([{ id: r.id, type: 'Uploaded', name: 'centos7', architecture: 'amd64/generic',
    title: 'CentOS 7', resource_uri: `/MAAS/api/1.0/boot-resources/${r.id}/` }]);
  expect((await alice('boot-resources/', { query: { type: 'synced' } })).json()).toEqual([]);
  expect((await alice('boot-resources/', { query: { type: 'uploaded' } })).json()).toHaveLength(1);
  expect((await alice('boot-resources/', { query: { type: 'bogus' } })).status).toBe(400);
  expect((await alice(`boot-resources/${r.id}/`)).json().sets).toEqual(r.sets);
  expect((await alice(`nodegroups/${uuid}/boot-images/`)).json()).toEqual([{ osystem: 'custom', release: 'centos7', architecture: 'amd64',
    subarchitecture: 'generic', label: 'uploaded', purpose: 'xinstall', xinstall_type: 'dd-tgz', xinstall_path: 'custom/amd64/generic/centos7/uploaded/root-dd' }]);
  expect((await alice('nodegroups/nope/boot-images/')).status).toBe(404);
  const imp = await admin('boot-resources/', { query: { op: 'import' }, multipart: {} });
  expect(imp.status).toBe(503);
  expect(imp.problem).toMatch(/cannot import boot images: it runs on a laptop with no image mirror.*uploaded so far: centos7 \(amd64\/generic\)/);
  expect((await alice(`boot-resources/${r.id}/`, { method: 'DELETE' })).status).toBe(403);
  expect((await admin(`boot-resources/${r.id}/`, { method: 'DELETE' })).status).toBe(204);
  expect((await admin(`boot-resources/${r.id}/`)).status).toBe(404);
  expect((await admin(`nodegroups/${uuid}/boot-images/`)).json()).toEqual([]);
});
