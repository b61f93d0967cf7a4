// Numbered, forward-only migrations (STYLE.md §4, after Signal-Desktop ts/sql/migrations):
// each step runs in its own IMMEDIATE transaction and sets user_version; a database written
// by a newer region is refused rather than guessed at.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export class DatabaseTooNew extends Error {
  constructor(readonly at: number, readonly top: number) {
    super(`The region database is at schema version ${at}, newer than this program knows (${top}). ` +
      'Use a newer MAAS Console, or another data directory.');
  }
}

export function migrate(db: Database, steps: readonly Migration[]): void {
  const at = db.pragma('user_version', { simple: true }) as number;
  const top = steps.at(-1)?.version ?? 0;
  if (at > top) throw new DatabaseTooNew(at, top);
  for (const s of steps.filter((m) => m.version > at)) {
    db.transaction(() => {
      s.up(db);
      db.pragma(`user_version = ${s.version}`);
    }).immediate();
  }
}
