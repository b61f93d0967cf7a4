// Opens (creating if needed) the region database: WAL, foreign keys, FULL sync so an
// acknowledged change survives even an OS crash, then migrations.
import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { migrate } from '../../sqlite/migrate';
import { migrations } from './migrations/index';

export function openRegionDb(file: string): Db {
  const db = new Database(file);
  try {
    chmodSync(file, 0o600); // details, users and events are nobody else's business
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db, 'region database', migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export const nowIso = (): string => new Date().toISOString();
