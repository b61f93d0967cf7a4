// Nodes (and devices: installable = 0) with their MAC addresses. Rows keep SQLite's
// snake_case names: the API representation (../api/node-json.ts) is built from them.
import { randomUUID, randomInt } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { NodeStatusValue } from '../../../src-shared/maas/index';
import type { SecretBox } from '../secrets/cipher';
import { powerParamsPlace } from '../secrets/places';
import { nowIso } from '../db/open';

export interface NodeRow {
  id: number;
  system_id: string;
  hostname: string;
  installable: number;
  status: NodeStatusValue;
  status_changed: string;
  owner_id: number | null;
  token_id: number | null;
  parent_id: number | null;
  zone_id: number | null;
  architecture: string;
  cpu_count: number;
  memory: number;
  storage: number;
  power_type: string;
  power_state: string;
  agent_name: string;
  error_description: string;
  osystem: string;
  distro_series: string;
  boot_type: string;
  swap_size: number | null;
  netboot: number;
  disable_ipv4: number;
  /** JSON array of router MACs (from LLDP details, as MAAS's set_node_routers). */
  routers: string;
  created: string;
  updated: string;
}

/** Columns a caller may set through `update` (never id, system_id, status or secrets). */
export type NodeFields = Partial<Pick<NodeRow,
  'hostname' | 'owner_id' | 'token_id' | 'parent_id' | 'zone_id' | 'architecture' | 'cpu_count' | 'memory' |
  'storage' | 'power_type' | 'power_state' | 'agent_name' | 'error_description' | 'osystem' | 'distro_series' |
  'boot_type' | 'swap_size' | 'netboot' | 'disable_ipv4' | 'routers'>>;

const UPDATABLE = new Set<string>([
  'hostname', 'owner_id', 'token_id', 'parent_id', 'zone_id', 'architecture', 'cpu_count', 'memory', 'storage',
  'power_type', 'power_state', 'agent_name', 'error_description', 'osystem', 'distro_series', 'boot_type',
  'swap_size', 'netboot', 'disable_ipv4', 'routers',
]);

export const NODE_COLUMNS = `id, system_id, hostname, installable, status, status_changed, owner_id, token_id, parent_id,
  zone_id, architecture, cpu_count, memory, storage, power_type, power_state, agent_name, error_description, osystem,
  distro_series, boot_type, swap_size, netboot, disable_ipv4, routers, created, updated`;

const CONSONANTS = 'bcdfghjklmnpqrstvwxyz';
const VOWELS = 'aeiou';

/** A MAAS-1.x-style random hostname: five letters, alternating consonants and vowels. */
export const generateHostname = (): string =>
  Array.from({ length: 5 }, (_, i) => (i % 2 ? VOWELS[randomInt(5)] : CONSONANTS[randomInt(21)])).join('');

export class NodesStore {
  readonly #bySystemId: Statement<[string], NodeRow>;
  readonly #byId: Statement<[number], NodeRow>;
  readonly #byHostname: Statement<[string], NodeRow>;
  readonly #hostnameTaken: Statement<[string], number>;
  readonly #insert: Statement<unknown[], NodeRow>;
  readonly #setStatus: Statement<[number, string, string, number]>;
  readonly #delete: Statement<[number]>;
  readonly #macsOf: Statement<[number], { mac: string }>;
  readonly #nodeOfMac: Statement<[string], { node_id: number }>;
  readonly #addMac: Statement<[number, string, string]>;
  readonly #removeMac: Statement<[number, string]>;
  readonly #powerGet: Statement<[number], { power_params_enc: Buffer | null }>;
  readonly #powerSet: Statement<[Buffer | null, string, number]>;
  readonly #updateCache = new Map<string, Statement<unknown[]>>();

  constructor(private readonly db: Database, private readonly box: SecretBox) {
    this.#bySystemId = db.prepare(`SELECT ${NODE_COLUMNS} FROM nodes WHERE system_id = ?`);
    this.#byId = db.prepare(`SELECT ${NODE_COLUMNS} FROM nodes WHERE id = ?`);
    this.#byHostname = db.prepare(`SELECT ${NODE_COLUMNS} FROM nodes WHERE hostname = ?`);
    this.#hostnameTaken = db.prepare<[string], number>('SELECT 1 FROM nodes WHERE hostname = ?').pluck();
    this.#insert = db.prepare(`INSERT INTO nodes (system_id, hostname, installable, status, status_changed, owner_id,
      parent_id, zone_id, architecture, cpu_count, memory, storage, power_type, created, updated)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${NODE_COLUMNS}`);
    this.#setStatus = db.prepare('UPDATE nodes SET status = ?, status_changed = ?, updated = ? WHERE id = ?');
    this.#delete = db.prepare('DELETE FROM nodes WHERE id = ?');
    this.#macsOf = db.prepare('SELECT mac FROM macs WHERE node_id = ? ORDER BY id');
    this.#nodeOfMac = db.prepare('SELECT node_id FROM macs WHERE mac = ?');
    this.#addMac = db.prepare('INSERT INTO macs (node_id, mac, created) VALUES (?, ?, ?)');
    this.#removeMac = db.prepare('DELETE FROM macs WHERE node_id = ? AND mac = ?');
    this.#powerGet = db.prepare('SELECT power_params_enc FROM nodes WHERE id = ?');
    this.#powerSet = db.prepare('UPDATE nodes SET power_params_enc = ?, updated = ? WHERE id = ?');
  }

  bySystemId(systemId: string): NodeRow | undefined {
    return this.#bySystemId.get(systemId);
  }

  byId(id: number): NodeRow | undefined {
    return this.#byId.get(id);
  }

  byHostname(hostname: string): NodeRow | undefined {
    return this.#byHostname.get(hostname);
  }

  /** Whether a node or device has this hostname (enlistment's check, without reading the row). */
  hostnameTaken(hostname: string): boolean {
    return this.#hostnameTaken.get(hostname) !== undefined;
  }

  insert(n: {
    hostname: string; installable: boolean; status: NodeStatusValue; ownerId?: number | null; parentId?: number | null;
    zoneId: number | null; architecture?: string; cpuCount?: number; memory?: number; storage?: number; powerType?: string;
    systemId?: string;
  }): NodeRow {
    const now = nowIso();
    const systemId = n.systemId ?? `node-${randomUUID()}`; // MAAS 1.x system ids
    return this.#insert.get(systemId, n.hostname, n.installable ? 1 : 0, n.status, now, n.ownerId ?? null,
      n.parentId ?? null, n.zoneId, n.architecture ?? '', n.cpuCount ?? 0, n.memory ?? 0, n.storage ?? 0,
      n.powerType ?? '', now, now)!;
  }

  setStatus(id: number, status: NodeStatusValue): void {
    const now = nowIso();
    this.#setStatus.run(status, now, now, id);
  }

  update(id: number, fields: NodeFields): void {
    const names = Object.keys(fields).filter((k) => UPDATABLE.has(k)).sort();
    if (names.length === 0) return;
    const sig = names.join(',');
    let st = this.#updateCache.get(sig);
    if (!st) {
      st = this.db.prepare(`UPDATE nodes SET ${names.map((n) => `${n} = ?`).join(', ')}, updated = ? WHERE id = ?`);
      this.#updateCache.set(sig, st);
    }
    st.run(...names.map((n) => (fields as Record<string, unknown>)[n]), nowIso(), id);
  }

  delete(id: number): void {
    this.#delete.run(id);
  }

  macsOf(id: number): string[] {
    return this.#macsOf.all(id).map((r) => r.mac);
  }

  /** The node id holding `mac` (normalised), if any. */
  nodeOfMac(mac: string): number | undefined {
    return this.#nodeOfMac.get(mac)?.node_id;
  }

  addMac(id: number, mac: string): void {
    this.#addMac.run(id, mac, nowIso());
  }

  removeMac(id: number, mac: string): boolean {
    return this.#removeMac.run(id, mac).changes > 0;
  }

  powerParams(id: number): Record<string, string> {
    const enc = this.#powerGet.get(id)?.power_params_enc;
    if (!enc) return {};
    return JSON.parse(this.box.open(enc, powerParamsPlace(id))) as Record<string, string>;
  }

  setPowerParams(id: number, params: Record<string, string>): void {
    const enc = Object.keys(params).length ? this.box.seal(JSON.stringify(params), powerParamsPlace(id)) : null;
    this.#powerSet.run(enc, nowIso(), id);
  }
}
