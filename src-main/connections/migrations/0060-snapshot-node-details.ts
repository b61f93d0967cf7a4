// Offline snapshots, part two ("and the details already fetched"): each node detail
// a remote server answered (the summary, hardware, power parameters already masked, recent
// events) and its lshw, deflated, so the node panel and the raw lshw open offline. Numbered
// 60 to leave 50 to the change sets' next step.
import type { Migration } from '../../sqlite/migrate';

export const snapshotNodeDetails: Migration = {
  version: 60,
  name: 'snapshot node details',
  up(db) {
    db.exec(`
      CREATE TABLE remote_snapshot_details (
        connection_id TEXT NOT NULL,
        system_id     TEXT NOT NULL,
        taken_at      TEXT NOT NULL,
        detail_json   TEXT NOT NULL,
        lshw          BLOB,
        PRIMARY KEY (connection_id, system_id)
      ) STRICT;
    `);
  },
};
