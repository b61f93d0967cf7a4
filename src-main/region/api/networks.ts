// networks/ and networks/{name}/ (MAAS 1.8 NetworksHandler / NetworkHandler): anyone reads,
// admins define, change, delete and connect node MACs. Network.clean's rules: the name is
// letters, digits, "-" and "_"; host bits of ip are zeroed; the netmask is contiguous;
// vlan_tag is 0 (untagged) or 1..0xffe and unique; networks do not overlap.
import { badRequest, conflict, notFound } from '../http/errors';
import { json, noContent, text, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { findNodes } from '../stores/node-query';
import { NetworksStore, type NetworkFields, type NetworkRow } from '../stores/networks-store';
import { formatIp, netOf, overlaps, contains } from '../net/ip';
import { canView, requireAdmin, userOf } from './access';
import { list, macList } from './lookup';
import { field, fieldError, ipOf, ipText, maskOf } from './form';

const NAME = /^[A-Za-z0-9_-]+$/;

export const networkJson = (n: NetworkRow) => ({
  name: n.name, ip: n.ip, netmask: n.netmask, vlan_tag: n.vlan_tag, description: n.description,
  default_gateway: n.default_gateway, dns_servers: n.dns_servers, resource_uri: `/MAAS/api/1.0/networks/${n.name}/`,
});

function vlanTag(v: string): number {
  const t = v.trim();
  const n = /^\d+$/.test(t) ? Number(t) : /^0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 0xffe) {
    throw fieldError('vlan_tag', `"${clip(v)}" is not a VLAN tag: use a number from 1 to 4094 (0xffe), or 0 for an untagged network.`);
  }
  return n;
}

/** Network.clean_netmask (MAAS 1.8 maasserver/models/network.py): one family, not all or nothing. */
function netmaskPrefix(raw: string, family: 4 | 6): number {
  if (ipOf('netmask', raw).family !== family) {
    throw fieldError('netmask', "You can't mix IPv4 and IPv6 anywhere in the same network definition.");
  }
  const prefix = maskOf('netmask', raw, family);
  if (prefix === 0) throw fieldError('netmask', 'This netmask would span the entire Internet.');
  if (prefix === (family === 4 ? 32 : 128)) throw fieldError('netmask', 'This netmask leaves no room for IP addresses.');
  return prefix;
}

/** The network the form describes, `base` (an update) overlaid with the fields sent. */
function readNetwork(store: NetworksStore, ctx: Ctx, base?: NetworkRow): NetworkFields {
  const p = ctx.params;
  const name = field(p, 'name', 255) ?? base?.name ?? '';
  if (!name) throw fieldError('name', 'This field is required.');
  if (!NAME.test(name)) throw fieldError('name', `"${clip(name)}" may contain only letters, digits, dashes and underscores.`);
  const ipRaw = field(p, 'ip', 100) ?? base?.ip ?? '';
  const maskRaw = field(p, 'netmask', 100) ?? base?.netmask ?? '';
  if (!ipRaw) throw fieldError('ip', 'This field is required.');
  if (!maskRaw) throw fieldError('netmask', 'This field is required.');
  const ip = ipOf('ip', ipRaw);
  const prefix = netmaskPrefix(maskRaw, ip.family);
  const net = netOf(ip, prefix);
  const vlan = p.get('vlan_tag');
  const gateway = ipText('default_gateway', field(p, 'default_gateway', 100) ?? base?.default_gateway ?? '');
  if (gateway && !contains(net, ipOf('default_gateway', gateway))) throw fieldError('default_gateway', `${gateway} is not inside the network.`);
  const dns = (field(p, 'dns_servers', 2000) ?? base?.dns_servers ?? '').split(/[\s,]+/).filter(Boolean).map((d) => ipText('dns_servers', d));
  const out: NetworkFields = {
    name, ip: formatIp({ family: ip.family, value: net.first }), netmask: ipText('netmask', maskRaw),
    vlan_tag: vlan === undefined || vlan.trim() === '' ? base?.vlan_tag ?? 0 : vlanTag(vlan),
    description: field(p, 'description', 10_000) ?? base?.description ?? '', default_gateway: gateway, dns_servers: dns.join(' '),
  };
  for (const other of store.list()) {
    if (other.id === base?.id) continue;
    if (other.name === out.name) throw fieldError('name', 'Network with this Name already exists.');
    if (out.vlan_tag !== 0 && other.vlan_tag === out.vlan_tag) throw fieldError('vlan_tag', `VLAN tag ${out.vlan_tag} is already used by network ${other.name}.`);
    const o = ipOf('ip', other.ip);
    if (overlaps(net, netOf(o, maskOf('netmask', other.netmask, o.family)))) {
      throw fieldError('ip', `the network ${out.ip}/${prefix} overlaps network ${other.name} (${other.ip}/${other.netmask}).`);
    }
  }
  return out;
}

export function networksOps(core: RegionCore): OpTable {
  const store = new NetworksStore(core.db);
  return {
    GET: (ctx) => {
      userOf(ctx);
      const ids = list(ctx.params, 'node');
      if (!ids.length) return json(store.list().map(networkJson));
      const nodes = findNodes(core.db, { installable: true, systemIds: ids });
      const found = new Set(nodes.map((n) => n.system_id));
      const unknown = [...new Set(ids)].filter((i) => !found.has(i));
      if (unknown.length) throw fieldError('node', `Unknown node(s): ${unknown.map((u) => clip(u)).join(', ')}.`);
      return json(store.commonTo(nodes.map((n) => n.id)).map(networkJson));
    },
    POST: (ctx) => {
      requireAdmin(ctx, 'Defining networks');
      return json(networkJson(core.tx(() => store.insert(readNetwork(store, ctx)))));
    },
  };
}

export function networkOps(core: RegionCore): OpTable {
  const store = new NetworksStore(core.db);
  const find = (ctx: Ctx) => {
    userOf(ctx);
    const n = store.byName(ctx.args[0]);
    if (!n) throw notFound(`Network ${clip(ctx.args[0])}`);
    return n;
  };
  // MACsForm (MAAS 1.8 maasserver/forms.py): `macs` is required=True for connect and disconnect.
  const macs = (ctx: Ctx): string[] => {
    const given = macList(ctx.params, 'macs') ?? [];
    if (!given.length) throw fieldError('macs', 'This field is required.');
    const unknown = given.filter((m) => core.nodes.nodeOfMac(m) === undefined);
    if (unknown.length) throw fieldError('macs', `Unknown MAC address(es): ${unknown.join(', ')}.`);
    return given;
  };
  return {
    GET: (ctx) => json(networkJson(find(ctx))),
    PUT: (ctx) => {
      requireAdmin(ctx, 'Changing networks');
      return json(networkJson(core.tx(() => {
        const n = find(ctx);
        const row = { id: n.id, ...readNetwork(store, ctx, n) };
        store.update(row);
        return row;
      })));
    },
    DELETE: (ctx) => {
      requireAdmin(ctx, 'Deleting networks');
      core.tx(() => {
        const n = find(ctx);
        const attached = store.macs(n.id).length;
        if (attached) throw conflict(`Network ${n.name} still has ${attached} node MAC address(es) connected: disconnect them first.`);
        store.delete(n.id);
      });
      return noContent();
    },
    'GET list_connected_macs': (ctx) => {
      const u = userOf(ctx);
      const n = find(ctx);
      const rows = store.macs(n.id);
      const nodes = new Map(rows.map((r) => [r.node_id, core.nodes.byId(r.node_id)!]));
      return json(rows.filter((r) => canView(u, nodes.get(r.node_id)!)).map((r) => {
        const node = nodes.get(r.node_id)!;
        return { mac_address: r.mac, resource_uri: `/MAAS/api/1.0/nodes/${node.system_id}/macs/${r.mac}/` };
      }));
    },
    'POST connect_macs': (ctx) => {
      requireAdmin(ctx, 'Connecting MAC addresses to networks');
      const n = find(ctx);
      const given = macs(ctx);
      core.tx(() => given.forEach((m) => store.connect(n.id, m)));
      return text('');
    },
    'POST disconnect_macs': (ctx) => {
      requireAdmin(ctx, 'Disconnecting MAC addresses from networks');
      const n = find(ctx);
      const given = macs(ctx);
      core.tx(() => given.forEach((m) => store.disconnect(n.id, m)));
      return text('');
    },
  };
}
