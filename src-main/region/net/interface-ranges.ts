// NodeGroupInterfaceForm's network rules (MAAS 1.8): a managed interface needs its netmask
// and dynamic range; every range lies inside the interface's network with low ≤ high;
// the dynamic and static ranges do not overlap; managed interfaces' networks do not overlap
// each other, and no range overlaps another interface's range.
import { fieldError, ipOf, maskOf } from '../api/form';
import type { InterfaceFields } from '../stores/cluster-interfaces-store';
import { contains, netOf, netText, overlaps, type Net } from './ip';

export const MANAGEMENT = { UNMANAGED: 0, DHCP: 1, DHCP_AND_DNS: 2 } as const;

export interface Range {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}

export function networkOf(i: InterfaceFields): Net | null {
  if (!i.subnet_mask) return null;
  const ip = ipOf('ip', i.ip);
  return netOf(ip, maskOf('subnet_mask', i.subnet_mask, ip.family));
}

export function rangeOf(i: InterfaceFields, kind: 'dynamic' | 'static'): Range | null {
  const [lo, hi] = kind === 'dynamic' ? [i.ip_range_low, i.ip_range_high] : [i.static_ip_range_low, i.static_ip_range_high];
  if (!lo || !hi) return null;
  const prefix = kind === 'static' ? 'static_' : '';
  const a = ipOf(`${prefix}ip_range_low`, lo);
  const b = ipOf(`${prefix}ip_range_high`, hi);
  if (a.family !== b.family) throw fieldError(`${prefix}ip_range_high`, `${lo} and ${hi} are of different address families.`);
  return { family: a.family, first: a.value, last: b.value };
}

/** Throws a 400 naming the first rule `i` breaks, given the cluster's other interfaces. */
export function checkInterface(i: InterfaceFields, others: InterfaceFields[]): void {
  const managed = i.management !== MANAGEMENT.UNMANAGED;
  for (const f of ['subnet_mask', 'ip_range_low', 'ip_range_high'] as const) {
    if (managed && !i[f]) throw fieldError(f, "That field cannot be empty (unless that interface is 'unmanaged').");
  }
  const ip = ipOf('ip', i.ip);
  for (const [lo, hi] of [['ip_range_low', 'ip_range_high'], ['static_ip_range_low', 'static_ip_range_high']] as const) {
    if (!!i[lo] !== !!i[hi]) throw fieldError(i[lo] ? hi : lo, `give both ${lo} and ${hi}, or neither.`);
  }
  const ranges = [['dynamic', rangeOf(i, 'dynamic')], ['static', rangeOf(i, 'static')]] as const;
  const net = networkOf(i);
  if (!net && (ranges.some(([, r]) => r) || i.broadcast_ip || i.router_ip)) {
    throw fieldError('subnet_mask', 'is required when IP ranges, a broadcast or a router address are given.');
  }
  for (const f of ['broadcast_ip', 'router_ip'] as const) {
    if (i[f] && net && !contains(net, ipOf(f, i[f]))) throw fieldError(f, `${i[f]} is not inside the interface's network ${netText(net!)}.`);
  }
  for (const [kind, r] of ranges) {
    if (!r || !net) continue;
    const low = kind === 'static' ? 'static_ip_range_low' : 'ip_range_low';
    if (r.family !== ip.family) throw fieldError(low, 'the range and the interface IP are of different address families.');
    if (r.first > r.last) throw fieldError(low, `the ${kind} range's low address is above its high address.`);
    if (!contains(net, { family: r.family, value: r.first }) || !contains(net, { family: r.family, value: r.last })) {
      throw fieldError(low, `the ${kind} range ${kind === 'static' ? i.static_ip_range_low : i.ip_range_low}–${kind === 'static' ? i.static_ip_range_high : i.ip_range_high} is not inside the interface's network ${netText(net)}.`);
    }
  }
  const [dyn, sta] = [ranges[0][1], ranges[1][1]];
  if (dyn && sta && overlaps(dyn, sta)) throw fieldError('static_ip_range_low', 'the static range overlaps the dynamic range.');
  for (const o of others) {
    const onet = networkOf(o);
    if (managed && o.management !== MANAGEMENT.UNMANAGED && net && onet && overlaps(net, onet)) {
      throw fieldError('subnet_mask', `the network ${netText(net)} overlaps the network of managed interface ${o.name} (${netText(onet)}).`);
    }
    for (const [kind, r] of ranges) {
      const clash = r && [rangeOf(o, 'dynamic'), rangeOf(o, 'static')].some((x) => x && overlaps(r, x));
      if (clash) throw fieldError(kind === 'static' ? 'static_ip_range_low' : 'ip_range_low', `the ${kind} range overlaps an IP range of interface ${o.name}.`);
    }
  }
}
