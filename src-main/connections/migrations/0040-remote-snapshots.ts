// Offline snapshots of remote servers: the last node list, tags, zones and recent
// events read from each remote connection, so the console can show them "offline — as of".
// Only what the server shows any reader: no keys, no power parameters.
import type { Migration } from '../../sqlite/migrate';

export const remoteSnapshots: Migration = {
  version: 40,
  name: 'offline snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE remote_snapshots (
        connection_id TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('nodes', 'tags', 'zones', 'events')),
        taken_at      TEXT NOT NULL,
        json          TEXT NOT NULL,
        PRIMARY KEY (connection_id, kind)
      ) STRICT;
    `);
  },
};
