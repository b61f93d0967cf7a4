// Node selection for list-style operations (nodes op=list, devices op=list, acquire…),
// as one SQL query whose list parameters travel as JSON (json_each), so 10,000 ids are one
// bound value.
import type { Database, Statement } from 'better-sqlite3';
import { NODE_COLUMNS, type NodeRow } from './nodes-store';

export interface NodeFilter {
  installable: boolean;
  systemIds?: string[];
  hostnames?: string[];
  macs?: string[];
  zone?: string;
  agentName?: string;
  statuses?: number[];
  ownerId?: number | null;
  tokenId?: number;
  /** Non-admins see unowned nodes and their own (MAAS NODE_PERMISSION.VIEW). */
  visibleToUserId?: number | null;
}

/** The WHERE clause and its arguments for `f`. */
export function nodeWhere(f: NodeFilter): { where: string; args: unknown[] } {
  const where = ['installable = ?'];
  const args: unknown[] = [f.installable ? 1 : 0];
  const inJson = (sql: string, list: unknown[] | undefined) => {
    if (list !== undefined) {
      where.push(sql);
      args.push(JSON.stringify(list));
    }
  };
  inJson('system_id IN (SELECT value FROM json_each(?))', f.systemIds);
  inJson('hostname IN (SELECT value FROM json_each(?))', f.hostnames);
  inJson('id IN (SELECT node_id FROM macs WHERE mac IN (SELECT value FROM json_each(?)))', f.macs);
  inJson('status IN (SELECT value FROM json_each(?))', f.statuses);
  if (f.zone !== undefined) {
    where.push('zone_id = (SELECT id FROM zones WHERE name = ?)');
    args.push(f.zone);
  }
  if (f.agentName !== undefined) {
    where.push('agent_name = ?');
    args.push(f.agentName);
  }
  if (f.ownerId !== undefined) {
    where.push(f.ownerId === null ? 'owner_id IS NULL' : 'owner_id = ?');
    if (f.ownerId !== null) args.push(f.ownerId);
  }
  if (f.tokenId !== undefined) {
    where.push('token_id = ?');
    args.push(f.tokenId);
  }
  if (f.visibleToUserId != null) {
    where.push('(owner_id IS NULL OR owner_id = ?)');
    args.push(f.visibleToUserId);
  }
  return { where: where.join(' AND '), args };
}

const cache = new WeakMap<Database, Map<string, Statement>>();

/** A statement prepared once per database and SQL text (filters come in few shapes). */
export function prepared(db: Database, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) {
    if (m.size > 200) m.clear();
    m.set(sql, (st = db.prepare(sql)));
  }
  return st;
}

export function findNodes(db: Database, f: NodeFilter): NodeRow[] {
  const { where, args } = nodeWhere(f);
  return prepared(db, `SELECT ${NODE_COLUMNS} FROM nodes WHERE ${where} ORDER BY id`).all(...args) as NodeRow[];
}
