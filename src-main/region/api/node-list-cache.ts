// nodes op=list answers kept between requests. 10,000 nodes are ~7 MB of JSON that SQLite
// takes most of a list request to build (profiled: the JSON building is ~80% of a list's time
// through a client), while a console or Juju polls the list far more often than nodes change,
// and a change touches a few nodes.
//
// Two levels, both decided by SQLite itself, so no write path can forget to invalidate:
// - the whole answer, kept until the database changes: total_changes() counts every row
//   inserted, updated or deleted through this connection (trigger programs included,
//   rolled-back work too: stale is never served, at worst rebuilt once more than needed), and
//   PRAGMA data_version changes when any other connection or process commits. The key holds
//   the whole filter and the requesting user's visibility, so one user's answer is never
//   served to another;
// - each node's JSON, kept with the node's revision (raised by triggers on everything the
//   representation shows: db/migrations/0060-node-revisions.ts) and system_id (a deleted
//   node's id can be reused). After a change only nodes whose revision moved are rebuilt,
//   and all of them when a zone changed (zones are bound into the SQL as one JSON value).
import type { Database, Statement } from 'better-sqlite3';
import { nodeWhere, prepared, type NodeFilter } from '../stores/node-query';
import { nodeJsonTexts, zonesParam } from './node-list-json';

const KEPT = 8;

interface Kept {
  systemId: string;
  rev: number;
  /** UTF-8 bytes: the answer is assembled by copying bytes, not by joining 7 MB of strings. */
  json: Buffer;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

export class NodeListCache {
  readonly #db: Database;
  readonly #changes: Statement<[], number>;
  #version = '';
  readonly #answers = new Map<string, Buffer>();
  readonly #nodes = new Map<number, Kept>();
  #zones = '';

  constructor(db: Database) {
    this.#db = db;
    this.#changes = db.prepare('SELECT total_changes()').pluck() as Statement<[], number>;
  }

  /** The JSON of nodes op=list for `f`, as bytes ready to send. */
  list(f: NodeFilter): Buffer {
    const version = `${this.#changes.get()}:${this.#db.pragma('data_version', { simple: true })}`;
    if (version !== this.#version) {
      this.#answers.clear();
      this.#version = version;
    }
    const key = JSON.stringify(f);
    let body = this.#answers.get(key);
    if (!body) {
      // One read transaction: the revisions and the JSON rebuilt for them are one snapshot.
      body = this.#db.transaction(() => this.#build(f))();
      if (this.#answers.size >= KEPT) this.#answers.delete(this.#answers.keys().next().value!);
      this.#answers.set(key, body);
    }
    return body;
  }

  #build(f: NodeFilter): Buffer {
    const zones = zonesParam(this.#db);
    if (zones !== this.#zones) {
      this.#nodes.clear();
      this.#zones = zones;
    }
    const { where, args } = nodeWhere(f);
    const rows = prepared(this.#db, `SELECT n.id, n.system_id, n.rev FROM nodes n WHERE ${where} ORDER BY n.id`)
      .raw(true).all(...args) as [number, string, number][];
    const stale = rows.filter(([id, systemId, rev]) => {
      const k = this.#nodes.get(id);
      return !k || k.rev !== rev || k.systemId !== systemId;
    });
    if (stale.length) {
      const revs = new Map(stale.map(([id, systemId, rev]) => [id, { systemId, rev }]));
      for (const [id, json] of nodeJsonTexts(this.#db, [...revs.keys()], zones)) this.#nodes.set(id, { ...revs.get(id)!, json: Buffer.from(json) });
    }
    // Nodes deleted since are dropped when the kept outnumber twice the nodes there are.
    if (this.#nodes.size > 1000 && this.#nodes.size > 2 * (prepared(this.#db, 'SELECT count(*) FROM nodes').pluck().get() as number)) {
      const living = new Set(prepared(this.#db, 'SELECT id FROM nodes').pluck().all() as number[]);
      for (const id of this.#nodes.keys()) if (!living.has(id)) this.#nodes.delete(id);
    }
    const parts: Buffer[] = [OPEN];
    let size = OPEN.length + CLOSE.length;
    for (const [i, [id]] of rows.entries()) {
      const json = this.#nodes.get(id)!.json;
      if (i > 0) parts.push(COMMA);
      parts.push(json);
      size += json.length + (i > 0 ? 1 : 0);
    }
    parts.push(CLOSE);
    return Buffer.concat(parts, size);
  }
}
