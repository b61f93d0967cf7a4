// ipaddresses/ (MAAS 1.8 IPAddressesHandler): addresses a user reserves from a static range
// of the local cluster's interfaces, so MAAS never hands them to a node. Each reservation
// is one IMMEDIATE transaction that picks the lowest free address, and static_ips.ip is
// UNIQUE: the same address can never be handed out twice, even by two region processes.
import { normaliseMac } from '../../../src-shared/maas/index';
import { RegionError, badRequest, conflict, notFound } from '../http/errors';
import { json, noContent, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { ClusterInterfacesStore, type StaticIpRow } from '../stores/cluster-interfaces-store';
import { networkOf } from '../net/interface-ranges';
import { formatIp, parseCidr, parseIp, netText } from '../net/ip';
import { firstFree, inRange, ownAddresses, staticInterfaces, takenAddresses } from '../net/allocate';
import { userOf } from './access';
import { field, fieldError } from './form';
import { hostnameError } from './lookup';

/** IPADDRESS_TYPE.USER_RESERVED in MAAS 1.8. */
const USER_RESERVED = 4;

const ipJson = (r: StaticIpRow) => ({
  alloc_type: r.alloc_type, created: r.created, ip: r.ip, hostname: r.hostname, mac_address: r.mac_address,
  resource_uri: '/MAAS/api/1.0/ipaddresses/',
});

export function ipAddressesOps(core: RegionCore): OpTable {
  const store = new ClusterInterfacesStore(core.db);
  return {
    GET: (ctx) => json(store.staticIpsOf(userOf(ctx).id).filter((r) => r.alloc_type === USER_RESERVED).map(ipJson)),
    'POST reserve': (ctx) => {
      const u = userOf(ctx);
      const netParam = field(ctx.params, 'network', 100);
      const net = netParam ? parseCidr(netParam) : null;
      if (netParam && !net) throw fieldError('network', `"${clip(netParam)}" is not a network in CIDR form with its host bits zero, e.g. 10.1.2.0/24.`);
      const reqParam = field(ctx.params, 'requested_address', 100);
      const requested = reqParam ? parseIp(reqParam) : null;
      if (reqParam && !requested) throw fieldError('requested_address', `"${clip(reqParam)}" is not a valid IP address.`);
      // IPAddressesHandler.reserve (MAAS 1.8 maasserver/api/ip_addresses.py): one of the two is
      // required; a plain MAASAPIBadRequest, not a form error.
      if (!netParam && !reqParam) throw badRequest('Must supply either a network or a requested_address.');
      const hostname = field(ctx.params, 'hostname', 255) ?? '';
      const hostnameBad = hostname ? hostnameError(hostname) : null;
      if (hostnameBad) throw hostnameBad;
      const macParam = field(ctx.params, 'mac', 100) || field(ctx.params, 'mac_address', 100);
      const mac = macParam ? normaliseMac(macParam) : null;
      if (macParam && !mac) throw fieldError('mac', `"${clip(macParam)}" is not a valid MAC address.`);
      return json(ipJson(core.tx(() => {
        let ifaces = staticInterfaces(store);
        if (net) {
          ifaces = ifaces.filter((i) => { const n = networkOf(i); return n && n.family === net.family && n.first === net.first && n.prefix === net.prefix; });
          if (!ifaces.length) throw fieldError('network', `No network in MAAS matches ${netText(net)}: it must be the network of a cluster interface with a static range.`);
        }
        const taken = takenAddresses(store);
        if (requested) {
          const text = formatIp(requested);
          const home = ifaces.find((i) => inRange(i, 'static', requested));
          if (!home) throw fieldError('requested_address', `${text} is not inside a static IP range of ${net ? `network ${netText(net)}` : 'any cluster interface'}.`);
          if (taken.has(text) || ownAddresses(home).has(text)) throw conflict(`The IP address ${text} is already in use.`);
          return store.addStaticIp(text, USER_RESERVED, u.id, hostname, mac);
        }
        for (const i of ifaces) {
          const free = firstFree(i, taken);
          if (free) return store.addStaticIp(free, USER_RESERVED, u.id, hostname, mac);
        }
        throw new RegionError('unavailable', `No more IP addresses are available in the static range(s) of ${ifaces.map((i) => i.name).join(', ')}.`);
      })));
    },
    'POST release': (ctx) => {
      const u = userOf(ctx);
      const raw = field(ctx.params, 'ip', 100);
      if (!raw) throw fieldError('ip', 'This field is required.');
      const ip = parseIp(raw);
      if (!ip) throw fieldError('ip', `"${clip(raw)}" is not a valid IP address.`);
      core.tx(() => {
        const r = store.staticIp(formatIp(ip));
        if (!r || r.user_id !== u.id || r.alloc_type !== USER_RESERVED) throw notFound(`IP address ${formatIp(ip)} reserved by ${u.username}`);
        store.removeStaticIp(r.id);
      });
      return noContent();
    },
  };
}
