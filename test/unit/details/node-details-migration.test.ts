// The settings database step that gives node details one home: a database of the schema
// before it (details kept with the snapshot's node detail, and in the Tags view's own cache
// file) keeps every row, read through the one store; the old table and the old file are gone.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { openSettingsDb, settingsDbPath } from '../../../src-main/connections/settings-db';
import { settingsMigrations } from '../../../src-main/connections/migrations/index';
import { migrate } from '../../../src-main/sqlite/migrate';
import { NodeDetailsStore } from '../../../src-main/console/details/node-details-store';
import { TagsCache } from '../../../src-main/console/tags/tags-cache';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
const pack = (s: string) => deflateRawSync(Buffer.from(s, 'utf8'));

// The Tags view's cache file as the console before this step wrote it (its schema 10).
const OLD_CACHE_SCHEMA = `
  CREATE TABLE nodes (connection_id TEXT NOT NULL, system_id TEXT NOT NULL, hostname TEXT NOT NULL,
    status_name TEXT NOT NULL, tags TEXT NOT NULL, fingerprint TEXT NOT NULL, PRIMARY KEY (connection_id, system_id)) WITHOUT ROWID;
  CREATE TABLE details (connection_id TEXT NOT NULL, system_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
    lshw BLOB, lldp BLOB, fetched_at TEXT NOT NULL, PRIMARY KEY (connection_id, system_id),
    FOREIGN KEY (connection_id, system_id) REFERENCES nodes ON DELETE CASCADE) WITHOUT ROWID;
  CREATE TABLE syncs (connection_id TEXT PRIMARY KEY, last_sync TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE tag_lists (connection_id TEXT PRIMARY KEY, tags TEXT NOT NULL, at TEXT NOT NULL) WITHOUT ROWID;
  PRAGMA user_version = 10;`;

function oldDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'details-migration-'));
  dirs.push(dir);
  const settings = new Database(settingsDbPath(dir));
  migrate(settings, 'settings database', settingsMigrations.filter((m) => m.version <= 70));
  const put = settings.prepare('INSERT INTO remote_snapshot_details VALUES (?, ?, ?, ?, ?)');
  const view = (id: string, serial: string) => JSON.stringify({ node: { systemId: id, hostname: `h-${id}` }, hardware: { serial, disks: [] } });
  put.run('dc1', 'viewed', '2026-11-20T10:00:00.000Z', view('viewed', 'SN-VIEWED'), pack('<node id="viewed"/>'));
  put.run('dc1', 'both', '2026-11-20T10:00:00.000Z', view('both', 'SN-BOTH'), pack('<node id="both-old"/>'));
  settings.close();
  const cache = new Database(join(dir, 'details-cache.sqlite'));
  cache.exec(OLD_CACHE_SCHEMA);
  const node = cache.prepare('INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?)');
  const det = cache.prepare('INSERT INTO details VALUES (?, ?, ?, ?, ?, ?)');
  for (const id of ['both', 'tagged']) {
    node.run('dc1', id, `h-${id}`, 'Ready', '["gpu"]', `fp-${id}`);
    det.run('dc1', id, `fp-${id}`, pack(`<node id="${id}"/>`), pack(`<lldp id="${id}"/>`), '2026-11-21T09:00:00.000Z');
  }
  cache.prepare('INSERT INTO syncs VALUES (?, ?)').run('dc1', '2026-11-21T09:00:05.000Z');
  cache.prepare('INSERT INTO tag_lists VALUES (?, ?, ?)').run('dc1', '[{"name":"gpu","definition":"//node","comment":"","kernelOpts":null}]', '2026-11-21T09:00:06.000Z');
  cache.close();
  return dir;
}

test('every kept detail, view, node list, sync time and tag list moves into the one home', () => {
  const dir = oldDataDir();
  const db = openSettingsDb(dir);
  try {
    const details = new NodeDetailsStore(db);
    // Kept only with a node detail: the view and its lshw stay; not whole details (no LLDP kept).
    expect(details.view('dc1', 'viewed')?.detail.node.hostname).toBe('h-viewed');
    expect(details.view('dc1', 'viewed')?.takenAt).toBe('2026-11-20T10:00:00.000Z');
    expect(details.lshw('dc1', 'viewed')).toBe('<node id="viewed"/>');
    expect(details.get('dc1', 'viewed')).toBeNull();
    // Kept in both: the cache's whole details win, the view stays.
    expect(details.get('dc1', 'both')).toEqual({ systemId: 'both', lshw: '<node id="both"/>', lldp: '<lldp id="both"/>', fingerprint: 'fp-both', fetchedAt: '2026-11-21T09:00:00.000Z' });
    expect(details.view('dc1', 'both')?.detail.node.systemId).toBe('both');
    expect(details.get('dc1', 'tagged')?.lldp).toBe('<lldp id="tagged"/>');
    expect([...details.versions('dc1').keys()].sort()).toEqual(['both', 'tagged']);
    expect([...details.serials('dc1')].sort()).toEqual([['both', ['SN-BOTH']], ['viewed', ['SN-VIEWED']]]);
    const tags = new TagsCache(db);
    expect(tags.nodes('dc1').map((n) => [n.systemId, n.fingerprint, n.tags])).toEqual([['both', 'fp-both', ['gpu']], ['tagged', 'fp-tagged', ['gpu']]]);
    expect(tags.lastSync('dc1')).toBe('2026-11-21T09:00:05.000Z');
    expect(tags.tags('dc1')?.tags.map((t) => t.name)).toEqual(['gpu']);
    // No second copy: the snapshot's table and the cache file are gone.
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).not.toContain('remote_snapshot_details');
    expect(tables).toContain('node_details');
    expect(existsSync(join(dir, 'details-cache.sqlite'))).toBe(false);
  } finally {
    db.close();
  }
});

test('a new data folder, or one whose cache file is damaged, migrates with what it has', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'details-migration-'));
  dirs.push(fresh);
  openSettingsDb(fresh).close();
  const dir = oldDataDir();
  rmSync(join(dir, 'details-cache.sqlite'));
  const broken = new Database(join(dir, 'details-cache.sqlite'));
  broken.exec('CREATE TABLE something_else (x)');
  broken.close();
  const db = openSettingsDb(dir);
  try {
    const details = new NodeDetailsStore(db);
    expect(details.lshw('dc1', 'viewed')).toBe('<node id="viewed"/>');
    expect(details.get('dc1', 'tagged')).toBeNull(); // fetched again when the Tags view opens
  } finally {
    db.close();
  }
});
