// nodegroups/{uuid}/interfaces/ and …/interfaces/{name}/ (MAAS 1.8
// NodeGroupInterface(s)Handler). Only the cluster's worker or an admin could use them in
// MAAS; this region has no worker, so they are admin only. Rules: ../net/interface-ranges.ts.
import { notFound } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip, type Params } from '../http/params';
import type { RegionCore } from '../region-core';
import { ClusterInterfacesStore, type InterfaceFields, type InterfaceRow } from '../stores/cluster-interfaces-store';
import { checkInterface, rangeOf } from '../net/interface-ranges';
import { parseIp } from '../net/ip';
import { requireAdmin } from './access';
import { field, fieldError, ipText } from './form';

const NAME = /^[A-Za-z0-9:-]{1,255}$/;
const IFACE = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$/;
const IP_FIELDS = ['ip', 'subnet_mask', 'broadcast_ip', 'router_ip', 'ip_range_low', 'ip_range_high', 'static_ip_range_low', 'static_ip_range_high'] as const;

export function interfaceJson(uuid: string, i: InterfaceRow) {
  return {
    name: i.name, ip: i.ip, interface: i.interface, management: i.management, subnet_mask: i.subnet_mask,
    broadcast_ip: i.broadcast_ip, router_ip: i.router_ip, ip_range_low: i.ip_range_low, ip_range_high: i.ip_range_high,
    static_ip_range_low: i.static_ip_range_low, static_ip_range_high: i.static_ip_range_high,
    resource_uri: `/MAAS/api/1.0/nodegroups/${uuid}/interfaces/${i.name}/`,
  };
}

function readInterface(p: Params, base: InterfaceRow | undefined, taken: (name: string) => boolean): InterfaceFields {
  const iface = field(p, 'interface', 64) ?? base?.interface ?? '';
  if (!iface) throw fieldError('interface', 'This field is required.');
  if (!IFACE.test(iface)) throw fieldError('interface', `"${clip(iface)}" is not a network interface name.`);
  let name = field(p, 'name', 255) ?? base?.name ?? '';
  if (!name) {
    // MAAS named a new interface after its network interface, made unique with a suffix.
    const stem = iface.replace(/[^A-Za-z0-9:-]/g, '-');
    name = stem;
    for (let n = 1; taken(name); n++) name = `${stem}-${n}`;
  }
  if (!NAME.test(name)) throw fieldError('name', `"${clip(name)}" may contain only letters, digits, dashes and colons.`);
  if (taken(name)) throw fieldError('name', `Interface name ${name} is already used by this cluster.`);
  const m = field(p, 'management', 10);
  const management = m === undefined || m === '' ? base?.management ?? 0 : Number(m);
  if (![0, 1, 2].includes(management) || !/^\s*\d+\s*$/.test(m ?? '0')) {
    throw fieldError('management', `"${clip(m ?? '')}" is not a NODEGROUPINTERFACE_MANAGEMENT value (0 unmanaged, 1 DHCP, 2 DHCP and DNS).`);
  }
  const out = { name, interface: iface, management } as InterfaceFields;
  for (const f of IP_FIELDS) out[f] = ipText(f, field(p, f, 100) ?? base?.[f] ?? '');
  if (!out.ip) throw fieldError('ip', 'This field is required.');
  return out;
}

export function clusterInterfacesOps(core: RegionCore): OpTable {
  const store = new ClusterInterfacesStore(core.db);
  const cluster = (ctx: Ctx, what: string) => {
    requireAdmin(ctx, what);
    if (ctx.args[0] !== core.nodegroupUuid) throw notFound(`Nodegroup ${clip(ctx.args[0])}`);
  };
  return {
    'GET list': (ctx) => {
      cluster(ctx, "Reading a cluster's interfaces");
      return json(store.list().map((i) => interfaceJson(core.nodegroupUuid, i)));
    },
    'POST new': (ctx) => {
      cluster(ctx, 'Creating cluster interfaces');
      return json(interfaceJson(core.nodegroupUuid, core.tx(() => {
        const all = store.list();
        const f = readInterface(ctx.params, undefined, (n) => all.some((i) => i.name === n));
        checkInterface(f, all);
        store.insert(f);
        return store.byName(f.name)!;
      })));
    },
  };
}

export function clusterInterfaceOps(core: RegionCore): OpTable {
  const store = new ClusterInterfacesStore(core.db);
  const find = (ctx: Ctx, what: string) => {
    requireAdmin(ctx, what);
    if (ctx.args[0] !== core.nodegroupUuid) throw notFound(`Nodegroup ${clip(ctx.args[0])}`);
    const i = store.byName(ctx.args[1]);
    if (!i) throw notFound(`Interface ${clip(ctx.args[1])} of cluster ${core.nodegroupUuid}`);
    return i;
  };
  return {
    GET: (ctx) => json(interfaceJson(core.nodegroupUuid, find(ctx, "Reading a cluster's interfaces"))),
    PUT: (ctx) => json(interfaceJson(core.nodegroupUuid, core.tx(() => {
      const old = find(ctx, 'Changing cluster interfaces');
      const others = store.list().filter((i) => i.id !== old.id);
      const next = { id: old.id, ...readInterface(ctx.params, old, (n) => others.some((i) => i.name === n)) };
      checkInterface(next, others);
      keepsReservations(store, old, next);
      store.update(next);
      return next;
    }))),
    DELETE: (ctx) => {
      const i = find(ctx, 'Deleting cluster interfaces');
      core.tx(() => store.delete(i.id));
      return noContent();
    },
  };
}

/** MAAS refused to move a static range away from addresses already reserved in it. */
function keepsReservations(store: ClusterInterfacesStore, old: InterfaceRow, next: InterfaceRow): void {
  const before = rangeOf(old, 'static');
  if (!before) return;
  const after = rangeOf(next, 'static');
  const stranded = store.staticIps().filter((s) => {
    const ip = parseIp(s.ip)!;
    const inside = (r: typeof after) => !!r && ip.family === r.family && ip.value >= r.first && ip.value <= r.last;
    return inside(before) && !inside(after);
  });
  if (stranded.length) {
    throw fieldError('static_ip_range_low', `the new static range leaves reserved address(es) outside it: ${stranded.slice(0, 5).map((s) => s.ip).join(', ')}` +
      `${stranded.length > 5 ? ` and ${stranded.length - 5} more` : ''}. Release them first.`);
  }
}
