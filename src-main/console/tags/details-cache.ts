// The local cache of every node's hardware details (lshw, LLDP), per connection, so the
// tag preview runs offline and a remote server is asked for each node's details once.
// A cache, not a record: its own SQLite file in the app data folder (deleting it only costs
// a re-fetch). Details are stored deflated: lshw XML compresses about tenfold.
import Database from 'better-sqlite3';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { migrate, type Migration } from '../../sqlite/migrate';
import type { TagInfo } from '../../../src-shared/contract/maas-types';
import type { TagNode } from '../../../src-shared/contract/tags';

export interface CachedNode extends TagNode {
  /** The node's fingerprint now (see node-fingerprint.ts). */
  fingerprint: string;
}

export interface CachedDetails {
  systemId: string;
  lshw: string | null;
  lldp: string | null;
  /** The node's fingerprint when the details were fetched. */
  fingerprint: string;
  fetchedAt: string;
}

const STEPS: Migration[] = [
  {
    version: 10,
    name: 'nodes, details, syncs and tag lists',
    up: (db) => db.exec(`
      CREATE TABLE nodes (
        connection_id TEXT NOT NULL, system_id TEXT NOT NULL, hostname TEXT NOT NULL,
        status_name TEXT NOT NULL, tags TEXT NOT NULL, fingerprint TEXT NOT NULL,
        PRIMARY KEY (connection_id, system_id)) WITHOUT ROWID;
      CREATE TABLE details (
        connection_id TEXT NOT NULL, system_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
        lshw BLOB, lldp BLOB, fetched_at TEXT NOT NULL,
        PRIMARY KEY (connection_id, system_id),
        FOREIGN KEY (connection_id, system_id) REFERENCES nodes ON DELETE CASCADE) WITHOUT ROWID;
      CREATE TABLE syncs (connection_id TEXT PRIMARY KEY, last_sync TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE tag_lists (connection_id TEXT PRIMARY KEY, tags TEXT NOT NULL, at TEXT NOT NULL) WITHOUT ROWID;`),
  },
];

const pack = (text: string | null): Buffer | null => (text === null ? null : deflateRawSync(Buffer.from(text, 'utf8')));
const unpack = (blob: Buffer | null): string | null => (blob === null ? null : inflateRawSync(blob).toString('utf8'));

interface NodeRow { system_id: string; hostname: string; status_name: string; tags: string; fingerprint: string }
interface DetailsRow { system_id: string; fingerprint: string; lshw: Buffer | null; lldp: Buffer | null; fetched_at: string }

export class DetailsCache {
  readonly #db: Database.Database;
  readonly #q;

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('foreign_keys = ON');
    migrate(this.#db, 'tag details cache', STEPS);
    const db = this.#db;
    this.#q = {
      nodes: db.prepare<[string], NodeRow>('SELECT * FROM nodes WHERE connection_id = ? ORDER BY hostname, system_id'),
      upsertNode: db.prepare(`INSERT INTO nodes VALUES (@c, @systemId, @hostname, @statusName, @tags, @fingerprint)
        ON CONFLICT DO UPDATE SET hostname = excluded.hostname, status_name = excluded.status_name,
        tags = excluded.tags, fingerprint = excluded.fingerprint`),
      nodeCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM nodes WHERE connection_id = ?'),
      deleteNode: db.prepare('DELETE FROM nodes WHERE connection_id = ? AND system_id = ?'),
      fingerprints: db.prepare<[string], { system_id: string; fingerprint: string }>(
        'SELECT system_id, fingerprint FROM details WHERE connection_id = ?'),
      withLshw: db.prepare<[string], { system_id: string }>('SELECT system_id FROM details WHERE connection_id = ? AND lshw IS NOT NULL'),
      versions: db.prepare<[string], { system_id: string; version: string }>(
        "SELECT system_id, fetched_at || '|' || fingerprint AS version FROM details WHERE connection_id = ?"),
      details: db.prepare<[string, string], DetailsRow>('SELECT * FROM details WHERE connection_id = ? AND system_id = ?'),
      detailsPage: db.prepare<[string, string, number], DetailsRow>(
        'SELECT * FROM details WHERE connection_id = ? AND system_id > ? ORDER BY system_id LIMIT ?'),
      putDetails: db.prepare('INSERT OR REPLACE INTO details VALUES (?, ?, ?, ?, ?, ?)'),
      lastSync: db.prepare<[string], { last_sync: string }>('SELECT last_sync FROM syncs WHERE connection_id = ?'),
      setSync: db.prepare('INSERT OR REPLACE INTO syncs VALUES (?, ?)'),
      tags: db.prepare<[string], { tags: string; at: string }>('SELECT tags, at FROM tag_lists WHERE connection_id = ?'),
      setTags: db.prepare('INSERT OR REPLACE INTO tag_lists VALUES (?, ?, ?)'),
    };
  }

  nodes(connectionId: string): CachedNode[] {
    return this.#q.nodes.all(connectionId).map((r) => ({
      systemId: r.system_id, hostname: r.hostname, statusName: r.status_name,
      tags: JSON.parse(r.tags) as string[], fingerprint: r.fingerprint,
    }));
  }

  nodeCount(connectionId: string): number {
    return this.#q.nodeCount.get(connectionId)?.n ?? 0;
  }

  /** Replaces the node list (details of nodes that are gone go with them). */
  replaceNodes(connectionId: string, nodes: CachedNode[]): void {
    const keep = new Set(nodes.map((n) => n.systemId));
    this.#db.transaction(() => {
      for (const old of this.#q.nodes.all(connectionId)) {
        if (!keep.has(old.system_id)) this.#q.deleteNode.run(connectionId, old.system_id);
      }
      for (const n of nodes) this.#q.upsertNode.run({ c: connectionId, ...n, tags: JSON.stringify(n.tags) });
    })();
  }

  /** system id → fingerprint the cached details were fetched under. */
  detailFingerprints(connectionId: string): Map<string, string> {
    return new Map(this.#q.fingerprints.all(connectionId).map((r) => [r.system_id, r.fingerprint]));
  }

  /** Nodes whose cached details include an lshw document (commissioned ones). */
  withLshw(connectionId: string): Set<string> {
    return new Set(this.#q.withLshw.all(connectionId).map((r) => r.system_id));
  }

  /** system id → a version of its cached details (changes whenever they are fetched again). */
  detailVersions(connectionId: string): Map<string, string> {
    return new Map(this.#q.versions.all(connectionId).map((r) => [r.system_id, r.version]));
  }

  putDetails(connectionId: string, d: CachedDetails): void {
    this.#q.putDetails.run(connectionId, d.systemId, d.fingerprint, pack(d.lshw), pack(d.lldp), d.fetchedAt);
  }

  details(connectionId: string, systemId: string): CachedDetails | null {
    const row = this.#q.details.get(connectionId, systemId);
    return row ? toDetails(row) : null;
  }

  /**
   * Cached details in system-id order, `limit` at a time after `after` ('' to start): lets a
   * caller yield between pages (an open better-sqlite3 iterator would lock the connection).
   */
  detailsPage(connectionId: string, after: string, limit: number): CachedDetails[] {
    return this.#q.detailsPage.all(connectionId, after, limit).map(toDetails);
  }

  lastSync(connectionId: string): string | null {
    return this.#q.lastSync.get(connectionId)?.last_sync ?? null;
  }

  markSynced(connectionId: string, at: string): void {
    this.#q.setSync.run(connectionId, at);
  }

  /** The tag list as last read from the server, for when it cannot be reached. */
  tags(connectionId: string): { tags: TagInfo[]; at: string } | null {
    const row = this.#q.tags.get(connectionId);
    return row ? { tags: JSON.parse(row.tags) as TagInfo[], at: row.at } : null;
  }

  putTags(connectionId: string, tags: TagInfo[], at: string): void {
    this.#q.setTags.run(connectionId, JSON.stringify(tags), at);
  }

  close(): void {
    this.#db.close();
  }
}

function toDetails(r: DetailsRow): CachedDetails {
  return { systemId: r.system_id, fingerprint: r.fingerprint, lshw: unpack(r.lshw), lldp: unpack(r.lldp), fetchedAt: r.fetched_at };
}
