// Profiles of the MAAS CLI. `maas login NAME URL KEY` keeps them in ~/.maascli.db, an
// SQLite file (mode 0600) with a `profiles (id, name, data)` table whose `data` is a JSON
// blob {name, url, credentials: [consumer_key, token_key, token_secret], description}
// (canonical/maas src/maascli/config.py); python-libmaas keeps the same in ~/.maas.db.
// The keys sit there in plain text: importing moves them into the keychain, and can blank
// them in the CLI's file afterwards.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ConsoleFailure } from '../../src-shared/contract/errors';

export interface CliProfileWithKey {
  source: string;
  name: string;
  url: string;
  /** consumer:token:secret, or null for an anonymous profile. Main-process only. */
  apiKey: string | null;
}

export const defaultCliFiles = (home = homedir()): string[] => [join(home, '.maascli.db'), join(home, '.maas.db')];

function keyOf(credentials: unknown): string | null {
  if (Array.isArray(credentials) && credentials.length === 3 && credentials.every((c) => typeof c === 'string')) return credentials.join(':');
  if (typeof credentials === 'string' && credentials.split(':').length === 3) return credentials;
  if (credentials && typeof credentials === 'object') {
    const c = credentials as Record<string, unknown>;
    if (typeof c.consumer_key === 'string' && typeof c.token_key === 'string' && typeof c.token_secret === 'string') {
      return `${c.consumer_key}:${c.token_key}:${c.token_secret}`;
    }
  }
  return null;
}

const decode = (data: unknown): Record<string, unknown> | null => {
  try {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    const v = JSON.parse(text);
    return v && typeof v === 'object' ? v : null;
  } catch { return null; }
};

/** Every profile in the files that exist; a file that is not such a database is reported. */
export function readCliProfiles(files: string[]): CliProfileWithKey[] {
  const out: CliProfileWithKey[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    let db: Database.Database | null = null;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const rows = db.prepare('SELECT name, data FROM profiles ORDER BY name').all() as { name: string; data: unknown }[];
      for (const row of rows) {
        const data = decode(row.data);
        if (!data || typeof data.url !== 'string') continue;
        out.push({ source: file, name: String(row.name), url: data.url, apiKey: keyOf(data.credentials) });
      }
    } catch (e) {
      throw new ConsoleFailure('bad-input', `${file} is not a MAAS CLI profile database: ${(e as Error).message}`);
    } finally {
      db?.close();
    }
  }
  return out;
}

/** Blanks a profile's credentials in the CLI's file (the CLI then treats it as anonymous). */
export function forgetCliKey(file: string, name: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const row = db.prepare('SELECT data FROM profiles WHERE name = ?').get(name) as { data: unknown } | undefined;
    const data = row && decode(row.data);
    if (!data) return;
    data.credentials = null;
    db.prepare('UPDATE profiles SET data = ? WHERE name = ?').run(JSON.stringify(data), name);
  } finally {
    db.close();
  }
}
