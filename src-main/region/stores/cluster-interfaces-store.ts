// The local cluster's interfaces (MAAS 1.8 NodeGroupInterface) and the static IP
// addresses users reserved from their static ranges.
import type { Database, Statement } from 'better-sqlite3';
import { nowIso } from '../db/open';

export interface InterfaceFields {
  name: string;
  ip: string;
  interface: string;
  management: number;
  subnet_mask: string;
  broadcast_ip: string;
  router_ip: string;
  ip_range_low: string;
  ip_range_high: string;
  static_ip_range_low: string;
  static_ip_range_high: string;
}
export type InterfaceRow = InterfaceFields & { id: number };

export interface StaticIpRow {
  id: number;
  ip: string;
  alloc_type: number;
  user_id: number | null;
  hostname: string;
  mac_address: string | null;
  created: string;
  node_id: number | null;
}

const COLS = `id, name, ip, interface, management, subnet_mask, broadcast_ip, router_ip, ip_range_low, ip_range_high,
  static_ip_range_low, static_ip_range_high`;
const SET = `name = @name, ip = @ip, interface = @interface, management = @management, subnet_mask = @subnet_mask,
  broadcast_ip = @broadcast_ip, router_ip = @router_ip, ip_range_low = @ip_range_low, ip_range_high = @ip_range_high,
  static_ip_range_low = @static_ip_range_low, static_ip_range_high = @static_ip_range_high`;

export class ClusterInterfacesStore {
  readonly #list: Statement<[], InterfaceRow>;
  readonly #byName: Statement<[string], InterfaceRow>;
  readonly #insert: Statement<[InterfaceFields]>;
  readonly #update: Statement<[InterfaceRow]>;
  readonly #delete: Statement<[number]>;
  readonly #ips: Statement<[], StaticIpRow>;
  readonly #ipsOf: Statement<[number], StaticIpRow>;
  readonly #ip: Statement<[string], StaticIpRow>;
  readonly #addIp: Statement<[string, number, number | null, string, string | null, string, number | null]>;
  readonly #ipsOfNode: Statement<[number], StaticIpRow>;
  readonly #removeIp: Statement<[number]>;

  constructor(db: Database) {
    this.#list = db.prepare(`SELECT ${COLS} FROM cluster_interfaces ORDER BY id`);
    this.#byName = db.prepare(`SELECT ${COLS} FROM cluster_interfaces WHERE name = ?`);
    this.#insert = db.prepare(`INSERT INTO cluster_interfaces (name, ip, interface, management, subnet_mask, broadcast_ip, router_ip,
      ip_range_low, ip_range_high, static_ip_range_low, static_ip_range_high) VALUES (@name, @ip, @interface, @management,
      @subnet_mask, @broadcast_ip, @router_ip, @ip_range_low, @ip_range_high, @static_ip_range_low, @static_ip_range_high)`);
    this.#update = db.prepare(`UPDATE cluster_interfaces SET ${SET} WHERE id = @id`);
    this.#delete = db.prepare('DELETE FROM cluster_interfaces WHERE id = ?');
    const ipCols = 'id, ip, alloc_type, user_id, hostname, mac_address, created, node_id';
    this.#ips = db.prepare(`SELECT ${ipCols} FROM static_ips ORDER BY id`);
    this.#ipsOf = db.prepare(`SELECT ${ipCols} FROM static_ips WHERE user_id = ? ORDER BY id`);
    this.#ip = db.prepare(`SELECT ${ipCols} FROM static_ips WHERE ip = ?`);
    this.#addIp = db.prepare(`INSERT INTO static_ips (ip, alloc_type, user_id, hostname, mac_address, created, node_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.#ipsOfNode = db.prepare(`SELECT ${ipCols} FROM static_ips WHERE node_id = ? ORDER BY id`);
    this.#removeIp = db.prepare('DELETE FROM static_ips WHERE id = ?');
  }

  list = (): InterfaceRow[] => this.#list.all();
  byName = (name: string): InterfaceRow | undefined => this.#byName.get(name);
  insert = (f: InterfaceFields): void => void this.#insert.run(f);
  update = (r: InterfaceRow): void => void this.#update.run(r);
  delete = (id: number): void => void this.#delete.run(id);

  staticIps = (): StaticIpRow[] => this.#ips.all();
  staticIpsOf = (userId: number): StaticIpRow[] => this.#ipsOf.all(userId);
  staticIp = (ip: string): StaticIpRow | undefined => this.#ip.get(ip);
  staticIpsOfNode = (nodeId: number): StaticIpRow[] => this.#ipsOfNode.all(nodeId);
  addStaticIp(ip: string, allocType: number, userId: number | null, hostname: string, mac: string | null, nodeId: number | null = null): StaticIpRow {
    this.#addIp.run(ip, allocType, userId, hostname, mac, nowIso(), nodeId);
    return this.#ip.get(ip)!;
  }
  removeStaticIp = (id: number): void => void this.#removeIp.run(id);
}
