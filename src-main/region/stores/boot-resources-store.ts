// Boot resources and their versions (sets), as MAAS 1.8's BootResource / BootResourceSet /
// BootResourceFile with one file per set: an upload made whole or in chunks (boot_resource_chunks).
import type { Database, Statement } from 'better-sqlite3';
import { nowIso } from '../db/open';

export interface ResourceRow { id: number; rtype: number; name: string; architecture: string; title: string; created: string; updated: string }
export interface SetRow { id: number; resource_id: number; version: string; filetype: string; sha256: string; size: number; received: number; created: string }

const SET_COLS = `s.id, s.resource_id, s.version, s.filetype, s.sha256, s.size, s.created,
  (SELECT coalesce(sum(length(bytes)), 0) FROM boot_resource_chunks c WHERE c.set_id = s.id) AS received`;

export class BootResourcesStore {
  readonly #list: Statement<[], ResourceRow>;
  readonly #get: Statement<[number], ResourceRow>;
  readonly #byName: Statement<[string, string], ResourceRow>;
  readonly #insert: Statement<[number, string, string, string, string, string]>;
  readonly #retitle: Statement<[string, string, number]>;
  readonly #delete: Statement<[number]>;
  readonly #sets: Statement<[number], SetRow>;
  readonly #set: Statement<[number], SetRow>;
  readonly #versions: Statement<[number], string>;
  readonly #addSet: Statement<[number, string, string, string, number, string]>;
  readonly #addChunk: Statement<[number, number, Buffer]>;
  readonly #chunks: Statement<[number], Buffer>;
  readonly #chunkCount: Statement<[number], number>;
  readonly #dropChunks: Statement<[number]>;

  constructor(db: Database) {
    this.#list = db.prepare('SELECT id, rtype, name, architecture, title, created, updated FROM boot_resources ORDER BY rtype, name, architecture');
    this.#get = db.prepare('SELECT id, rtype, name, architecture, title, created, updated FROM boot_resources WHERE id = ?');
    this.#byName = db.prepare('SELECT id, rtype, name, architecture, title, created, updated FROM boot_resources WHERE name = ? AND architecture = ?');
    this.#insert = db.prepare('INSERT INTO boot_resources (rtype, name, architecture, title, created, updated) VALUES (?, ?, ?, ?, ?, ?)');
    this.#retitle = db.prepare('UPDATE boot_resources SET title = ?, updated = ? WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM boot_resources WHERE id = ?');
    this.#sets = db.prepare(`SELECT ${SET_COLS} FROM boot_resource_sets s WHERE s.resource_id = ? ORDER BY s.id DESC`);
    this.#set = db.prepare(`SELECT ${SET_COLS} FROM boot_resource_sets s WHERE s.id = ?`);
    this.#versions = db.prepare('SELECT version FROM boot_resource_sets WHERE resource_id = ?').pluck() as Statement<[number], string>;
    this.#addSet = db.prepare('INSERT INTO boot_resource_sets (resource_id, version, filetype, sha256, size, created) VALUES (?, ?, ?, ?, ?, ?)');
    this.#addChunk = db.prepare('INSERT INTO boot_resource_chunks (set_id, seq, bytes) VALUES (?, ?, ?)');
    this.#chunks = db.prepare('SELECT bytes FROM boot_resource_chunks WHERE set_id = ? ORDER BY seq').pluck() as Statement<[number], Buffer>;
    this.#chunkCount = db.prepare('SELECT count(*) FROM boot_resource_chunks WHERE set_id = ?').pluck() as Statement<[number], number>;
    this.#dropChunks = db.prepare('DELETE FROM boot_resource_chunks WHERE set_id = ?');
  }

  list = () => this.#list.all();
  get = (id: number) => this.#get.get(id);
  sets = (resourceId: number) => this.#sets.all(resourceId);
  set = (id: number) => this.#set.get(id);
  delete = (id: number) => void this.#delete.run(id);

  /** The resource `name`/`architecture` (made when new, re-titled when `title` is given). */
  resource(rtype: number, name: string, architecture: string, title: string | undefined): ResourceRow {
    const now = nowIso();
    const found = this.#byName.get(name, architecture);
    if (!found) this.#insert.run(rtype, name, architecture, title ?? '', now, now);
    else if (title !== undefined) this.#retitle.run(title, now, found.id);
    return this.#byName.get(name, architecture)!;
  }

  /** A new version: BootResource.get_next_version_name, "YYYYMMDD", then ".1", ".2"… the same day. */
  addSet(resourceId: number, f: { filetype: string; sha256: string; size: number }): SetRow {
    const now = nowIso();
    const day = now.slice(0, 10).replace(/-/g, '');
    const taken = new Set(this.#versions.all(resourceId));
    let version = day;
    for (let i = 1; taken.has(version); i++) version = `${day}.${i}`;
    const id = Number(this.#addSet.run(resourceId, version, f.filetype, f.sha256, f.size, now).lastInsertRowid);
    return this.#set.get(id)!;
  }

  appendChunk(s: SetRow, bytes: Buffer): void {
    this.#addChunk.run(s.id, this.#chunkCount.get(s.id)!, bytes);
  }

  chunks = (setId: number) => this.#chunks.all(setId);
  dropChunks = (setId: number) => void this.#dropChunks.run(setId);
}
