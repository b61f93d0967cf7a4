// nodes op=list answers kept between requests until the database changes. 10,000 nodes are
// ~7 MB of JSON that SQLite takes most of a list request to build (profiled: the JSON
// building is ~80% of a list's time through a client, the rest is HTTP and the client's read),
// while a console or Juju polls the list far more often than nodes change.
//
// "Changed" is decided by SQLite itself, so no write path can forget to invalidate:
// total_changes() counts every row inserted, updated or deleted through this connection
// (trigger programs included, rolled-back work too: stale is never served, at worst a list is
// rebuilt once more than needed), and PRAGMA data_version changes when any other connection
// or process commits. The key also holds the whole filter, the requesting user's visibility
// included, so one user's answer is never served to another.
import type { Database, Statement } from 'better-sqlite3';
import type { NodeFilter } from '../stores/node-query';
import { nodesListJsonText } from './node-list-json';

const KEPT = 8;

export class NodeListCache {
  readonly #db: Database;
  readonly #changes: Statement<[], number>;
  #version = '';
  readonly #answers = new Map<string, Buffer>();

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
      body = Buffer.from(nodesListJsonText(this.#db, f));
      if (this.#answers.size >= KEPT) this.#answers.delete(this.#answers.keys().next().value!);
      this.#answers.set(key, body);
    }
    return body;
  }
}
