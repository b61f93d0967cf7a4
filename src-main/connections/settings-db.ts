// The app settings database (ARCHITECTURE.md "Data"): connection profiles and whatever else
// the console keeps between runs. Never a secret: API keys live in the OS keychain only.
// Pragmas at open, migrations forward-only in a transaction each (STYLE.md §4).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../sqlite/migrate';
import { settingsMigrations } from './migrations/index';
import { LEGACY_TAGS_CACHE_FILE } from './migrations/0080-node-details';

export type SettingsDb = Database.Database;

export const settingsDbPath = (dataDir: string): string => join(dataDir, 'settings.sqlite');

export function openSettingsDb(dataDir: string): SettingsDb {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(settingsDbPath(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  migrate(db, 'settings database', settingsMigrations);
  // Its rows moved in with the step that gave node details one home; the file is what is left.
  for (const end of ['', '-wal', '-shm']) rmSync(join(dataDir, LEGACY_TAGS_CACHE_FILE + end), { force: true });
  return db;
}
