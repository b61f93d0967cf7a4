// Picking addresses from the local cluster's static ranges. Callers run these inside one
// IMMEDIATE transaction; static_ips.ip is UNIQUE besides, so no address goes out twice.
import type { ClusterInterfacesStore, InterfaceRow } from '../stores/cluster-interfaces-store';
import { formatIp, parseIp, type Ip } from './ip';
import { rangeOf } from './interface-ranges';

export function inRange(i: InterfaceRow, kind: 'dynamic' | 'static', ip: Ip): boolean {
  const r = rangeOf(i, kind);
  return !!r && r.family === ip.family && ip.value >= r.first && ip.value <= r.last;
}

/** The interface's own and its router's addresses are never handed out. */
export const ownAddresses = (i: InterfaceRow): Set<string> => new Set([i.ip, i.router_ip].filter(Boolean));

/** Interfaces that have a static range, in creation order. */
export const staticInterfaces = (store: ClusterInterfacesStore): InterfaceRow[] => store.list().filter((i) => rangeOf(i, 'static'));

/** Every address already reserved or claimed, in canonical text. */
export const takenAddresses = (store: ClusterInterfacesStore): Set<string> => new Set(store.staticIps().map((r) => r.ip));

/** Lowest address of `i`'s static range not in `taken`; walks the used ones, not the whole range. */
export function firstFree(i: InterfaceRow, taken: Set<string>): string | null {
  const r = rangeOf(i, 'static')!;
  const used = [...taken, ...ownAddresses(i)].map((t) => parseIp(t))
    .filter((p): p is Ip => !!p && p.family === r.family && p.value >= r.first && p.value <= r.last)
    .map((p) => p.value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let next = r.first;
  for (const v of used) {
    if (v > next) break;
    if (v === next) next += 1n;
  }
  return next <= r.last ? formatIp({ family: r.family, value: next }) : null;
}
