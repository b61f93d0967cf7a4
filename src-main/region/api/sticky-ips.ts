// nodes/{id}/ and devices/{id}/ op=claim_sticky_ip_address / op=release_sticky_ip_address
// (MAAS 1.8). A sticky IP stays with the node's MAC until released or the node is deleted.
// MAAS linked a MAC to a cluster interface from DHCP leases; with no DHCP here, an address
// is drawn from the first static range of the local cluster that has one free.
import { NodeStatus as S, normaliseMac } from '../../../src-shared/maas/index';
import { RegionError, conflict, forbidden, notFound } from '../http/errors';
import { json, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { ClusterInterfacesStore } from '../stores/cluster-interfaces-store';
import { firstFree, inRange, ownAddresses, staticInterfaces, takenAddresses } from '../net/allocate';
import { formatIp, parseIp } from '../net/ip';
import { checkNode, userOf } from './access';
import { field, fieldError } from './form';
import { nodeOr404 } from './lookup';
import { devicesJson, nodesJson } from './node-json';

/** IPADDRESS_TYPE.STICKY in MAAS 1.8. */
const STICKY = 1;

export function stickyIpOps(core: RegionCore, installable: boolean): OpTable {
  const store = new ClusterInterfacesStore(core.db);
  const what = installable ? 'node' : 'device';
  const target = (ctx: Ctx) => {
    const n = checkNode(userOf(ctx), nodeOr404(core, ctx.args[0], installable), 'edit', installable ? 'Node' : 'Device');
    if (installable && n.status === S.ALLOCATED) throw conflict(`Node ${n.system_id} is allocated: its sticky IP addresses cannot change now.`);
    return n;
  };
  const answer = (id: number) => {
    const row = core.nodes.byId(id)!;
    return json(installable ? nodesJson(core.db, [row])[0] : devicesJson(core.db, [row])[0]);
  };
  return {
    'POST claim_sticky_ip_address': (ctx) => {
      const n = target(ctx);
      const macs = core.nodes.macsOf(n.id);
      const macParam = field(ctx.params, 'mac_address', 100);
      const mac = macParam ? normaliseMac(macParam) : macs[0];
      if (!mac || !macs.includes(mac)) {
        throw fieldError('mac_address', macParam ? `${clip(macParam)} is not a MAC address of ${what} ${n.system_id}.` : `${what} ${n.system_id} has no MAC address.`);
      }
      const reqParam = field(ctx.params, 'requested_address', 100);
      const requested = reqParam ? parseIp(reqParam) : null;
      if (reqParam && !requested) throw fieldError('requested_address', `"${clip(reqParam)}" is not a valid IP address.`);
      core.tx(() => {
        const mine = store.staticIpsOfNode(n.id).find((s) => s.mac_address === mac);
        if (mine) {
          if (!requested || formatIp(requested) === mine.ip) return; // already has it
          throw conflict(`MAC address ${mac} already has the sticky IP address ${mine.ip}: release it first.`);
        }
        const ifaces = store.list();
        const taken = takenAddresses(store);
        if (requested) {
          const text = formatIp(requested);
          const home = ifaces.find((i) => inRange(i, 'static', requested));
          const busy = taken.has(text) || ifaces.some((i) => ownAddresses(i).has(text));
          if (installable) {
            // MAAS 1.8 (nodes): outside a static range → 403; unavailable → 404.
            if (!home) throw forbidden(`requested_address ${text} is not inside a static IP range of a cluster interface.`);
            if (busy) throw new RegionError('not-found', `requested_address ${text} is not available: it is already in use.`);
          } else {
            // MAAS 1.8 (devices): any address not in a dynamic range and not allocated.
            if (ifaces.some((i) => inRange(i, 'dynamic', requested))) throw new RegionError('unavailable', `requested_address ${text} is inside a dynamic (DHCP) range.`);
            if (busy) throw new RegionError('unavailable', `requested_address ${text} is already allocated.`);
          }
          store.addStaticIp(text, STICKY, null, n.hostname, mac, n.id);
          return;
        }
        for (const i of staticInterfaces(store)) {
          const free = firstFree(i, taken);
          if (free) return void store.addStaticIp(free, STICKY, null, n.hostname, mac, n.id);
        }
        throw new RegionError('unavailable', 'No IP address is left to claim: no static range of the local cluster has a free address (define one with nodegroups/{uuid}/interfaces/).');
      });
      return answer(n.id);
    },
    'POST release_sticky_ip_address': (ctx) => {
      const n = target(ctx);
      const raw = field(ctx.params, 'address', 100);
      const ip = raw ? parseIp(raw) : null;
      if (raw && !ip) throw fieldError('address', `"${clip(raw)}" is not a valid IP address.`);
      core.tx(() => {
        const sticky = store.staticIpsOfNode(n.id).filter((s) => s.alloc_type === STICKY);
        const drop = ip ? sticky.filter((s) => s.ip === formatIp(ip)) : sticky;
        if (ip && !drop.length) throw fieldError('address', `${formatIp(ip)} is not a sticky IP address of ${what} ${n.system_id}: it could not be deallocated.`);
        drop.forEach((s) => store.removeStaticIp(s.id));
      });
      return answer(n.id);
    },
  };
}
