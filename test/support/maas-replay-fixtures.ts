import { displayStatus } from '../../src-shared/maas/node-status';

// Machine, tag, zone and event records in the JSON shapes real MAAS servers send
// (shared/reference/maas-behaviour.md; API 2.0 as MAAS 2.9's machines handler, API 1.0 as
// MAAS 1.8's DISPLAYED_NODE_FIELDS). The replay server keeps them as state.

export interface ReplayMachine {
  system_id: string;
  hostname: string;
  status: number;
  owner: string | null;
  zone: string;
  pool: string;
  architecture: string;
  cpu_count: number;
  memory: number;
  storage: number;
  power_state: string;
  power_type: string;
  /** As `op=power_parameters` answers them (admin only; secrets included). */
  power_parameters: Record<string, string>;
  tag_names: string[];
  macs: string[];
  ip_addresses: string[];
  lshw: string | null;
  lldp: string | null;
}

const STATUS_NAME = (s: number) => displayStatus(s);

export function machine(n: number, status: number, extra: Partial<ReplayMachine> = {}): ReplayMachine {
  const hex = n.toString(16).padStart(2, '0');
  return {
    system_id: `m${String(n).padStart(5, '0')}`, hostname: `node-${n}`, status, owner: status === 6 || status === 10 ? 'admin' : null,
    zone: 'default', pool: 'default', architecture: 'amd64/generic', cpu_count: 8, memory: 16384, storage: 500107.862,
    power_state: 'off', power_type: 'ipmi', power_parameters: {}, tag_names: [], macs: [`52:54:00:00:00:${hex}`], ip_addresses: [],
    lshw: null, lldp: null, ...extra,
  };
}

/** MAAS 2.x `machines/` representation (abridged to the fields clients read). */
export function asApi2(m: ReplayMachine, base: string) {
  return {
    system_id: m.system_id, hostname: m.hostname, fqdn: `${m.hostname}.maas`, node_type: 0, node_type_name: 'Machine',
    status: m.status, status_name: STATUS_NAME(m.status), status_message: '', owner: m.owner,
    zone: { name: m.zone, description: '', id: 1, resource_uri: `${base}zones/${m.zone}/` },
    pool: { name: m.pool, description: '', id: 0, resource_uri: `${base}resourcepool/0/` },
    domain: { name: 'maas', id: 0 }, architecture: m.architecture, cpu_count: m.cpu_count, memory: m.memory,
    storage: m.storage, power_state: m.power_state, power_type: m.power_type, tag_names: m.tag_names,
    ip_addresses: m.ip_addresses, osystem: '', distro_series: '',
    boot_interface: m.macs[0] ? { name: 'eth0', mac_address: m.macs[0] } : null,
    interface_set: m.macs.map((mac, i) => ({ id: i, name: `eth${i}`, type: 'physical', mac_address: mac })),
    hardware_info: { system_vendor: 'QEMU', system_product: 'Standard PC', system_serial: `SN${m.system_id}` },
    resource_uri: `${base}machines/${m.system_id}/`,
  };
}

/** MAAS 1.8 `nodes/` representation: `status` folds 6 and 9–15 into 6, `substatus` is real. */
export function asApi1(m: ReplayMachine, base: string) {
  const legacy = m.status === 6 || (m.status >= 9 && m.status <= 15) ? 6 : m.status;
  return {
    system_id: m.system_id, hostname: m.hostname, owner: m.owner, status: legacy, substatus: m.status,
    substatus_name: STATUS_NAME(m.status), architecture: m.architecture, cpu_count: m.cpu_count,
    memory: m.memory, storage: m.storage, power_state: m.power_state, power_type: m.power_type,
    tag_names: m.tag_names, ip_addresses: m.ip_addresses, osystem: '', distro_series: '', netboot: true,
    macaddress_set: m.macs.map((mac) => ({ mac_address: mac })),
    zone: { name: m.zone, description: '', resource_uri: `${base}zones/${m.zone}/` },
    resource_uri: `${base}nodes/${m.system_id}/`,
  };
}

export const statusNameOf = (s: number): string => STATUS_NAME(s);
