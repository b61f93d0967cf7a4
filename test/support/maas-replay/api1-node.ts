// A node as MAAS 1.8's nodes handler writes it (DISPLAYED_NODE_FIELDS): `status` folds the
// states 6 and 9–15 into 6 for old clients and `substatus` carries the real one; MACs are a
// `macaddress_set`, one entry per MAC.
import { macsOf, statusNameOf, type ReplayMachine } from './machine';

export function asApi1(m: ReplayMachine, base: string) {
  const legacy = m.status === 6 || (m.status >= 9 && m.status <= 15) ? 6 : m.status;
  return {
    system_id: m.system_id, hostname: m.hostname, owner: m.owner, status: legacy, substatus: m.status,
    substatus_name: statusNameOf(m.status), substatus_message: m.status_message, architecture: m.architecture, cpu_count: m.cpu_count,
    memory: m.memory, storage: m.storage, power_state: m.power_state, power_type: m.power_type,
    tag_names: m.tag_names, ip_addresses: m.ip_addresses, osystem: m.osystem, distro_series: m.distro_series, netboot: true,
    macaddress_set: macsOf(m).map((mac) => ({ mac_address: mac })),
    zone: { name: m.zone, description: '', resource_uri: `${base}zones/${m.zone}/` },
    resource_uri: `${base}nodes/${m.system_id}/`,
  };
}
