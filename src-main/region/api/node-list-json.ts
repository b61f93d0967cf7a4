// nodes op=list at scale: the same representation as nodeJson (node-json.ts), written by
// SQLite's JSON functions in one statement. With 10,000 nodes, building row objects, then
// representation objects, then stringifying them cost ~4× the CPU of this (PERFORMANCE.md:
// < 150 ms). A unit test holds the two paths equal.
import type { Database } from 'better-sqlite3';
import { nodeStatusDisplay } from '../../../src-shared/maas/index';
import { nodeWhere, prepared, type NodeFilter } from '../stores/node-query';
import { API_PREFIX } from '../http/paths';
import { zoneJson } from './node-json';

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const bool = (col: string) => `json(CASE ${col} WHEN 1 THEN 'true' ELSE 'false' END)`;

// API 1.0 folds 6 and 9–15 into `status` 6 (src-shared/maas api1-status.ts).
const LEGACY = 'CASE WHEN n.status IN (6, 9, 10, 11, 12, 13, 14, 15) THEN 6 ELSE n.status END';
const DISPLAY = `CASE n.status ${Object.entries(nodeStatusDisplay).map(([v, d]) => `WHEN ${v} THEN ${sqlText(d)}`).join(' ')}
  ELSE 'Unknown (' || n.status || ')' END`;

const NODE_OBJECT = `json_object(
  'system_id', n.system_id, 'hostname', n.hostname,
  'owner', (SELECT username FROM users u WHERE u.id = n.owner_id),
  'macaddress_set', json((SELECT json_group_array(json_object('mac_address', mac)) FROM (SELECT mac FROM macs WHERE node_id = n.id ORDER BY id))),
  'architecture', n.architecture, 'cpu_count', n.cpu_count, 'memory', n.memory, 'storage', n.storage,
  'status', ${LEGACY}, 'substatus', n.status, 'substatus_name', ${DISPLAY},
  'osystem', n.osystem, 'distro_series', n.distro_series, 'netboot', ${bool('n.netboot')},
  'power_type', n.power_type, 'power_state', n.power_state,
  'tag_names', json((SELECT json_group_array(name) FROM (SELECT t.name FROM node_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.node_id = n.id ORDER BY t.name))),
  'ip_addresses', json((SELECT json_group_array(ip) FROM (SELECT ip FROM static_ips WHERE node_id = n.id ORDER BY id))),
  'routers', json(n.routers),
  'zone', json(json_extract(?, '$.z' || n.zone_id)),
  'disable_ipv4', ${bool('n.disable_ipv4')}, 'boot_type', n.boot_type, 'swap_size', n.swap_size,
  'pxe_mac', json((SELECT json_object('mac_address', mac) FROM macs WHERE node_id = n.id ORDER BY id LIMIT 1)),
  'agent_name', n.agent_name, 'error_description', n.error_description,
  'resource_uri', ${sqlText(`${API_PREFIX}nodes/`)} || n.system_id || '/')`;

/** Zones are few: their representation (resource_uri percent-encoded) is made here once, bound as JSON. */
export function zonesParam(db: Database): string {
  return JSON.stringify(Object.fromEntries((prepared(db, 'SELECT id, name, description FROM zones').all() as { id: number; name: string; description: string }[])
    .map((z) => [`z${z.id}`, zoneJson(z)])));
}

export function nodesListJsonText(db: Database, f: NodeFilter): string {
  const { where, args } = nodeWhere(f);
  const sql = `SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT ${NODE_OBJECT} AS j FROM nodes n WHERE ${where} ORDER BY n.id)`;
  return prepared(db, sql).pluck().get(zonesParam(db), ...args) as string;
}

/** The JSON text of each node in `ids` (any order), for the list cache to keep per node. */
export function nodeJsonTexts(db: Database, ids: number[], zones: string): [id: number, json: string][] {
  const sql = `SELECT n.id, ${NODE_OBJECT} FROM nodes n WHERE n.id IN (SELECT value FROM json_each(?))`;
  return prepared(db, sql).raw(true).all(zones, JSON.stringify(ids)) as [number, string][];
}
