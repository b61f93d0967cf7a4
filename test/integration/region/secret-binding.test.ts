// Each sealed secret is bound to its row: a ciphertext copied from one node (or token) onto
// another does not open. Values sealed by an older version (bound to the column only) are
// re-sealed to their rows when the region opens, and still open afterwards.
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startRegion } from '../../../src-main/region/start-region';
import { client, nextMac, tempDir, testRegion } from './helpers';

/** Version 1 as the previous release wrote it: version byte 1, nonce, tag, body; AAD = purpose. */
function sealV1(key: Buffer, plain: string, purpose: string): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([Buffer.from([1]), nonce, c.getAuthTag(), body]);
}

async function enlistWithPassword(admin: ReturnType<typeof client>, pass: string): Promise<string> {
  const r = await admin('nodes/', { query: { op: 'new' }, form: { architecture: 'amd64/generic', mac_addresses: nextMac(), power_type: 'ipmi',
    power_parameters_power_address: '10.0.0.9', power_parameters_power_user: 'admin', power_parameters_power_pass: pass } });
  expect(r.status, r.text).toBe(200);
  return r.json().system_id;
}

test('swapping sealed power parameters between two nodes makes them fail to open, not move', async () => {
  const region = await testRegion();
  const admin = client(region);
  const a = await enlistWithPassword(admin, 'alpha-pass');
  const b = await enlistWithPassword(admin, 'bravo-pass');
  const db = region.core.db;
  const enc = (sid: string) => db.prepare('SELECT power_params_enc FROM nodes WHERE system_id = ?').pluck().get(sid) as Buffer;
  const [ea, eb] = [enc(a), enc(b)];
  db.prepare('UPDATE nodes SET power_params_enc = ? WHERE system_id = ?').run(eb, a);
  db.prepare('UPDATE nodes SET power_params_enc = ? WHERE system_id = ?').run(ea, b);
  const read = await admin(`nodes/${a}/`, { query: { op: 'power_parameters' } });
  expect(read.status).toBe(500);
  expect(read.text).not.toContain('bravo-pass');
  expect(() => region.core.nodes.powerParams(region.core.nodes.bySystemId(a)!.id)).toThrow();
});

test('a token secret copied onto another token does not authenticate as either', async () => {
  const region = await testRegion();
  const k1 = region.createApiKey();
  const k2 = region.createApiKey();
  const db = region.core.db;
  const tokenOf = (k: string) => k.split(':')[1];
  const s1 = db.prepare('SELECT secret_enc FROM api_tokens WHERE token_key = ?').pluck().get(tokenOf(k1)) as Buffer;
  db.prepare('UPDATE api_tokens SET secret_enc = ? WHERE token_key = ?').run(s1, tokenOf(k2));
  expect((await client(region, k1)('nodes/', { query: { op: 'list' } })).status).toBe(200);
  // k2 presented with k1's secret: the copied ciphertext does not open for k2's row.
  const [c2, t2] = k2.split(':');
  const forged = `${c2}:${t2}:${k1.split(':')[2]}`;
  expect((await client(region, forged)('nodes/', { query: { op: 'list' } })).status).toBe(401);
});

test('secrets sealed by an older version (bound to the column) are re-sealed to their rows on open and still open', async () => {
  const dataDir = tempDir();
  const first = await startRegion({ dataDir, keyStorage: 'file', log: () => undefined });
  const admin = client(first);
  const sid = await enlistWithPassword(admin, 'legacy-pass');
  const key = first.createApiKey();
  const db = first.core.db;
  const regionKey = Buffer.from(readFileSync(join(dataDir, 'region.key'), 'utf8').trim(), 'base64');
  expect(regionKey.length).toBe(32);
  // Rewrite every secret as the previous version stored it.
  const nodeId = first.core.nodes.bySystemId(sid)!.id;
  const params = first.core.nodes.powerParams(nodeId);
  db.prepare('UPDATE nodes SET power_params_enc = ? WHERE id = ?').run(sealV1(regionKey, JSON.stringify(params), 'nodes.power_params'), nodeId);
  const token = key.split(':')[1];
  db.prepare('UPDATE api_tokens SET secret_enc = ? WHERE token_key = ?').run(sealV1(regionKey, key.split(':')[2], 'api_tokens.secret'), token);
  db.prepare("UPDATE config SET value = ? WHERE name = 'region:key_check'")
    .run(JSON.stringify(sealV1(regionKey, JSON.parse(db.prepare("SELECT value FROM config WHERE name = 'region:id'").pluck().get() as string), 'region:key_check').toString('base64')));
  await first.close();

  const again = await startRegion({ dataDir, keyStorage: 'file', log: () => undefined });
  try {
    const versions = again.core.db.prepare("SELECT substr(power_params_enc, 1, 1) FROM nodes UNION ALL SELECT substr(secret_enc, 1, 1) FROM api_tokens").pluck().all() as Buffer[];
    expect(versions.map((v) => v[0])).toEqual(versions.map(() => 2));
    expect(again.core.nodes.powerParams(nodeId)).toEqual(params);
    expect((await client(again, key)('nodes/', { query: { op: 'list' } })).status).toBe(200);
  } finally {
    await again.close();
  }
  // Opening once more finds nothing to re-seal and still opens.
  const third = await startRegion({ dataDir, keyStorage: 'file', log: () => undefined });
  expect(third.core.nodes.powerParams(nodeId)).toEqual(params);
  await third.close();
});
