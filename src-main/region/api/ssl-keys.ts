// account/prefs/sslkeys/ (MAAS 1.8 SSLKeysHandler / SSLKeyHandler): a user's X.509
// certificates, validated as MAAS did (OpenSSL load_certificate of PEM text). A key that
// is someone else's answers 403: MAAS raised PermissionDenied, which its middleware served
// as 403 (the spec page says 401).
import { X509Certificate } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { badRequest, forbidden, notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { nowIso } from '../db/open';
import { userOf } from './access';

interface SslKeyRow {
  id: number;
  user_id: number;
  key: string;
}

class SslKeysStore {
  readonly #list: Statement<[number], SslKeyRow>;
  readonly #get: Statement<[number], SslKeyRow>;
  readonly #insert: Statement<[number, string, string]>;
  readonly #delete: Statement<[number]>;

  constructor(db: Database) {
    this.#list = db.prepare('SELECT id, user_id, key FROM ssl_keys WHERE user_id = ? ORDER BY id');
    this.#get = db.prepare('SELECT id, user_id, key FROM ssl_keys WHERE id = ?');
    this.#insert = db.prepare('INSERT INTO ssl_keys (user_id, key, created) VALUES (?, ?, ?)');
    this.#delete = db.prepare('DELETE FROM ssl_keys WHERE id = ?');
  }

  list = (userId: number) => this.#list.all(userId);
  get = (id: number) => this.#get.get(id);
  insert = (userId: number, key: string): SslKeyRow => ({ id: Number(this.#insert.run(userId, key, nowIso()).lastInsertRowid), user_id: userId, key });
  delete = (id: number) => void this.#delete.run(id);
}

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

const keyJson = (k: SslKeyRow) => ({ id: k.id, key: k.key, resource_uri: `/MAAS/api/1.0/account/prefs/sslkeys/${k.id}/` });

export function sslKeysOps(core: RegionCore): OpTable {
  const store = new SslKeysStore(core.db);
  return {
    'GET list': (ctx) => json(store.list(userOf(ctx).id).map(keyJson)),
    'POST new': (ctx) => {
      const u = userOf(ctx);
      // Browsers' and undici's form encoders send text lines as CRLF: PEM is kept with LF.
      const key = (ctx.params.get('key') ?? '').replace(/\r\n/g, '\n').trim();
      if (!key) throw badRequest('key: This field is required.');
      const problem = sslKeyProblem(key);
      if (problem) throw badRequest(problem);
      return json(keyJson(core.tx(() => {
        if (store.list(u.id).some((k) => k.key === key)) throw badRequest('This key has already been added for this user.');
        return store.insert(u.id, key);
      })));
    },
  };
}

export function sslKeyOps(core: RegionCore): OpTable {
  const store = new SslKeysStore(core.db);
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
