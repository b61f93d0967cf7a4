// Hardware details (lshw, LLDP) as stored blobs, exactly as received.
import type { Database, Statement } from 'better-sqlite3';
import { nowIso } from '../db/open';

export interface DetailsRow {
  node_id: number;
  lshw: Buffer | null;
  lldp: Buffer | null;
}

export class DetailsStore {
  readonly #get: Statement<[number], DetailsRow>;
  readonly #set: Statement<[number, Buffer | null, Buffer | null, string]>;
  readonly #ids: Statement<[], { node_id: number }>;

  constructor(private readonly db: Database) {
    this.#get = db.prepare('SELECT node_id, lshw, lldp FROM node_details WHERE node_id = ?');
    this.#set = db.prepare(`INSERT INTO node_details (node_id, lshw, lldp, updated) VALUES (?, ?, ?, ?)
      ON CONFLICT(node_id) DO UPDATE SET lshw = excluded.lshw, lldp = excluded.lldp, updated = excluded.updated`);
    this.#ids = db.prepare('SELECT node_id FROM node_details ORDER BY node_id');
  }

  get(nodeId: number): DetailsRow | undefined {
    return this.#get.get(nodeId);
  }

  set(nodeId: number, lshw: Buffer | null, lldp: Buffer | null): void {
    this.#set.run(nodeId, lshw, lldp, nowIso());
  }

  /** Details of many nodes at once, for a tag rebuild batch. */
  many(nodeIds: number[]): DetailsRow[] {
    return this.db.prepare('SELECT node_id, lshw, lldp FROM node_details WHERE node_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(nodeIds)) as DetailsRow[];
  }

  nodeIdsWithDetails(): number[] {
    return this.#ids.all().map((r) => r.node_id);
  }
}
