// Physical zones. Zone 1 "default" always exists (MAAS's default zone).
import type { Database, Statement } from 'better-sqlite3';
import { nowIso } from '../db/open';

export interface ZoneRow {
  id: number;
  name: string;
  description: string;
}

export const DEFAULT_ZONE_ID = 1;

export class ZonesStore {
  readonly #byName: Statement<[string], ZoneRow>;
  readonly #list: Statement<[], ZoneRow>;
  readonly #insert: Statement<[string, string, string, string]>;
  readonly #update: Statement<[string, string, string, number]>;
  readonly #delete: Statement<[number]>;
  readonly #moveToDefault: Statement<[number, number]>;

  constructor(db: Database) {
    this.#byName = db.prepare('SELECT id, name, description FROM zones WHERE name = ?');
    this.#list = db.prepare('SELECT id, name, description FROM zones ORDER BY id');
    this.#insert = db.prepare('INSERT INTO zones (name, description, created, updated) VALUES (?, ?, ?, ?)');
    this.#update = db.prepare('UPDATE zones SET name = ?, description = ?, updated = ? WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM zones WHERE id = ?');
    this.#moveToDefault = db.prepare('UPDATE nodes SET zone_id = ? WHERE zone_id = ?');
  }

  byName(name: string): ZoneRow | undefined {
    return this.#byName.get(name);
  }

  list(): ZoneRow[] {
    return this.#list.all();
  }

  insert(name: string, description: string): ZoneRow {
    const now = nowIso();
    return { id: Number(this.#insert.run(name, description, now, now).lastInsertRowid), name, description };
  }

  update(id: number, name: string, description: string): void {
    this.#update.run(name, description, nowIso(), id);
  }

  /** Nodes of a deleted zone go to the default zone (MAAS: on_delete=SET_DEFAULT). */
  delete(id: number): void {
    this.#moveToDefault.run(DEFAULT_ZONE_ID, id);
    this.#delete.run(id);
  }
}
