// File storage (MAAS FileStorage): per-owner files, each with a random key that allows
// anonymous download (files op=get_by_key), and users' SSH public keys.
import type { Database, Statement } from 'better-sqlite3';
import { randomKey } from './users-store';
import { nowIso } from '../db/open';

export interface FileRow {
  id: number;
  filename: string;
  owner_id: number | null;
  key: string;
}

export class FilesStore {
  readonly #get: Statement<[string, number], FileRow & { content: Buffer }>;
  readonly #byKey: Statement<[string], FileRow & { content: Buffer }>;
  readonly #list: Statement<[number, string, string], FileRow>;
  readonly #upsert: Statement<[string, number, string, Buffer]>;
  readonly #delete: Statement<[number]>;

  constructor(db: Database) {
    this.#get = db.prepare('SELECT id, filename, owner_id, key, content FROM files WHERE filename = ? AND owner_id = ?');
    this.#byKey = db.prepare('SELECT id, filename, owner_id, key, content FROM files WHERE key = ?');
    this.#list = db.prepare(`SELECT id, filename, owner_id, key FROM files WHERE owner_id = ? AND substr(filename, 1, length(?)) = ?
      ORDER BY filename`);
    this.#upsert = db.prepare(`INSERT INTO files (filename, owner_id, key, content) VALUES (?, ?, ?, ?)
      ON CONFLICT(filename, owner_id) DO UPDATE SET content = excluded.content`);
    this.#delete = db.prepare('DELETE FROM files WHERE id = ?');
  }

  get(filename: string, ownerId: number) {
    return this.#get.get(filename, ownerId);
  }

  byKey(key: string) {
    return this.#byKey.get(key);
  }

  list(ownerId: number, prefix: string): FileRow[] {
    return this.#list.all(ownerId, prefix, prefix);
  }

  put(filename: string, ownerId: number, content: Buffer): void {
    this.#upsert.run(filename, ownerId, randomKey(32), content);
  }

  delete(id: number): void {
    this.#delete.run(id);
  }
}

export interface SshKeyRow {
  id: number;
  user_id: number;
  key: string;
}

export class SshKeysStore {
  readonly #list: Statement<[number], SshKeyRow>;
  readonly #get: Statement<[number], SshKeyRow>;
  readonly #insert: Statement<[number, string, string]>;
  readonly #delete: Statement<[number]>;

  /** `table`: ssh_keys, or ssl_keys (the same shape, for account/prefs/sslkeys/). */
  constructor(db: Database, table: 'ssh_keys' | 'ssl_keys' = 'ssh_keys') {
    this.#list = db.prepare(`SELECT id, user_id, key FROM ${table} WHERE user_id = ? ORDER BY id`);
    this.#get = db.prepare(`SELECT id, user_id, key FROM ${table} WHERE id = ?`);
    this.#insert = db.prepare(`INSERT INTO ${table} (user_id, key, created) VALUES (?, ?, ?)`);
    this.#delete = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  }

  list(userId: number): SshKeyRow[] {
    return this.#list.all(userId);
  }

  get(id: number): SshKeyRow | undefined {
    return this.#get.get(id);
  }

  insert(userId: number, key: string): SshKeyRow {
    return { id: Number(this.#insert.run(userId, key, nowIso()).lastInsertRowid), user_id: userId, key };
  }

  delete(id: number): void {
    this.#delete.run(id);
  }
}
