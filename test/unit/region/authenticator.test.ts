// Structural checks of the authenticator (no timing assertions): an unknown token or another
// consumer's token goes through the same work as a wrong signature, and the HMAC nonce cache
// is bounded and pruned on an injected clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Authenticator } from '../../../src-main/region/auth/authenticate';
import { NonceCache } from '../../../src-main/region/auth/nonce-cache';
import { signatureMatches } from '../../../src-main/region/auth/oauth';
import { openRegionDb } from '../../../src-main/region/db/open';
import { SecretBox, type SecretPlace } from '../../../src-main/region/secrets/cipher';
import { UsersStore } from '../../../src-main/region/stores/users-store';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

class CountingBox extends SecretBox {
  opens = 0;
  override open(sealed: Buffer, place: SecretPlace): string {
    this.opens++;
    return super.open(sealed, place);
  }
}

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'auth-'));
  dirs.push(dir);
  const db = openRegionDb(join(dir, 'r.db'));
  const box = new CountingBox(Buffer.alloc(32, 3));
  const users = new UsersStore(db, box);
  const u = users.create({ username: 'admin', email: 'a@x', isSuperuser: true });
  return { users, box, key: users.createToken(u.id), close: () => db.close() };
}

const plaintext = (consumer: string, token: string, secret: string, extra = '') =>
  `OAuth oauth_consumer_key="${consumer}", oauth_token="${token}", oauth_signature_method="PLAINTEXT", oauth_signature="%26${secret}"${extra}`;
const req = { method: 'GET', baseUrl: 'http://127.0.0.1/MAAS/api/1.0/nodes/', params: [] as [string, string][] };

describe('an unknown token costs what a wrong signature costs', () => {
  test('the store opens a stand-in secret when the token is unknown: one open either way', () => {
    const s = store();
    s.box.opens = 0;
    expect(s.users.tokenOrStandIn(s.key.token_key).row).toBeDefined();
    expect(s.box.opens).toBe(1);
    const miss = s.users.tokenOrStandIn('no-such-token');
    expect(miss.row).toBeUndefined();
    expect(miss.secret).toHaveLength(32);
    expect(s.box.opens).toBe(2);
    s.close();
  });

  test('the signature is checked once for a wrong signature, an unknown token and another consumer alike', () => {
    const s = store();
    const checks: string[] = [];
    const auth = new Authenticator(s.users, { checkSignature: (o, secret, r) => { checks.push(secret); return signatureMatches(o, secret, r); } });
    const cases = [
      plaintext(s.key.consumer_key, s.key.token_key, 'wrong-secret'),
      plaintext(s.key.consumer_key, 'unknown-token-key', s.key.token_secret),
      plaintext('another-consumer', s.key.token_key, s.key.token_secret),
    ];
    for (const h of cases) expect(() => auth.authenticate(h, req)).toThrow(/invalid API key or OAuth signature/);
    expect(checks).toHaveLength(3);
    // The unknown token was checked against the stand-in, never an empty or real secret.
    expect(checks[1]).not.toBe(s.key.token_secret);
    expect(checks[1]).toHaveLength(32);
    expect(auth.authenticate(plaintext(s.key.consumer_key, s.key.token_key, s.key.token_secret), req)?.user.username).toBe('admin');
    expect(checks).toHaveLength(4);
    s.close();
  });
});

describe('HMAC nonce cache', () => {
  test('a nonce is accepted once within the window, and again after it', () => {
    let now = 1000;
    const c = new NonceCache({ windowS: 900, max: 10, now: () => now });
    expect(c.use('t:1000:a')).toBe('fresh');
    expect(c.use('t:1000:a')).toBe('replayed');
    now += 901;
    expect(c.use('t:1000:a')).toBe('fresh');
  });

  test('expired entries are pruned on the clock, not kept until the cache fills', () => {
    let now = 1000;
    const c = new NonceCache({ windowS: 900, max: 1000, now: () => now, pruneEveryS: 60 });
    for (let i = 0; i < 100; i++) c.use(`t:${now}:${i}`);
    expect(c.size).toBe(100);
    now += 30; // before the next prune: nothing is dropped yet
    c.use('t:x:late');
    expect(c.size).toBe(101);
    now += 900; // the first hundred expired; the clock says prune
    c.use('t:y:later');
    expect(c.size).toBe(2);
  });

  test('bounded: past `max` live entries new nonces are refused (never forgotten early), until entries expire', () => {
    let now = 1000;
    const c = new NonceCache({ windowS: 900, max: 3, now: () => now });
    for (const n of ['a', 'b', 'c']) expect(c.use(n)).toBe('fresh');
    expect(c.use('d')).toBe('full');
    expect(c.use('a')).toBe('replayed');
    expect(c.size).toBe(3);
    now += 901;
    expect(c.use('d')).toBe('fresh');
    expect(c.size).toBe(1);
  });

  test('the authenticator answers "full" as a 503 with an injected clock', () => {
    const s = store();
    const clock = 2_000_000_000;
    const auth = new Authenticator(s.users, { now: () => clock, maxNonces: 1, checkSignature: () => true });
    const hmac = (nonce: string) => `OAuth oauth_consumer_key="${s.key.consumer_key}", oauth_token="${s.key.token_key}", ` +
      `oauth_signature_method="HMAC-SHA1", oauth_signature="x", oauth_timestamp="${clock}", oauth_nonce="${nonce}"`;
    expect(auth.authenticate(hmac('n1'), req)).not.toBeNull();
    expect(() => auth.authenticate(hmac('n1'), req)).toThrow(/already used/);
    expect(() => auth.authenticate(hmac('n2'), req)).toThrow(expect.objectContaining({ kind: 'unavailable' }));
    s.close();
  });
});
