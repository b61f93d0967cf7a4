// A machine as the replay server keeps it: what MAAS 2.x/3.x store per machine, in MAAS's
// own field names where there is one. The JSON MAAS sends is made from this by
// api2-machine.ts (MAAS 3.x machines handler) and api1-node.ts (MAAS 1.8 nodes handler).
import { displayStatus } from '../../../src-shared/maas/node-status';
import type { ReplayScriptSet } from './script-results';

/** An interface of `interface_set`: VLANs, bonds and bridges carry a parent's MAC, as in MAAS. */
export interface ReplayInterface {
  name: string;
  type: 'physical' | 'vlan' | 'bond' | 'bridge';
  mac: string;
  parents: string[];
  /** 0 is the untagged VLAN. */
  vid: number;
  ip?: string;
}

export interface ReplayMachine {
  system_id: string;
  hostname: string;
  status: number;
  /** What MAAS records beside the status ("From 'Ready' to 'Deploying'", "(admin)"). */
  status_message: string;
  owner: string | null;
  locked: boolean;
  zone: string;
  pool: string;
  domain: string;
  architecture: string;
  cpu_count: number;
  /** MiB. */
  memory: number;
  /** MB. */
  storage: number;
  power_state: 'on' | 'off' | 'unknown' | 'error';
  power_type: string;
  /** As `op=power_parameters` answers them (admin only; secrets included). */
  power_parameters: Record<string, string>;
  tag_names: string[];
  /** The machine's own MACs (one per physical NIC). */
  macs: string[];
  /** The whole `interface_set`; when absent, one physical ethN per MAC in `macs`. */
  interfaces?: ReplayInterface[];
  ip_addresses: string[];
  osystem: string;
  distro_series: string;
  hwe_kernel: string | null;
  /** The status an abort or a rescue-mode exit goes back to (MAAS keeps `previous_status`). */
  previous_status: number;
  hardware_info: Record<string, string>;
  description: string;
  lshw: string | null;
  lldp: string | null;
  /** Commissioning and testing runs (MAAS 2.x/3.x script sets); none when absent. */
  script_sets?: ReplayScriptSet[];
}

export const statusNameOf = (s: number): string => displayStatus(s);

/** Interfaces as `interface_set` lists them: the given ones, else one physical per MAC. */
export const interfacesOf = (m: ReplayMachine): ReplayInterface[] =>
  m.interfaces ?? m.macs.map((mac, i) => ({ name: `eth${i}`, type: 'physical', mac, parents: [], vid: 0 }));

/** Every MAC the machine answers to (a VLAN's is its parent's, so each appears once here). */
export const macsOf = (m: ReplayMachine): string[] => [...new Set(interfacesOf(m).map((i) => i.mac))];

const OWNED = new Set([6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20]);

export function machine(n: number, status: number, extra: Partial<ReplayMachine> = {}): ReplayMachine {
  const hex = n.toString(16).padStart(2, '0');
  const deployed = status === 6 || status === 9;
  return {
    system_id: `m${String(n).padStart(5, '0')}`, hostname: `node-${n}`, status, status_message: '', owner: OWNED.has(status) ? 'admin' : null,
    locked: false, zone: 'default', pool: 'default', domain: 'maas', architecture: 'amd64/generic', cpu_count: 8, memory: 16384,
    storage: 500107.862, power_state: 'off', power_type: 'ipmi', power_parameters: {}, tag_names: [], macs: [`52:54:00:00:00:${hex}`],
    ip_addresses: [], osystem: deployed ? 'ubuntu' : '', distro_series: deployed ? 'jammy' : '', hwe_kernel: deployed ? 'ga-22.04' : null,
    previous_status: 4, hardware_info: {}, description: '', lshw: null, lldp: null, ...extra,
  };
}
