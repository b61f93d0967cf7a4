import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { DatabaseTooNew, migrate } from '../../../src-main/sqlite/migrate';
import { openRegionDb } from '../../../src-main/region/db/open';
import { migrations } from '../../../src-main/region/db/migrations/index';
import { SecretBox } from '../../../src-main/region/secrets/cipher';
import { obtainRegionKey, KEYCHAIN_SERVICE, type Keychain } from '../../../src-main/region/secrets/key-source';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'region-unit-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  test('a new database gets WAL, foreign keys and the latest user_version', () => {
    const db = openRegionDb(join(temp(), 'r.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    db.close();
  });

  test('a database newer than the code is refused', () => {
    const file = join(temp(), 'r.db');
    const raw = new Database(file);
    raw.pragma('user_version = 9999');
    raw.close();
    expect(() => openRegionDb(file)).toThrow(DatabaseTooNew);
  });

  test('a failing step leaves the database at the previous version', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, 'test database', [{ version: 10, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 20, name: 'bad', up: (d) => d.exec('CREATE TABLE b (x); NOT SQL') }])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
  });

  test('the node list uses the status index', () => {
    const db = openRegionDb(join(temp(), 'r.db'));
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM nodes WHERE status = 0').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/nodes_status/);
    db.close();
  });
});

describe('secrets at rest', () => {
  test('sealed values open only with the same key, table, column and row', () => {
    const box = new SecretBox(Buffer.alloc(32, 7));
    const at = { table: 'nodes', column: 'power_params_enc', rowId: 1 };
    const sealed = box.seal('s3cret', at);
    expect(sealed.includes(Buffer.from('s3cret'))).toBe(false);
    expect(box.open(sealed, at)).toBe('s3cret');
    expect(() => box.open(sealed, { ...at, rowId: 2 })).toThrow();
    expect(() => box.open(sealed, { ...at, column: 'other' })).toThrow();
    expect(() => box.open(sealed, { ...at, table: 'api_tokens' })).toThrow();
    expect(() => new SecretBox(Buffer.alloc(32, 8)).open(sealed, at)).toThrow();
  });

  test('no keychain: a 0600 key file and a warning', async () => {
    const dir = temp();
    const warnings: string[] = [];
    const k = await obtainRegionKey({ dataDir: dir, regionId: 'r1', fresh: true, warn: (t) => warnings.push(t),
      keychain: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')) });
    expect(k.storage).toBe('file');
    expect(statSync(join(dir, 'region.key')).mode & 0o777).toBe(0o600);
    expect(warnings.join()).toMatch(/no OS keychain/);
    const again = await obtainRegionKey({ dataDir: dir, regionId: 'r1', fresh: false });
    expect(again.key.equals(k.key)).toBe(true);
  });

  test('keychain: stored under service maas-console-region; missing later is an error, not a new key', async () => {
    const store = new Map<string, string>();
    const kc: Keychain = {
      getPassword: async (s, a) => store.get(`${s}/${a}`) ?? null,
      setPassword: async (s, a, p) => void store.set(`${s}/${a}`, p),
    };
    const k = await obtainRegionKey({ dataDir: temp(), regionId: 'r2', fresh: true, keychain: async () => kc });
    expect(k.storage).toBe('keychain');
    expect(store.has(`${KEYCHAIN_SERVICE}/r2`)).toBe(true);
    store.clear();
    await expect(obtainRegionKey({ dataDir: temp(), regionId: 'r2', fresh: false, keychain: async () => kc })).rejects.toThrow(/not in the OS keychain/);
  });

  test('a region that holds secrets, opened preferring a key file it lacks: its keychain key, never a new file', async () => {
    const store = new Map<string, string>();
    const kc: Keychain = {
      getPassword: async (s, a) => store.get(`${s}/${a}`) ?? null,
      setPassword: async (s, a, p) => void store.set(`${s}/${a}`, p),
    };
    const dir = temp();
    const made = await obtainRegionKey({ dataDir: dir, regionId: 'r3', fresh: true, keychain: async () => kc });
    const reopened = await obtainRegionKey({ dataDir: dir, regionId: 'r3', fresh: false, prefer: 'file', keychain: async () => kc });
    expect(reopened).toEqual({ key: made.key, storage: 'keychain' });
    store.clear();
    await expect(obtainRegionKey({ dataDir: dir, regionId: 'r3', fresh: false, prefer: 'file', keychain: async () => kc }))
      .rejects.toThrow(/not in the OS keychain.*no region\.key in .* either/);
    expect(existsSync(join(dir, 'region.key'))).toBe(false);
  });
});
