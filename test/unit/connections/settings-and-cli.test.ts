import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, onTestFinished, test } from 'vitest';
import { readCliProfiles } from '../../../src-main/connections/cli-profiles';
import { openSettingsDb, settingsDbPath } from '../../../src-main/connections/settings-db';
import { settingsMigrations } from '../../../src-main/connections/migrations/index';
import { writeMaascliDb } from '../../support/maascli-db';

const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'conn-unit-')); onTestFinished(() => rmSync(d, { recursive: true, force: true })); return d; };

test('the settings database is created with WAL and refuses one newer than the code', () => {
  const dir = tmp();
  const db = openSettingsDb(dir);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('user_version', { simple: true })).toBe(settingsMigrations.at(-1)!.version);
  db.pragma('user_version = 999');
  db.close();
  expect(() => openSettingsDb(dir)).toThrow(/settings database is at schema version 999, newer than this program knows/);
  expect(settingsDbPath(dir)).toBe(join(dir, 'settings.sqlite'));
});

test('MAAS CLI (list credentials) and python-libmaas (object credentials) profiles are read', () => {
  const dir = tmp();
  const cli = join(dir, '.maascli.db');
  writeMaascliDb(cli, [{ name: 'admin', url: 'http://m:5240/MAAS/api/2.0/', key: 'a:b:c' }, { name: 'anon', url: 'http://m/MAAS/api/2.0/', key: null }]);
  const libmaas = join(dir, '.maas.db');
  const db = new Database(libmaas);
  db.exec('CREATE TABLE profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB, selected BOOLEAN)');
  db.prepare('INSERT INTO profiles (name, data) VALUES (?, ?)').run('lib', Buffer.from(JSON.stringify({ url: 'https://x/MAAS/', credentials: { consumer_key: 'd', token_key: 'e', token_secret: 'f' } })));
  db.close();
  expect(readCliProfiles([cli, libmaas, join(dir, 'missing.db')])).toEqual([
    { source: cli, name: 'admin', url: 'http://m:5240/MAAS/api/2.0/', apiKey: 'a:b:c' },
    { source: cli, name: 'anon', url: 'http://m/MAAS/api/2.0/', apiKey: null },
    { source: libmaas, name: 'lib', url: 'https://x/MAAS/', apiKey: 'd:e:f' },
  ]);
});

test('a file that is not a CLI database is reported by name', () => {
  const dir = tmp();
  const f = join(dir, '.maascli.db');
  writeFileSync(f, 'not sqlite at all, just text that is long enough to be read as a header');
  expect(() => readCliProfiles([f])).toThrow(new RegExp(`${f} is not a MAAS CLI profile database`));
});
