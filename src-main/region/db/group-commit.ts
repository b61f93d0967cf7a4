// Group commit: small writes that arrive together (eight machines enlisting at once) share
// one IMMEDIATE transaction, so one WAL fsync (synchronous = FULL) serves all of them instead
// of one each. Each write runs in its own savepoint (better-sqlite3's nested transaction): one
// that throws is rolled back alone and only its caller gets the error. Every caller is answered
// after the shared commit, so nothing acknowledged can be lost; if the commit itself fails,
// every write of the group fails with it.
import type { Database } from 'better-sqlite3';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  readonly #db: Database;
  #pending: Pending[] = [];
  #scheduled = false;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Runs `write` (synchronous, no await inside) in the next shared transaction. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ write, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the I/O phase: every request read in this turn of the event loop joins.
        setImmediate(() => this.#commit());
      }
    });
  }

  #commit(): void {
    this.#scheduled = false;
    const group = this.#pending;
    this.#pending = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.#db.transaction(() => {
        for (const p of group) {
          try {
            outcomes.push({ ok: true, value: this.#db.transaction(p.write)() });
          } catch (e) {
            outcomes.push({ ok: false, value: e });
          }
        }
      }).immediate();
    } catch (e) {
      for (const p of group) p.reject(e);
      return;
    }
    group.forEach((p, i) => (outcomes[i].ok ? p.resolve(outcomes[i].value) : p.reject(outcomes[i].value)));
  }
}
