// account/prefs/sslkeys/ (MAAS 1.8 SSLKeysHandler / SSLKeyHandler): a user's X.509
// certificates, validated as MAAS did (OpenSSL load_certificate of PEM text). A key that
// is someone else's answers 403: MAAS raised PermissionDenied, which its middleware served
// as 403 (the spec page says 401).
import { X509Certificate } from 'node:crypto';
import { badRequest, forbidden, notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { fieldError } from './form';
import { SshKeysStore, type SshKeyRow } from '../stores/files-store';
import { userOf } from './access';

const PEM = /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/;

/** Null when `key` is one PEM certificate OpenSSL can load, else why not. */
export function sslKeyProblem(key: string): string | null {
  if (key.length > 65_536) return 'Invalid SSL key: longer than 65536 characters.';
  if (!PEM.test(key.trim())) return 'Invalid SSL key: expected one PEM certificate ("-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----").';
  try {
    new X509Certificate(key.trim());
  } catch {
    return 'Invalid SSL key: the PEM data is not an X.509 certificate.';
  }
  return null;
}

const keyJson = (k: SshKeyRow) => ({ id: k.id, key: k.key, resource_uri: `/MAAS/api/1.0/account/prefs/sslkeys/${k.id}/` });

export function sslKeysOps(core: RegionCore): OpTable {
  const store = new SshKeysStore(core.db, 'ssl_keys');
  return {
    'GET list': (ctx) => json(store.list(userOf(ctx).id).map(keyJson)),
    'POST new': (ctx) => {
      const u = userOf(ctx);
      // Browsers' and undici's form encoders send text lines as CRLF: PEM is kept with LF.
      const key = (ctx.params.get('key') ?? '').replace(/\r\n/g, '\n').trim();
      if (!key) throw fieldError('key', 'This field is required.');
      const problem = sslKeyProblem(key);
      if (problem) throw fieldError('key', problem);
      // SSLKeysHandler.new (MAAS 1.8 maasserver/api/ssl_keys.py) answers 201 CREATED.
      return json(keyJson(core.tx(() => {
        if (store.list(u.id).some((k) => k.key === key)) throw fieldError('key', 'This key has already been added for this user.');
        return store.insert(u.id, key);
      })), 201);
    },
  };
}

export function sslKeyOps(core: RegionCore): OpTable {
  const store = new SshKeysStore(core.db, 'ssl_keys');
  const find = (ctx: Ctx) => {
    const u = userOf(ctx);
    const k = /^\d{1,15}$/.test(ctx.args[0]) ? store.get(Number(ctx.args[0])) : undefined;
    if (!k) throw notFound(`SSL key ${clip(ctx.args[0])}`);
    if (k.user_id !== u.id) throw forbidden('This SSL key belongs to another user.');
    return k;
  };
  const del = (ctx: Ctx) => {
    core.tx(() => store.delete(find(ctx).id));
    return noContent();
  };
  return { GET: (ctx) => json(keyJson(find(ctx))), DELETE: del, 'GET delete': del };
}
