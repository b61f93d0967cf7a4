// Field kit: notes taken at capture, and push journals — each push's plan and
// what it has done per node, so a push cut off midway resumes without duplicates.
// No secrets: power parameters stay in the region's protected store.
import type { Migration } from '../../sqlite/migrate';

export const fieldkitTables: Migration = {
  version: 20,
  name: 'field kit notes and push journals',
  up(db) {
    db.exec(`
      CREATE TABLE fieldkit_notes (
        system_id TEXT PRIMARY KEY,
        notes     TEXT NOT NULL
      ) STRICT;
      CREATE TABLE fieldkit_pushes (
        id           TEXT PRIMARY KEY,
        target_id    TEXT NOT NULL,
        target_name  TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('planned', 'running', 'interrupted', 'finished')),
        created_at   TEXT NOT NULL,
        finished_at  TEXT,
        stop_reason  TEXT,
        zones_json   TEXT NOT NULL,
        tags_json    TEXT NOT NULL
      ) STRICT;
      CREATE TABLE fieldkit_push_items (
        push_id     TEXT NOT NULL REFERENCES fieldkit_pushes (id) ON DELETE CASCADE,
        ord         INTEGER NOT NULL,
        source_id   TEXT NOT NULL,
        hostname    TEXT NOT NULL,
        macs_json   TEXT NOT NULL,
        verdict     TEXT NOT NULL CHECK (verdict IN ('create', 'identical', 'update', 'conflict')),
        target_id   TEXT,
        fields_json TEXT NOT NULL,
        reason      TEXT,
        state       TEXT NOT NULL CHECK (state IN ('pending', 'created', 'done', 'failed', 'conflict')),
        message     TEXT,
        PRIMARY KEY (push_id, source_id)
      ) STRICT;
    `);
  },
};
