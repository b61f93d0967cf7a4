// Group commit: small writes that arrive together (eight machines enlisting at once) share
// one IMMEDIATE transaction. Each write runs in its own savepoint (better-sqlite3's nested
// transaction): one that throws is rolled back alone and only its caller gets the error.
// If the commit fails, every write of the group fails with it.
//
// Durability, chosen for enlistment (docs/region.md "Durability"): the shared transaction
// commits with synchronous = NORMAL, so COMMIT appends to the WAL without waiting for the
// disk, and each caller is answered once its row is committed. A kill of the region loses
// nothing acknowledged (the WAL is in the OS's page cache). The WAL is then fdatasync'ed on
// libuv's thread pool, off the event loop; only a power loss or OS crash within that sync
// can lose acknowledged writes. Every other write of the region stays synchronous = FULL.
import { close, fdatasync, open } from 'node:fs';
import type { Database, Transaction } from 'better-sqlite3';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  readonly #db: Database;
  /** Whether commits reach a file (not an in-memory database): the WAL is synced then. */
  readonly #file: boolean;
  readonly #group: Transaction<(group: Pending[]) => Outcome[]>;
  readonly #each: Transaction<(write: () => unknown) => unknown>;
  #pending: Pending[] = [];
  #scheduled = false;
  #syncing = false;
  #syncAgain = false;
  #idle: (() => void)[] = [];

  constructor(db: Database) {
    this.#db = db;
    this.#file = !db.memory;
    // Made once: better-sqlite3 builds its wrappers (and statements) per transaction() call.
    this.#each = db.transaction((write: () => unknown) => write());
    this.#group = db.transaction((group: Pending[]) => group.map((p): Outcome => {
      try {
        return { ok: true, value: this.#each(p.write) };
      } catch (error) {
        return { ok: false, error };
      }
    }));
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

  /** Resolves once nothing is queued and the WAL sync has finished (before closing the database). */
  drain(): Promise<void> {
    if (this.#quiet()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #quiet(): boolean {
    return !this.#scheduled && !this.#syncing && !this.#pending.length;
  }

  #commit(): void {
    this.#scheduled = false;
    const group = this.#pending;
    this.#pending = [];
    let outcomes: Outcome[];
    try {
      // db.pragma, not a kept statement: SQLite applies this pragma when it is compiled.
      if (this.#file) this.#db.pragma('synchronous = NORMAL');
      try {
        outcomes = this.#group.immediate(group);
      } finally {
        if (this.#file) this.#db.pragma('synchronous = FULL');
      }
    } catch (e) {
      for (const p of group) p.reject(e);
      return this.#settled();
    }
    group.forEach((p, i) => {
      const o = outcomes[i];
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
    if (this.#file) this.#syncWal();
    this.#settled();
  }

  /** One fdatasync of the WAL at a time; commits made meanwhile get one more after it. */
  #syncWal(): void {
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    this.#syncing = true;
    this.#syncAgain = false;
    syncFile(`${this.#db.name}-wal`, (e) => {
      this.#syncing = false;
      // A failed sync is reported by the next FULL commit or checkpoint, which syncs again.
      if (e) process.emitWarning(`region WAL sync failed: ${e.message}`);
      if (this.#syncAgain) this.#syncWal();
      this.#settled();
    });
  }

  #settled(): void {
    if (this.#quiet()) for (const r of this.#idle.splice(0)) r();
  }
}

/** fdatasync of one file on libuv's thread pool. */
function syncFile(path: string, done: (e: Error | null) => void): void {
  open(path, 'r', (e, fd) => {
    if (e) return done(e);
    fdatasync(fd, (se) => close(fd, (ce) => done(se ?? ce)));
  });
}
