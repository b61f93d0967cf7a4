// The region's first schema: what ARCHITECTURE.md "Data" lists. Secrets (token secrets,
// power parameters) are stored only as AES-256-GCM ciphertext (see ../../secrets/).
import type { Migration } from '../../../sqlite/migrate';

export const initialSchema: Migration = {
  version: 10,
  name: 'initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE config (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL            -- JSON
      ) STRICT;

      CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE,
        email         TEXT NOT NULL DEFAULT '',
        is_superuser  INTEGER NOT NULL DEFAULT 0,
        password_hash TEXT NOT NULL DEFAULT ''   -- scrypt$salt$hash, '' = no password login
      ) STRICT;

      -- MAAS made one OAuth consumer per token; the consumer secret is always empty.
      CREATE TABLE api_tokens (
        id           INTEGER PRIMARY KEY,
        user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        consumer_key TEXT NOT NULL UNIQUE,
        token_key    TEXT NOT NULL UNIQUE,
        secret_enc   BLOB NOT NULL,
        created      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE zones (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        created     TEXT NOT NULL,
        updated     TEXT NOT NULL
      ) STRICT;
      INSERT INTO zones (id, name, description, created, updated)
        VALUES (1, 'default', '', strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'));

      -- Nodes and devices (MAAS 1.8: a device is a node with installable = False).
      CREATE TABLE nodes (
        id                INTEGER PRIMARY KEY,
        system_id         TEXT NOT NULL UNIQUE,
        hostname          TEXT NOT NULL UNIQUE,
        installable       INTEGER NOT NULL DEFAULT 1,
        status            INTEGER NOT NULL,
        status_changed    TEXT NOT NULL,
        owner_id          INTEGER REFERENCES users(id) ON DELETE SET NULL,
        token_id          INTEGER REFERENCES api_tokens(id) ON DELETE SET NULL,
        parent_id         INTEGER REFERENCES nodes(id) ON DELETE SET NULL,
        zone_id           INTEGER REFERENCES zones(id) ON DELETE SET NULL,
        architecture      TEXT NOT NULL DEFAULT '',
        cpu_count         INTEGER NOT NULL DEFAULT 0,
        memory            INTEGER NOT NULL DEFAULT 0,
        storage           INTEGER NOT NULL DEFAULT 0,
        power_type        TEXT NOT NULL DEFAULT '',
        power_params_enc  BLOB,
        power_state       TEXT NOT NULL DEFAULT 'unknown',
        agent_name        TEXT NOT NULL DEFAULT '',
        error_description TEXT NOT NULL DEFAULT '',
        osystem           TEXT NOT NULL DEFAULT '',
        distro_series     TEXT NOT NULL DEFAULT '',
        boot_type         TEXT NOT NULL DEFAULT 'fastpath',
        swap_size         INTEGER,
        netboot           INTEGER NOT NULL DEFAULT 1,
        disable_ipv4      INTEGER NOT NULL DEFAULT 0,
        routers           TEXT NOT NULL DEFAULT '[]',   -- JSON: router MACs from LLDP details
        created           TEXT NOT NULL,
        updated           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX nodes_status ON nodes(status);
      CREATE INDEX nodes_owner ON nodes(owner_id);
      CREATE INDEX nodes_zone ON nodes(zone_id);

      CREATE TABLE macs (
        id      INTEGER PRIMARY KEY,
        node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
        mac     TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL
      ) STRICT;
      CREATE INDEX macs_node ON macs(node_id);

      CREATE TABLE tags (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        definition  TEXT NOT NULL DEFAULT '',
        comment     TEXT NOT NULL DEFAULT '',
        kernel_opts TEXT NOT NULL DEFAULT '',
        created     TEXT NOT NULL,
        updated     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE node_tags (
        node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
        tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (node_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX node_tags_tag ON node_tags(tag_id);

      -- Hardware details exactly as received (lshw -xml, LLDP XML).
      CREATE TABLE node_details (
        node_id INTEGER PRIMARY KEY REFERENCES nodes(id) ON DELETE CASCADE,
        lshw    BLOB,
        lldp    BLOB,
        updated TEXT NOT NULL
      ) STRICT;

      -- Events keep the hostname/system_id they were recorded for; deleting a node deletes
      -- its events, as MAAS's Event.node foreign key did.
      CREATE TABLE events (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        node_id     INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
        type        TEXT NOT NULL,
        level       INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_node ON events(node_id, id);
      CREATE INDEX events_level ON events(level, id);

      CREATE TABLE files (
        id       INTEGER PRIMARY KEY,
        filename TEXT NOT NULL,
        owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
        key      TEXT NOT NULL UNIQUE,
        content  BLOB NOT NULL,
        UNIQUE (filename, owner_id)
      ) STRICT;

      CREATE TABLE ssh_keys (
        id      INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key     TEXT NOT NULL,
        created TEXT NOT NULL,
        UNIQUE (user_id, key)
      ) STRICT;
    `);
  },
};
