// MAAS's ipmi and amt drivers found a BMC with no power_address by looking its MAC up in
// the ARP table (provisioningserver.utils.network.find_ip_via_arp). Same here, from
// /proc/net/arp: it works for BMCs this laptop has talked to on its own network.
import { readFile } from 'node:fs/promises';
import type { DriverContext } from '../driver';
import { PowerError } from '../types';
import { addressKey, hostPort, macAddress } from './params';

const hasAddress = (params: Record<string, string>) => (params.power_address ?? '').trim() !== '';
const hasMac = (params: Record<string, string>) => (params.mac_address ?? '').trim() !== '';

/** The parameters with power_address filled from the ARP table when only mac_address is set. */
export async function withArpAddress(ctx: DriverContext): Promise<Record<string, string>> {
  const p = ctx.params;
  if (hasAddress(p) || !hasMac(p)) return p;
  const mac = macAddress(p);
  const table = await readFile(ctx.config.arpTable, 'utf8').catch(() => '');
  for (const line of table.split('\n').slice(1)) {
    // IP address  HW type  Flags  HW address  Mask  Device; flags 0x0 = incomplete entry
    const [ip, , flags, hw] = line.trim().split(/\s+/);
    if (hw?.toLowerCase() === mac && flags !== '0x0') return { ...p, power_address: ip };
  }
  throw new PowerError('bad-parameters', `power_address is empty and ${mac} is not in this computer's ARP table: set power_address`);
}

/** Serialisation key: the address, or the MAC when the address comes from ARP. */
export function addressOrMacKey(prefix: string, params: Record<string, string>, defaultPort: number): string {
  if (!hasAddress(params) && hasMac(params)) return `${prefix}:mac:${macAddress(params)}`;
  return `${prefix}:${addressKey(hostPort(params), defaultPort)}`;
}
