// Connection profiles: what is needed to reach a MAAS server except its key (the keychain
// holds that, under the profile's id). TLS trust is public material: a CA file's path, or a
// pinned certificate's fingerprint and chain anchor.
import type { Migration } from '../../sqlite/migrate';

export const connectionProfiles: Migration = {
  version: 10,
  name: 'connection profiles',
  up(db) {
    db.exec(`
      CREATE TABLE connection_profiles (
        id                     TEXT PRIMARY KEY,
        kind                   TEXT NOT NULL CHECK (kind IN ('embedded', 'remote')),
        name                   TEXT NOT NULL,
        url                    TEXT NOT NULL,
        api_version            TEXT CHECK (api_version IN ('1.0', '2.0')),
        maas_version           TEXT,
        tls_ca_file            TEXT,
        tls_pinned_fingerprint TEXT,
        tls_pinned_anchor_pem  TEXT,
        health                 TEXT NOT NULL DEFAULT 'unknown'
                               CHECK (health IN ('online', 'offline', 'key-rejected', 'tls', 'unknown')),
        health_message         TEXT,
        last_reached           TEXT,
        last_checked           TEXT,
        imported_from          TEXT,
        created_at             TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX connection_profiles_name ON connection_profiles (name COLLATE NOCASE);
      CREATE TABLE app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `);
  },
};
