// Tags and node↔tag membership.
import type { Database, Statement } from 'better-sqlite3';
import { nowIso } from '../db/open';

export interface TagRow {
  id: number;
  name: string;
  definition: string;
  comment: string;
  kernel_opts: string;
}

export class TagsStore {
  readonly #byName: Statement<[string], TagRow>;
  readonly #byId: Statement<[number], TagRow>;
  readonly #list: Statement<[], TagRow>;
  readonly #insert: Statement<[string, string, string, string, string, string]>;
  readonly #delete: Statement<[number]>;
  readonly #members: Statement<[number], { node_id: number }>;
  readonly #add: Statement<[number, number]>;
  readonly #remove: Statement<[number, number]>;
  readonly #tagsOf: Statement<[number], { name: string }>;
  readonly #withDefinition: Statement<[], TagRow>;

  constructor(private readonly db: Database) {
    const cols = 'id, name, definition, comment, kernel_opts';
    this.#byName = db.prepare(`SELECT ${cols} FROM tags WHERE name = ?`);
    this.#byId = db.prepare(`SELECT ${cols} FROM tags WHERE id = ?`);
    this.#list = db.prepare(`SELECT ${cols} FROM tags ORDER BY id`);
    this.#insert = db.prepare('INSERT INTO tags (name, definition, comment, kernel_opts, created, updated) VALUES (?, ?, ?, ?, ?, ?)');
    this.#delete = db.prepare('DELETE FROM tags WHERE id = ?');
    this.#members = db.prepare('SELECT node_id FROM node_tags WHERE tag_id = ?');
    this.#add = db.prepare('INSERT OR IGNORE INTO node_tags (node_id, tag_id) VALUES (?, ?)');
    this.#remove = db.prepare('DELETE FROM node_tags WHERE node_id = ? AND tag_id = ?');
    this.#tagsOf = db.prepare('SELECT t.name FROM node_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.node_id = ? ORDER BY t.name');
    this.#withDefinition = db.prepare(`SELECT ${cols} FROM tags WHERE definition != '' ORDER BY id`);
  }

  byName(name: string): TagRow | undefined {
    return this.#byName.get(name);
  }

  byId(id: number): TagRow | undefined {
    return this.#byId.get(id);
  }

  list(): TagRow[] {
    return this.#list.all();
  }

  withDefinition(): TagRow[] {
    return this.#withDefinition.all();
  }

  insert(t: Omit<TagRow, 'id'>): TagRow {
    const now = nowIso();
    const id = Number(this.#insert.run(t.name, t.definition, t.comment, t.kernel_opts, now, now).lastInsertRowid);
    return { id, ...t };
  }

  update(id: number, t: Partial<Omit<TagRow, 'id'>>): void {
    const names = Object.keys(t).filter((k) => ['name', 'definition', 'comment', 'kernel_opts'].includes(k));
    if (!names.length) return;
    this.db.prepare(`UPDATE tags SET ${names.map((n) => `${n} = ?`).join(', ')}, updated = ? WHERE id = ?`)
      .run(...names.map((n) => (t as Record<string, string>)[n]), nowIso(), id);
  }

  delete(id: number): void {
    this.#delete.run(id);
  }

  memberIds(tagId: number): Set<number> {
    return new Set(this.#members.all(tagId).map((r) => r.node_id));
  }

  /** True when the node was not tagged before. */
  addMember(tagId: number, nodeId: number): boolean {
    return this.#add.run(nodeId, tagId).changes > 0;
  }

  /** True when the node was tagged before. */
  removeMember(tagId: number, nodeId: number): boolean {
    return this.#remove.run(nodeId, tagId).changes > 0;
  }

  tagNamesOf(nodeId: number): string[] {
    return this.#tagsOf.all(nodeId).map((r) => r.name);
  }
}
