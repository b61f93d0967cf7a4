// One home for node details. Until this step a remote node's lshw was kept twice: with the
// node detail shown (`remote_snapshot_details`, here) and in the Tags view's own cache file
// (`details-cache.sqlite`: lshw, LLDP and the node list it was fetched under). Both move into
// `node_details` (and the tag view's node list, sync times and tag lists into tables of their
// own here), the snapshot's table is dropped, and the cache file is left for the console to
// delete once this step is committed (node-details-home.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Migration } from '../../sqlite/migrate';

/** The cache file the Tags view kept next to the settings database before this step. */
export const LEGACY_TAGS_CACHE_FILE = 'details-cache.sqlite';

export const nodeDetailsHome: Migration = {
  version: 80,
  name: 'one home for node details',
  up(db) {
    db.exec(`
      CREATE TABLE node_details (
        connection_id TEXT NOT NULL,
        system_id     TEXT NOT NULL,
        lshw          BLOB,
        lldp          BLOB,
        fingerprint   TEXT,
        fetched_at    TEXT NOT NULL,
        view_json     TEXT,
        view_at       TEXT,
        PRIMARY KEY (connection_id, system_id)
      ) STRICT;
      CREATE TABLE tag_nodes (
        connection_id TEXT NOT NULL, system_id TEXT NOT NULL, hostname TEXT NOT NULL,
        status_name TEXT NOT NULL, tags TEXT NOT NULL, fingerprint TEXT NOT NULL,
        PRIMARY KEY (connection_id, system_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE details_syncs (connection_id TEXT PRIMARY KEY, last_sync TEXT NOT NULL) STRICT, WITHOUT ROWID;
      CREATE TABLE tag_lists (connection_id TEXT PRIMARY KEY, tags TEXT NOT NULL, at TEXT NOT NULL) STRICT, WITHOUT ROWID;
      -- The snapshot kept lshw only (no LLDP): a NULL fingerprint says so, and the tag
      -- preview leaves such a node out until its details are fetched whole.
      INSERT INTO node_details (connection_id, system_id, lshw, lldp, fingerprint, fetched_at, view_json, view_at)
        SELECT connection_id, system_id, lshw, NULL, NULL, taken_at, detail_json, taken_at FROM remote_snapshot_details;
      DROP TABLE remote_snapshot_details;
    `);
    const legacy = join(dirname(db.name), LEGACY_TAGS_CACHE_FILE);
    if (db.name !== '' && db.name !== ':memory:' && existsSync(legacy)) importTagsCache(db, legacy);
  },
};

const tableNames = (db: Database.Database) =>
  new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));

/**
 * Copies the old cache file's rows (details deflated the same way, so the bytes move as they
 * are). Its whole details win over the snapshot's lshw-only copy; a cache that cannot be
 * read is skipped: it only costs fetching the details again.
 */
function importTagsCache(db: Database.Database, path: string): void {
  let old: Database.Database;
  try { old = new Database(path, { fileMustExist: true }); } catch { return; }
  try {
    const has = tableNames(old);
    if (!['nodes', 'details', 'syncs', 'tag_lists'].every((t) => has.has(t))) return;
    const put = db.prepare(`INSERT INTO node_details (connection_id, system_id, lshw, lldp, fingerprint, fetched_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (connection_id, system_id) DO UPDATE SET lshw = excluded.lshw,
      lldp = excluded.lldp, fingerprint = excluded.fingerprint, fetched_at = excluded.fetched_at`);
    for (const r of old.prepare('SELECT connection_id, system_id, lshw, lldp, fingerprint, fetched_at FROM details').raw().iterate()) put.run(...(r as unknown[]));
    const node = db.prepare('INSERT INTO tag_nodes VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of old.prepare('SELECT connection_id, system_id, hostname, status_name, tags, fingerprint FROM nodes').raw().iterate()) node.run(...(r as unknown[]));
    const sync = db.prepare('INSERT INTO details_syncs VALUES (?, ?)');
    for (const r of old.prepare('SELECT connection_id, last_sync FROM syncs').raw().iterate()) sync.run(...(r as unknown[]));
    const tags = db.prepare('INSERT INTO tag_lists VALUES (?, ?, ?)');
    for (const r of old.prepare('SELECT connection_id, tags, at FROM tag_lists').raw().iterate()) tags.run(...(r as unknown[]));
  } catch {
    // A damaged cache: what was copied stays, the rest is fetched again.
  } finally {
    old.close();
  }
}
