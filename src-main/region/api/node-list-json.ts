// nodes op=list at scale: the same representation as nodeJson (node-json.ts), written
// straight from SQLite's row arrays into JSON text. With 10,000 nodes, building 10,000 row
// objects, then 10,000 representation objects, then stringifying them took most of the
// request (PERFORMANCE.md: < 150 ms). A unit test holds the two paths equal.
import type { Database } from 'better-sqlite3';
import { api1LegacyStatus, displayStatus } from '../../../src-shared/maas/index';
import { nodeWhere, prepared, type NodeFilter } from '../stores/node-query';
import { API_PREFIX } from '../http/paths';
import { NodeJsonContext } from './node-json';

const COLS = `id, system_id, hostname, owner_id, architecture, cpu_count, memory, storage, status, osystem, distro_series,
  netboot, power_type, power_state, routers, zone_id, disable_ipv4, boot_type, swap_size, agent_name, error_description`;

const q = JSON.stringify;

export function nodesListJsonText(db: Database, f: NodeFilter): string {
  const { where, args } = nodeWhere(f);
  const rows = prepared(db, `SELECT ${COLS} FROM nodes WHERE ${where} ORDER BY id`).raw(true).all(...args) as unknown[][];
  const c = new NodeJsonContext(db, rows.length > 200 ? [] : rows.map((r) => ({ id: r[0] as number, parent_id: null }) as never), rows.length <= 200);
  const zones = new Map([...c.zones].map(([id, z]) => [id, q(z)]));
  const owners = new Map([...c.users].map(([id, u]) => [id, q(u)]));
  const parts: string[] = [];
  for (const r of rows) {
    const [id, sid, host, owner, arch, cpu, mem, storage, status, os, series, netboot, ptype, pstate, routers, zone, noV4, boot, swap, agent, err] = r as [
      number, string, string, number | null, string, number, number, number, number, string, string, number, string, string, string,
      number | null, number, string, number | null, string, string];
    const macs = c.macs.get(id) ?? [];
    const tags = c.tags.get(id);
    const ips = c.ips.get(id);
    parts.push(`{"system_id":${q(sid)},"hostname":${q(host)},"owner":${owner === null ? 'null' : (owners.get(owner) ?? 'null')},` +
      `"macaddress_set":[${macs.map((m) => `{"mac_address":"${m}"}`).join(',')}],"architecture":${q(arch)},"cpu_count":${cpu},` +
      `"memory":${mem},"storage":${storage},"status":${api1LegacyStatus(status as 0)},"substatus":${status},` +
      `"substatus_name":${q(displayStatus(status))},"osystem":${q(os)},"distro_series":${q(series)},"netboot":${netboot === 1},` +
      `"power_type":${q(ptype)},"power_state":${q(pstate)},"tag_names":${tags ? q(tags) : '[]'},"ip_addresses":${ips ? q(ips) : '[]'},` +
      `"routers":${routers},"zone":${zone === null ? 'null' : (zones.get(zone) ?? 'null')},"disable_ipv4":${noV4 === 1},` +
      `"boot_type":${q(boot)},"swap_size":${swap === null ? 'null' : swap},"pxe_mac":${macs.length ? `{"mac_address":"${macs[0]}"}` : 'null'},` +
      `"agent_name":${q(agent)},"error_description":${q(err)},"resource_uri":${q(`${API_PREFIX}nodes/${sid}/`)}}`);
  }
  return `[${parts.join(',')}]`;
}
