// Connection profiles in the settings database: one class, statements prepared once.
import type { ApiVersion } from '../../src-shared/contract/maas-types';
import type { ConnectionHealth } from '../../src-shared/contract/connections';
import type { SettingsDb } from './settings-db';

export interface Profile {
  id: string;
  kind: 'embedded' | 'remote';
  name: string;
  url: string;
  apiVersion: ApiVersion | null;
  maasVersion: string | null;
  tlsCaFile: string | null;
  tlsPinnedFingerprint: string | null;
  tlsPinnedAnchorPem: string | null;
  health: ConnectionHealth;
  healthMessage: string | null;
  lastReached: string | null;
  lastChecked: string | null;
  importedFrom: string | null;
  createdAt: string;
}

const COLUMNS: Record<keyof Profile, string> = {
  id: 'id', kind: 'kind', name: 'name', url: 'url', apiVersion: 'api_version', maasVersion: 'maas_version',
  tlsCaFile: 'tls_ca_file', tlsPinnedFingerprint: 'tls_pinned_fingerprint', tlsPinnedAnchorPem: 'tls_pinned_anchor_pem',
  health: 'health', healthMessage: 'health_message', lastReached: 'last_reached', lastChecked: 'last_checked',
  importedFrom: 'imported_from', createdAt: 'created_at',
};
const SELECT = `SELECT ${Object.entries(COLUMNS).map(([k, c]) => `${c} AS ${k}`).join(', ')} FROM connection_profiles`;
const ACTIVE_KEY = 'active_connection';

export class ProfileStore {
  #all; #one; #byName; #insert; #delete; #getSetting; #setSetting;
  constructor(private readonly db: SettingsDb) {
    // "This laptop" first, then by name.
    this.#all = db.prepare(`${SELECT} ORDER BY kind = 'embedded' DESC, name COLLATE NOCASE`);
    this.#one = db.prepare(`${SELECT} WHERE id = ?`);
    this.#byName = db.prepare(`${SELECT} WHERE name = ? COLLATE NOCASE`);
    const cols = Object.values(COLUMNS);
    this.#insert = db.prepare(`INSERT INTO connection_profiles (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    this.#delete = db.prepare('DELETE FROM connection_profiles WHERE id = ?');
    this.#getSetting = db.prepare('SELECT value FROM app_settings WHERE key = ?');
    this.#setSetting = db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  all(): Profile[] { return this.#all.all() as Profile[]; }
  get(id: string): Profile | undefined { return this.#one.get(id) as Profile | undefined; }
  byName(name: string): Profile | undefined { return this.#byName.get(name) as Profile | undefined; }

  insert(p: Profile): void {
    const row = Object.fromEntries(Object.entries(COLUMNS).map(([k, c]) => [c, p[k as keyof Profile]]));
    this.#insert.run(row);
  }

  update(id: string, patch: Partial<Omit<Profile, 'id' | 'kind' | 'createdAt'>>): void {
    const keys = Object.keys(patch) as (keyof Profile)[];
    if (!keys.length) return;
    // Column names come from the fixed COLUMNS table, never from the caller.
    const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ');
    this.db.prepare(`UPDATE connection_profiles SET ${sets} WHERE id = @id`).run({ ...patch, id });
  }

  remove(id: string): void { this.#delete.run(id); }

  activeId(): string | null { return (this.#getSetting.get(ACTIVE_KEY) as { value: string } | undefined)?.value ?? null; }
  setActive(id: string): void { this.#setSetting.run(ACTIVE_KEY, id); }
}
