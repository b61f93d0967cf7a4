// The app settings database (ARCHITECTURE.md "Data"): connection profiles and whatever else
// the console keeps between runs. Never a secret: API keys live in the OS keychain only.
// Pragmas at open, migrations forward-only in a transaction each (STYLE.md §4).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { settingsMigrations, type Migration } from './migrations/index';

export type SettingsDb = Database.Database;

export class DatabaseTooNew extends Error {
  constructor(readonly at: number, readonly known: number) {
    super(`The settings database is at version ${at}, newer than this console knows (${known}); use a newer console or another data directory.`);
  }
}

export function migrate(db: SettingsDb, steps: Migration[]): void {
  const at = db.pragma('user_version', { simple: true }) as number;
  const top = steps.at(-1)?.version ?? 0;
  if (at > top) throw new DatabaseTooNew(at, top);
  for (const s of steps.filter((m) => m.version > at)) {
    db.transaction(() => { s.up(db); db.pragma(`user_version = ${s.version}`); }).immediate();
  }
}

export const settingsDbPath = (dataDir: string): string => join(dataDir, 'settings.sqlite');

export function openSettingsDb(dataDir: string): SettingsDb {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(settingsDbPath(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  migrate(db, settingsMigrations);
  return db;
}
