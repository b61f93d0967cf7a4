// Offline change sets: what was done to a remote server while it was out of
// reach, kept until reviewed and applied; survives a restart. No secrets in a change.
import type { Migration } from '../../sqlite/migrate';

export const changeSets: Migration = {
  version: 30,
  name: 'offline change sets',
  up(db) {
    db.exec(`
      CREATE TABLE change_set_items (
        id               INTEGER PRIMARY KEY,
        connection_id    TEXT NOT NULL,
        spec_json        TEXT NOT NULL,
        hostname         TEXT,
        status_at_record INTEGER,
        recorded_at      TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('recorded', 'done', 'failed', 'skipped')),
        message          TEXT
      ) STRICT;
      CREATE INDEX change_set_items_connection ON change_set_items (connection_id, id);
    `);
  },
};
