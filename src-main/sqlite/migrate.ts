// The one migration runner of every SQLite database the console keeps (the region's and the
// settings database, which also holds the nodes' details). Numbered, forward-only steps (STYLE.md §4, after
// Signal-Desktop ts/sql/migrations): each runs in its own IMMEDIATE transaction and sets
// user_version, so a crash mid-step leaves the database at the step before. A database
// written by a newer program is refused rather than guessed at.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export class DatabaseTooNew extends Error {
  constructor(readonly what: string, readonly at: number, readonly known: number) {
    super(`The ${what} is at schema version ${at}, newer than this program knows (${known}). ` +
      'Use a newer MAAS Console, or another data directory.');
    this.name = 'DatabaseTooNew';
  }
}

/** Brings `db` (a `what`, named in the error) up to the last of `steps`, in version order. */
export function migrate(db: Database, what: string, steps: readonly Migration[]): void {
  const at = db.pragma('user_version', { simple: true }) as number;
  const known = steps.at(-1)?.version ?? 0;
  if (at > known) throw new DatabaseTooNew(what, at, known);
  for (const s of steps.filter((m) => m.version > at)) {
    db.transaction(() => {
      s.up(db);
      db.pragma(`user_version = ${s.version}`);
    }).immediate();
  }
}
