// The `networks` / `not_networks` constraints of nodes op=acquire (MAAS 1.8
// AcquireNodeForm, network specifiers of maasserver/utils/network.py): "name" or
// "name:NAME", "ip:ADDRESS" (the network containing it) and "vlan:TAG". A node is on a
// network when one of its MACs is connected to it (networks op=connect_macs).
import type { Database } from 'better-sqlite3';
import { badRequest } from '../http/errors';
import { clip } from '../http/params';
import { contains, netOf, parseIp } from '../net/ip';
import { NetworksStore } from '../stores/networks-store';
import { maskOf } from './form';

/** The network ids the specifiers name; 400 for a malformed or unknown one. */
export function networkIds(db: Database, specs: string[], param: string): number[] {
  if (!specs.length) return [];
  const all = new NetworksStore(db).list();
  return specs.map((spec) => {
    const [kind, value] = spec.includes(':') && /^(name|ip|vlan):/.test(spec) ? [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)] : ['name', spec];
    let found;
    if (kind === 'vlan') {
      const tag = /^\d+$/.test(value) ? Number(value) : /^0x[0-9a-f]+$/i.test(value) ? parseInt(value, 16) : NaN;
      if (!Number.isInteger(tag) || tag < 1 || tag > 0xffe) throw badRequest(`${param}: VLAN tag must be a number between 1 and 4094 ("${clip(spec)}").`);
      found = all.find((n) => n.vlan_tag === tag);
    } else if (kind === 'ip') {
      const ip = parseIp(value);
      if (!ip) throw badRequest(`${param}: "${clip(spec)}" is not a valid IP address.`);
      found = all.find((n) => {
        const base = parseIp(n.ip)!;
        return contains(netOf(base, maskOf('netmask', n.netmask, base.family)), ip);
      });
    } else found = all.find((n) => n.name === value);
    if (!found) throw badRequest(`${param}: unknown network "${clip(spec)}" (define networks with POST networks/).`);
    return found.id;
  });
}

/** The ids of the networks any MAC of the node is connected to. */
export function networksOfNode(db: Database, nodeId: number): Set<number> {
  return new Set(db.prepare('SELECT DISTINCT nm.network_id FROM network_macs nm JOIN macs m ON m.id = nm.mac_id WHERE m.node_id = ?')
    .pluck().all(nodeId) as number[]);
}
