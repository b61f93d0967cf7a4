// The second half of the MAAS 1.8 API: networks and their MACs, the local
// cluster's interfaces and download reports, user-reserved IP addresses, boot sources,
// selections and uploaded boot resources, commissioning scripts, license keys, SSL keys.
import type { Migration } from '../../../sqlite/migrate';

export const networksBootScriptsKeys: Migration = {
  version: 20,
  name: 'networks-boot-scripts-keys',
  up(db) {
    db.exec(`
      CREATE TABLE networks (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL UNIQUE,
        ip              TEXT NOT NULL UNIQUE,
        netmask         TEXT NOT NULL,
        vlan_tag        INTEGER NOT NULL DEFAULT 0,
        description     TEXT NOT NULL DEFAULT '',
        default_gateway TEXT NOT NULL DEFAULT '',
        dns_servers     TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE network_macs (
        network_id INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        mac_id     INTEGER NOT NULL REFERENCES macs(id) ON DELETE CASCADE,
        PRIMARY KEY (network_id, mac_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX network_macs_mac ON network_macs(mac_id);

      -- NodeGroupInterface of the one local cluster; addresses as text, checked by the API.
      CREATE TABLE cluster_interfaces (
        id                   INTEGER PRIMARY KEY,
        name                 TEXT NOT NULL UNIQUE,
        ip                   TEXT NOT NULL,
        interface            TEXT NOT NULL DEFAULT '',
        management           INTEGER NOT NULL DEFAULT 0,
        subnet_mask          TEXT NOT NULL DEFAULT '',
        broadcast_ip         TEXT NOT NULL DEFAULT '',
        router_ip            TEXT NOT NULL DEFAULT '',
        ip_range_low         TEXT NOT NULL DEFAULT '',
        ip_range_high        TEXT NOT NULL DEFAULT '',
        static_ip_range_low  TEXT NOT NULL DEFAULT '',
        static_ip_range_high TEXT NOT NULL DEFAULT ''
      ) STRICT;

      -- UNIQUE(ip) is what guarantees an address is never handed out twice.
      CREATE TABLE static_ips (
        id          INTEGER PRIMARY KEY,
        ip          TEXT NOT NULL UNIQUE,
        alloc_type  INTEGER NOT NULL,
        user_id     INTEGER REFERENCES users(id) ON DELETE CASCADE,
        hostname    TEXT NOT NULL DEFAULT '',
        mac_address TEXT,
        created     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX static_ips_user ON static_ips(user_id);

      CREATE TABLE download_progress (
        id               INTEGER PRIMARY KEY,
        filename         TEXT NOT NULL,
        size             INTEGER,
        bytes_downloaded INTEGER,
        error            TEXT NOT NULL DEFAULT '',
        created          TEXT NOT NULL,
        updated          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX download_progress_file ON download_progress(filename, id);

      CREATE TABLE boot_sources (
        id               INTEGER PRIMARY KEY,
        url              TEXT NOT NULL UNIQUE,
        keyring_filename TEXT NOT NULL DEFAULT '',
        keyring_data     BLOB NOT NULL DEFAULT x'',
        created          TEXT NOT NULL,
        updated          TEXT NOT NULL
      ) STRICT;

      CREATE TABLE boot_source_selections (
        id             INTEGER PRIMARY KEY,
        boot_source_id INTEGER NOT NULL REFERENCES boot_sources(id) ON DELETE CASCADE,
        os             TEXT NOT NULL,
        release        TEXT NOT NULL,
        arches         TEXT NOT NULL,   -- JSON array
        subarches      TEXT NOT NULL,   -- JSON array
        labels         TEXT NOT NULL,   -- JSON array
        UNIQUE (boot_source_id, os, release)
      ) STRICT;

      -- MAAS 1.8's first-start boot source and selection (ensure_boot_source_definition).
      INSERT INTO boot_sources (id, url, keyring_filename, created, updated)
        VALUES (1, 'http://maas.ubuntu.com/images/ephemeral-v2/releases/', '/usr/share/keyrings/ubuntu-cloudimage-keyring.gpg',
                strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'));
      INSERT INTO boot_source_selections (boot_source_id, os, release, arches, subarches, labels)
        VALUES (1, 'ubuntu', 'trusty', '["amd64"]', '["*"]', '["release"]');

      -- Uploaded boot resources; content kept with its SHA-256 and size.
      CREATE TABLE boot_resources (
        id           INTEGER PRIMARY KEY,
        rtype        INTEGER NOT NULL,
        name         TEXT NOT NULL,
        architecture TEXT NOT NULL,
        title        TEXT NOT NULL DEFAULT '',
        filetype     TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        size         INTEGER NOT NULL,
        content      BLOB NOT NULL,
        created      TEXT NOT NULL,
        updated      TEXT NOT NULL,
        UNIQUE (name, architecture)
      ) STRICT;

      CREATE TABLE commissioning_scripts (
        id      INTEGER PRIMARY KEY,
        name    TEXT NOT NULL UNIQUE,
        content BLOB NOT NULL
      ) STRICT;

      -- Product keys are secrets: sealed like power parameters.
      CREATE TABLE license_keys (
        id              INTEGER PRIMARY KEY,
        osystem         TEXT NOT NULL,
        distro_series   TEXT NOT NULL,
        license_key_enc BLOB NOT NULL,
        UNIQUE (osystem, distro_series)
      ) STRICT;

      CREATE TABLE ssl_keys (
        id      INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key     TEXT NOT NULL,
        created TEXT NOT NULL,
        UNIQUE (user_id, key)
      ) STRICT;
    `);
  },
};
