// API 1.0 representations of nodes and devices, built for many rows at once: one query
// each for MACs, tags, zones and owners, whatever the number of nodes (10,000 in the bench).
import type { Database } from 'better-sqlite3';
import type { Api1Device, Api1Node, Api1Zone } from '../../../src-shared/maas/index';
import { api1LegacyStatus, displayStatus } from '../../../src-shared/maas/index';
import type { NodeRow } from '../stores/nodes-store';
import { API_PREFIX } from '../http/paths';
import { prepared } from '../stores/node-query';

type Grouped = Map<number, string[]>;

/** [node_id, value] rows (better-sqlite3 raw mode: no object per row) grouped by node. */
function grouped(db: Database, sql: string, args: unknown[]): Grouped {
  const m: Grouped = new Map();
  for (const [id, v] of prepared(db, sql).raw(true).all(...args) as [number, string][]) {
    const l = m.get(id);
    if (l) l.push(v);
    else m.set(id, [v]);
  }
  return m;
}

export const zoneJson = (z: { name: string; description: string }): Api1Zone =>
  ({ name: z.name, description: z.description, resource_uri: `${API_PREFIX}zones/${encodeURIComponent(z.name)}/` });

/** What a representation needs besides the node rows, loaded in a handful of queries. */
export class NodeJsonContext {
  readonly macs: Grouped;
  readonly tags: Grouped;
  readonly zones: Map<number, Api1Zone>;
  readonly users: Map<number, string>;
  readonly systemIds: Map<number, string>;
  /** Sticky IP addresses (sticky-ips.ts). */
  readonly ips: Grouped;

  /** `few`: load MACs and tags of `rows` only (else of every node, one scan each). */
  constructor(db: Database, rows: Pick<NodeRow, 'id' | 'parent_id'>[], few = rows.length <= 200) {
    // One node (an enlistment's answer, a read) is the common case: a plain `= ?` lookup.
    const one = rows.length === 1;
    const inRows = one ? '= ?' : 'IN (SELECT value FROM json_each(?))';
    const a = !few ? [] : one ? [rows[0].id] : [JSON.stringify(rows.map((r) => r.id))];
    this.macs = grouped(db, `SELECT node_id, mac FROM macs ${few ? `WHERE node_id ${inRows}` : ''} ORDER BY id`, a);
    this.ips = grouped(db, `SELECT node_id, ip FROM static_ips WHERE node_id IS NOT NULL ${few ? `AND node_id ${inRows}` : ''}
      ORDER BY id`, a);
    this.tags = grouped(db, `SELECT nt.node_id, t.name FROM node_tags nt JOIN tags t ON t.id = nt.tag_id
      ${few ? `WHERE nt.node_id ${inRows}` : ''} ORDER BY t.name`, a);
    this.zones = new Map((prepared(db, 'SELECT id, name, description FROM zones').all() as { id: number; name: string; description: string }[])
      .map((z) => [z.id, zoneJson(z)]));
    this.users = new Map((prepared(db, 'SELECT id, username FROM users').all() as { id: number; username: string }[]).map((u) => [u.id, u.username]));
    const parents = rows.filter((r) => r.parent_id !== null).map((r) => r.parent_id);
    this.systemIds = new Map(parents.length
      ? (prepared(db, 'SELECT id, system_id FROM nodes WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(parents)) as { id: number; system_id: string }[])
        .map((p) => [p.id, p.system_id])
      : []);
  }
}

export function nodeJson(r: NodeRow, c: NodeJsonContext): Api1Node {
  const macs = c.macs.get(r.id) ?? [];
  return {
    system_id: r.system_id,
    hostname: r.hostname,
    owner: r.owner_id === null ? null : (c.users.get(r.owner_id) ?? null),
    macaddress_set: macs.map((m) => ({ mac_address: m })),
    architecture: r.architecture,
    cpu_count: r.cpu_count,
    memory: r.memory,
    storage: r.storage,
    status: api1LegacyStatus(r.status),
    substatus: r.status,
    substatus_name: displayStatus(r.status),
    osystem: r.osystem,
    distro_series: r.distro_series,
    netboot: r.netboot === 1,
    power_type: r.power_type,
    power_state: r.power_state as Api1Node['power_state'],
    tag_names: c.tags.get(r.id) ?? [],
    ip_addresses: c.ips.get(r.id) ?? [],
    routers: JSON.parse(r.routers) as string[],
    zone: r.zone_id === null ? null : (c.zones.get(r.zone_id) ?? null),
    disable_ipv4: r.disable_ipv4 === 1,
    boot_type: r.boot_type,
    swap_size: r.swap_size,
    pxe_mac: macs.length ? { mac_address: macs[0] } : null,
    agent_name: r.agent_name,
    error_description: r.error_description,
    resource_uri: `${API_PREFIX}nodes/${r.system_id}/`,
  };
}

export function deviceJson(r: NodeRow, c: NodeJsonContext): Api1Device {
  return {
    system_id: r.system_id,
    hostname: r.hostname,
    owner: r.owner_id === null ? null : (c.users.get(r.owner_id) ?? null),
    macaddress_set: (c.macs.get(r.id) ?? []).map((m) => ({ mac_address: m })),
    parent: r.parent_id === null ? null : (c.systemIds.get(r.parent_id) ?? null),
    tag_names: c.tags.get(r.id) ?? [],
    ip_addresses: c.ips.get(r.id) ?? [],
    zone: r.zone_id === null ? null : (c.zones.get(r.zone_id) ?? null),
    resource_uri: `${API_PREFIX}devices/${r.system_id}/`,
  };
}

export const nodesJson = (db: Database, rows: NodeRow[]): Api1Node[] => {
  const c = new NodeJsonContext(db, rows);
  return rows.map((r) => nodeJson(r, c));
};

export const devicesJson = (db: Database, rows: NodeRow[]): Api1Device[] => {
  const c = new NodeJsonContext(db, rows);
  return rows.map((r) => deviceJson(r, c));
};
