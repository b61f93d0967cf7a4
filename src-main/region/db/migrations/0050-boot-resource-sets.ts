// Boot resources keep every upload as a version (MAAS 1.8 BootResourceSet): uploading a
// name again adds a set instead of replacing the bytes, and a set may be created empty and
// filled by chunked uploads (boot-resources/{id}/upload/{file_id}/). Chunks are rows, so an
// upload appends without rewriting what came before.
import type { Migration } from '../../../sqlite/migrate';

export const bootResourceSets: Migration = {
  version: 50,
  name: 'boot-resource-sets',
  up(db) {
    db.exec(`
      CREATE TABLE boot_resource_sets (
        id          INTEGER PRIMARY KEY,
        resource_id INTEGER NOT NULL REFERENCES boot_resources(id) ON DELETE CASCADE,
        version     TEXT NOT NULL,
        filetype    TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        size        INTEGER NOT NULL,
        created     TEXT NOT NULL,
        UNIQUE (resource_id, version)
      ) STRICT;
      CREATE TABLE boot_resource_chunks (
        set_id INTEGER NOT NULL REFERENCES boot_resource_sets(id) ON DELETE CASCADE,
        seq    INTEGER NOT NULL,
        bytes  BLOB NOT NULL,
        PRIMARY KEY (set_id, seq)
      ) STRICT;
      INSERT INTO boot_resource_sets (id, resource_id, version, filetype, sha256, size, created)
        SELECT id, id, replace(substr(updated, 1, 10), '-', ''), filetype, sha256, size, updated FROM boot_resources;
      INSERT INTO boot_resource_chunks (set_id, seq, bytes) SELECT id, 0, content FROM boot_resources;
      ALTER TABLE boot_resources DROP COLUMN content;
      ALTER TABLE boot_resources DROP COLUMN sha256;
      ALTER TABLE boot_resources DROP COLUMN size;
      ALTER TABLE boot_resources DROP COLUMN filetype;
    `);
  },
};
