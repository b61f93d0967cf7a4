// Networks (MAAS 1.8 Network) and which node MACs are connected to them.
import type { Database, Statement } from 'better-sqlite3';

export interface NetworkRow {
  id: number;
  name: string;
  ip: string;
  netmask: string;
  vlan_tag: number;
  description: string;
  default_gateway: string;
  dns_servers: string;
}

export type NetworkFields = Omit<NetworkRow, 'id'>;
const COLS = 'id, name, ip, netmask, vlan_tag, description, default_gateway, dns_servers';

export class NetworksStore {
  readonly #list: Statement<[], NetworkRow>;
  readonly #byName: Statement<[string], NetworkRow>;
  readonly #insert: Statement<NetworkFields>;
  readonly #update: Statement<NetworkRow>;
  readonly #delete: Statement<[number]>;
  readonly #macs: Statement<[number], { mac: string; node_id: number }>;
  readonly #connect: Statement<[number, string]>;
  readonly #disconnect: Statement<[number, string]>;
  readonly #commonTo: Statement<[string, number], NetworkRow>;

  constructor(db: Database) {
    this.#list = db.prepare(`SELECT ${COLS} FROM networks ORDER BY name`);
    this.#byName = db.prepare(`SELECT ${COLS} FROM networks WHERE name = ?`);
    this.#insert = db.prepare(`INSERT INTO networks (name, ip, netmask, vlan_tag, description, default_gateway, dns_servers)
      VALUES (@name, @ip, @netmask, @vlan_tag, @description, @default_gateway, @dns_servers)`);
    this.#update = db.prepare(`UPDATE networks SET name = @name, ip = @ip, netmask = @netmask, vlan_tag = @vlan_tag,
      description = @description, default_gateway = @default_gateway, dns_servers = @dns_servers WHERE id = @id`);
    this.#delete = db.prepare('DELETE FROM networks WHERE id = ?');
    this.#macs = db.prepare(`SELECT m.mac, m.node_id FROM network_macs nm JOIN macs m ON m.id = nm.mac_id
      WHERE nm.network_id = ? ORDER BY m.mac`);
    this.#connect = db.prepare('INSERT OR IGNORE INTO network_macs (network_id, mac_id) SELECT ?, id FROM macs WHERE mac = ?');
    this.#disconnect = db.prepare('DELETE FROM network_macs WHERE network_id = ? AND mac_id = (SELECT id FROM macs WHERE mac = ?)');
    // Networks every one of the given nodes (JSON list of node ids) has a MAC on.
    this.#commonTo = db.prepare(`SELECT ${COLS} FROM networks n WHERE (
        SELECT count(DISTINCT m.node_id) FROM network_macs nm JOIN macs m ON m.id = nm.mac_id
        WHERE nm.network_id = n.id AND m.node_id IN (SELECT value FROM json_each(?))) = ? ORDER BY name`);
  }

  list(): NetworkRow[] {
    return this.#list.all();
  }

  commonTo(nodeIds: number[]): NetworkRow[] {
    return this.#commonTo.all(JSON.stringify(nodeIds), nodeIds.length);
  }

  byName(name: string): NetworkRow | undefined {
    return this.#byName.get(name);
  }

  insert(f: NetworkFields): NetworkRow {
    return { id: Number(this.#insert.run(f).lastInsertRowid), ...f };
  }

  update(row: NetworkRow): void {
    this.#update.run(row);
  }

  delete(id: number): void {
    this.#delete.run(id);
  }

  macs(id: number): { mac: string; node_id: number }[] {
    return this.#macs.all(id);
  }

  connect(id: number, mac: string): void {
    this.#connect.run(id, mac);
  }

  disconnect(id: number, mac: string): void {
    this.#disconnect.run(id, mac);
  }
}
