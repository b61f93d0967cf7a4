// The app settings database (ARCHITECTURE.md "Data"): connection profiles and whatever else
// the console keeps between runs. Never a secret: API keys live in the OS keychain only.
// Pragmas at open, migrations forward-only in a transaction each (STYLE.md §4).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../sqlite/migrate';
import { settingsMigrations } from './migrations/index';

export type SettingsDb = Database.Database;

export const settingsDbPath = (dataDir: string): string => join(dataDir, 'settings.sqlite');

export function openSettingsDb(dataDir: string): SettingsDb {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(settingsDbPath(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  migrate(db, 'settings database', settingsMigrations);
  return db;
}
