// What a server offers its forms (resource pools, images, scripts) is kept with the rest of
// its snapshot, so an offline Set pool still lists the pools. SQLite cannot widen a CHECK in
// place: the table is rebuilt with its rows.
import type { Migration } from '../../sqlite/migrate';

export const snapshotOffers: Migration = {
  version: 90,
  name: 'snapshot of what a server offers',
  up(db) {
    db.exec(`
      CREATE TABLE remote_snapshots_next (
        connection_id TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('nodes', 'tags', 'zones', 'events', 'offer')),
        taken_at      TEXT NOT NULL,
        json          TEXT NOT NULL,
        PRIMARY KEY (connection_id, kind)
      ) STRICT;
      INSERT INTO remote_snapshots_next (connection_id, kind, taken_at, json) SELECT connection_id, kind, taken_at, json FROM remote_snapshots;
      DROP TABLE remote_snapshots;
      ALTER TABLE remote_snapshots_next RENAME TO remote_snapshots;
    `);
  },
};
