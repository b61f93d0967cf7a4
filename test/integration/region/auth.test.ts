// OAuth 1.0a 0-legged: PLAINTEXT and HMAC-SHA1 (signed by the oauth-1.0a library),
// header or query parameters; 401 for missing/bad credentials, 403 for non-admins.
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { fetch } from 'undici';
import { describe, expect, test } from 'vitest';
import { client, enlist, testRegion } from './helpers';

function hmacAuth(key: string) {
  const [consumer, token, secret] = key.split(':');
  const oauth = new OAuth({
    consumer: { key: consumer, secret: '' },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, k) => createHmac('sha1', k).update(base).digest('base64'),
  });
  return (url: string, method: string, data?: Record<string, string>) =>
    oauth.toHeader(oauth.authorize({ url, method, data }, { key: token, secret })).Authorization;
}

describe('authentication', () => {
  test('no credentials: 401 with a clear body, except anonymous enlistment and version', async () => {
    const region = await testRegion();
    const anon = client(region, null);
    const r = await anon('nodes/', { query: { op: 'list' } });
    expect(r.status).toBe(401);
    expect(r.type).toMatch(/^text\/plain/);
    expect(r.text).toMatch(/Authentication required/);
    expect((await anon('version/')).status).toBe(200);
    const [id] = await enlist(anon, 1);
    const admin = client(region);
    expect((await admin(`nodes/${id}/`)).json().substatus_name).toBe('New');
    expect((await anon('nodes/', { query: { op: 'accept' }, form: { nodes: id } })).status).toBe(401);
  });

  test('bad secret, unknown token, wrong consumer, malformed header: 401, and nothing changes', async () => {
    const region = await testRegion();
    const key = region.createApiKey();
    const [c, t, s] = key.split(':');
    const call = client(region);
    for (const bad of [`${c}:${t}:${s}x`, `${c}:nope:${s}`, `other:${t}:${s}`]) {
      const r = await call('nodes/', { query: { op: 'new' }, form: { architecture: 'amd64', mac_addresses: '00:00:00:00:00:01' }, key: bad });
      expect(r.status).toBe(401);
      expect(r.text).toMatch(/invalid API key or OAuth signature/);
    }
    expect((await call('nodes/', { query: { op: 'list' }, key: null, headers: { authorization: 'Basic YTpi' } })).status).toBe(401);
    expect((await call('nodes/', { query: { op: 'list' }, key: null, headers: { authorization: 'OAuth garbage' } })).status).toBe(401);
    expect((await call('nodes/', { query: { op: 'list' } })).json()).toEqual([]);
  });

  test('HMAC-SHA1 signatures are verified, including body parameters; tampering is refused', async () => {
    const region = await testRegion();
    const sign = hmacAuth(region.createApiKey());
    const url = `${region.url}nodes/?op=list`;
    const ok = await fetch(url, { headers: { authorization: sign(url, 'GET') } });
    expect(ok.status).toBe(200);
    const post = `${region.url}nodes/?op=new`;
    const data = { architecture: 'amd64/generic', mac_addresses: '52:54:00:00:00:01' };
    const body = new URLSearchParams(data).toString();
    const created = await fetch(post, { method: 'POST', body, headers: { authorization: sign(post, 'POST', data), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(created.status).toBe(200);
    const tampered = await fetch(post, { method: 'POST', body: body.replace('01', '02'),
      headers: { authorization: sign(post, 'POST', data), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(tampered.status).toBe(401);
    const replayed = await fetch(url, { headers: { authorization: sign(url, 'GET') } });
    const header = sign(url, 'GET');
    expect((await fetch(url, { headers: { authorization: header } })).status).toBe(200);
    expect((await fetch(url, { headers: { authorization: header } })).status).toBe(401); // same nonce
    expect(replayed.status).toBe(200);
  });

  test('OAuth parameters in the query string are accepted, as MAAS did', async () => {
    const region = await testRegion();
    const [c, t, s] = region.createApiKey().split(':');
    const call = client(region, null);
    const q = { op: 'list', oauth_consumer_key: c, oauth_token: t, oauth_signature_method: 'PLAINTEXT', oauth_signature: `&${s}` };
    expect((await call('nodes/', { query: q })).status).toBe(200);
    expect((await call('nodes/', { query: { ...q, oauth_signature: '&wrong' } })).status).toBe(401);
  });

  test('non-admins get 403 on admin operations; their tokens can be created and deleted', async () => {
    const region = await testRegion();
    const admin = client(region);
    const [id] = await enlist(admin, 1, { anonymous: true });
    const bob = client(region, region.createApiKey('bob'));
    for (const [path, c] of [
      ['nodes/', { query: { op: 'accept' }, form: { nodes: id } }],
      ['nodes/', { query: { op: 'accept_all' }, form: {} }],
      ['maas/', { query: { op: 'set_config' }, form: { name: 'maas_name', value: 'x' } }],
      ['tags/', { query: { op: 'new' }, form: { name: 'x' } }],
      ['zones/', { form: { name: 'z' } }],
      [`nodes/${id}/`, { query: { op: 'power_parameters' } }],
      [`nodes/${id}/`, { method: 'DELETE' }],
      ['users/', { form: { username: 'eve', email: 'e@x', password: 'p' } }],
    ] as const) {
      const r = await bob(path, c as never);
      expect(r.status, `${path} ${JSON.stringify(c)}`).toBe(403);
      expect(r.text).toMatch(/admin|permission/);
    }
    expect((await admin(`nodes/${id}/`)).json().substatus_name).toBe('New');
    const token = (await bob('account/', { query: { op: 'create_authorisation_token' }, form: {} })).json();
    const newKey = `${token.consumer_key}:${token.token_key}:${token.token_secret}`;
    const bob2 = client(region, newKey);
    expect((await bob2('nodes/', { query: { op: 'list' } })).status).toBe(200);
    expect((await bob('account/', { query: { op: 'delete_authorisation_token' }, form: { token_key: token.token_key } })).status).toBe(204);
    expect((await bob2('nodes/', { query: { op: 'list' } })).status).toBe(401);
  });

  test('token secrets and power passwords are not in the database file in clear', async () => {
    const region = await testRegion();
    const key = region.createApiKey();
    const call = client(region, key);
    const [id] = await enlist(call, 1);
    await call(`nodes/${id}/`, { method: 'PUT', form: { power_type: 'ipmi', power_parameters_power_pass: 'Sup3rS3cretBMC' } });
    expect((await call(`nodes/${id}/`, { query: { op: 'power_parameters' } })).json().power_pass).toBe('Sup3rS3cretBMC');
    region.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const { readFileSync } = await import('node:fs');
    const raw = readFileSync(region.core.db.name);
    expect(raw.includes(Buffer.from('Sup3rS3cretBMC'))).toBe(false);
    expect(raw.includes(Buffer.from(key.split(':')[2]))).toBe(false);
  });
});
