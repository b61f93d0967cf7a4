// license-keys/ and license-key/{osystem}/{distro_series} (MAAS 1.8 LicenseKeysHandler /
// LicenseKeyHandler, admin only). MAAS offered only operating systems whose releases need
// a key: here Windows, with the releases MAAS 1.8 knew and its key format
// (provisioningserver/drivers/osystem/windows.py). Keys are sealed like power passwords.
import type { Database, Statement } from 'better-sqlite3';
import { notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import type { SecretBox } from '../secrets/cipher';
import { licenseKeyPlace } from '../secrets/places';
import { requireAdmin } from './access';
import { field, fieldError, requiredField } from './form';

/** Windows releases of MAAS 1.8 (WINDOWS_CHOICES), the only OS with license keys. */
export const LICENSED_SERIES: Record<string, readonly string[]> = {
  windows: ['win2008r2', 'win2008hvr2', 'win2012', 'win2012hv', 'win2012r2', 'win2012hvr2'],
};
const WINDOWS_KEY = /^([A-Za-z0-9]{5}-){4}[A-Za-z0-9]{5}$/;

interface KeyRow {
  id: number;
  osystem: string;
  distro_series: string;
  license_key: string;
}

class LicenseKeysStore {
  readonly #list: Statement<[], { id: number; osystem: string; distro_series: string; license_key_enc: Buffer }>;
  readonly #get: Statement<[string, string], { id: number; osystem: string; distro_series: string; license_key_enc: Buffer }>;
  readonly #upsert: Statement<[string, string], { id: number }>;
  readonly #setKey: Statement<[Buffer, number]>;
  readonly #delete: Statement<[number]>;

  constructor(private readonly db: Database, private readonly box: SecretBox) {
    this.#list = db.prepare('SELECT id, osystem, distro_series, license_key_enc FROM license_keys ORDER BY osystem, distro_series');
    this.#get = db.prepare('SELECT id, osystem, distro_series, license_key_enc FROM license_keys WHERE osystem = ? AND distro_series = ?');
    this.#upsert = db.prepare(`INSERT INTO license_keys (osystem, distro_series, license_key_enc) VALUES (?, ?, x'')
      ON CONFLICT(osystem, distro_series) DO UPDATE SET osystem = excluded.osystem RETURNING id`);
    this.#setKey = db.prepare('UPDATE license_keys SET license_key_enc = ? WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM license_keys WHERE id = ?');
  }

  #open = (r: { id: number; osystem: string; distro_series: string; license_key_enc: Buffer }): KeyRow =>
    ({ id: r.id, osystem: r.osystem, distro_series: r.distro_series, license_key: this.box.open(r.license_key_enc, licenseKeyPlace(r.id)) });

  list = (): KeyRow[] => this.#list.all().map(this.#open);
  get = (os: string, series: string): KeyRow | undefined => {
    const r = this.#get.get(os, series);
    return r && this.#open(r);
  };
  /** The row id is part of the seal: the row is made (or found) first, then sealed for it. */
  put = (os: string, series: string, key: string): void => this.db.transaction(() => {
    const id = this.#upsert.get(os, series)!.id;
    this.#setKey.run(this.box.seal(key, licenseKeyPlace(id)), id);
  })();
  delete = (id: number) => void this.#delete.run(id);
}

const keyJson = (k: Omit<KeyRow, 'id'>) => ({
  osystem: k.osystem, distro_series: k.distro_series, license_key: k.license_key,
  resource_uri: `/MAAS/api/1.0/license-key/${k.osystem}/${k.distro_series}`,
});

function checkSeries(osystem: string, series: string, param = 'osystem'): void {
  const known = LICENSED_SERIES[osystem];
  if (!known) throw fieldError(param, `"${clip(osystem)}" is not an operating system that takes license keys (known: ${Object.keys(LICENSED_SERIES).join(', ')}).`);
  if (!known.includes(series)) throw fieldError('distro_series', `"${clip(series)}" is not a ${osystem} release that takes a license key (known: ${known.join(', ')}).`);
}

function checkKey(osystem: string, key: string): void {
  if (osystem === 'windows' && !WINDOWS_KEY.test(key)) throw fieldError('license_key', 'Invalid license key: a Windows key is five groups of five letters or digits, e.g. XXXXX-XXXXX-XXXXX-XXXXX-XXXXX.');
}

export function licenseKeysOps(core: RegionCore): OpTable {
  const store = new LicenseKeysStore(core.db, core.box);
  return {
    GET: (ctx) => {
      requireAdmin(ctx, 'Reading license keys');
      return json(store.list().map(keyJson));
    },
    POST: (ctx) => {
      requireAdmin(ctx, 'Defining license keys');
      const osystem = requiredField(ctx.params, 'osystem', 100);
      const series = requiredField(ctx.params, 'distro_series', 100);
      const key = requiredField(ctx.params, 'license_key', 100);
      checkSeries(osystem, series);
      checkKey(osystem, key);
      core.tx(() => {
        if (store.get(osystem, series)) throw fieldError('__all__', `License key with this osystem and distro_series already exists.`);
        store.put(osystem, series, key);
      });
      return json(keyJson({ osystem, distro_series: series, license_key: key }));
    },
  };
}

export function licenseKeyOps(core: RegionCore): OpTable {
  const store = new LicenseKeysStore(core.db, core.box);
  const find = (ctx: Ctx, what: string) => {
    requireAdmin(ctx, what);
    const k = store.get(ctx.args[0], ctx.args[1]);
    if (!k) throw notFound(`License key for ${clip(ctx.args[0])}/${clip(ctx.args[1])}`);
    return k;
  };
  return {
    GET: (ctx) => json(keyJson(find(ctx, 'Reading license keys'))),
    PUT: (ctx) => {
      const k = find(ctx, 'Changing license keys');
      const osystem = field(ctx.params, 'osystem', 100) || k.osystem;
      const series = field(ctx.params, 'distro_series', 100) || k.distro_series;
      const key = field(ctx.params, 'license_key', 100) || k.license_key;
      checkSeries(osystem, series);
      checkKey(osystem, key);
      core.tx(() => {
        const other = store.get(osystem, series);
        if (other && other.id !== k.id) throw fieldError('__all__', 'License key with this osystem and distro_series already exists.');
        store.delete(k.id);
        store.put(osystem, series, key);
      });
      return json(keyJson({ osystem, distro_series: series, license_key: key }));
    },
    DELETE: (ctx) => {
      const k = find(ctx, 'Deleting license keys');
      core.tx(() => store.delete(k.id));
      return noContent();
    },
  };
}
