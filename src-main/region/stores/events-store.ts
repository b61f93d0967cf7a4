// Node events, newest first, with MAAS's events op=query filters and id-based paging
// (src/maasserver/api/events.py).
import type { Database, Statement } from 'better-sqlite3';
import { EVENT_TYPES, type EventTypeName } from '../events/event-types';
import { nowIso } from '../db/open';

export interface EventRow {
  id: number;
  system_id: string;
  hostname: string;
  type: string;
  level: number;
  description: string;
  created: string;
}

export interface EventFilter {
  ids?: string[];
  hostnames?: string[];
  macs?: string[];
  zone?: string;
  agentNames?: string[];
  /** Minimum level; `exact` for AUDIT, which MAAS matched exactly. */
  level: { value: number; exact: boolean };
  /** Only nodes this user may see (null: all). */
  visibleToUserId: number | null;
  after?: number;
  before?: number;
  limit: number;
}

export class EventsStore {
  readonly #insert: Statement<[number, string, number, string, string]>;
  /** Compiled queries by their SQL: the filter combinations are few, and paging asks the same one again and again. */
  readonly #queries = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    this.#insert = db.prepare('INSERT INTO events (node_id, type, level, description, created) VALUES (?, ?, ?, ?, ?)');
  }

  record(nodeId: number, type: EventTypeName, description: string): void {
    const t = EVENT_TYPES[type];
    this.#insert.run(nodeId, t.description, t.level, description, nowIso());
  }

  query(f: EventFilter): EventRow[] {
    const where: string[] = [f.level.exact ? 'e.level = ?' : 'e.level >= ?'];
    const args: unknown[] = [f.level.value];
    const inList = (col: string, list: string[] | undefined) => {
      if (list && list.length) {
        where.push(`${col} IN (SELECT value FROM json_each(?))`);
        args.push(JSON.stringify(list));
      }
    };
    inList('n.system_id', f.ids);
    inList('n.hostname', f.hostnames);
    inList('n.agent_name', f.agentNames);
    if (f.macs?.length) {
      where.push('n.id IN (SELECT node_id FROM macs WHERE mac IN (SELECT value FROM json_each(?)))');
      args.push(JSON.stringify(f.macs));
    }
    if (f.zone !== undefined) {
      where.push('n.zone_id = (SELECT id FROM zones WHERE name = ?)');
      args.push(f.zone);
    }
    if (f.visibleToUserId !== null) {
      where.push('(n.owner_id IS NULL OR n.owner_id = ?)');
      args.push(f.visibleToUserId);
    }
    let order = 'DESC';
    if (f.after !== undefined) {
      where.push('e.id > ?');
      args.push(f.after);
      order = 'ASC'; // the oldest page just after `after`, then shown newest first
    } else if (f.before !== undefined) {
      where.push('e.id < ?');
      args.push(f.before);
    }
    const sql = `SELECT e.id, n.system_id, n.hostname, e.type, e.level, e.description, e.created
      FROM events e JOIN nodes n ON n.id = e.node_id WHERE ${where.join(' AND ')} ORDER BY e.id ${order} LIMIT ?`;
    let statement = this.#queries.get(sql);
    if (!statement) this.#queries.set(sql, (statement = this.db.prepare(sql)));
    const rows = statement.all(...args, f.limit) as EventRow[];
    return order === 'ASC' ? rows.reverse() : rows;
  }
}
