// A machine as MAAS 3.x's machines handler writes it (DISPLAYED_MACHINE_FIELDS of
// src/maasserver/api/machines.py; field for field the shape of a MAAS 3.4 `machines
// read`): nested zone, pool and domain objects, `interface_set` with VLANs that repeat
// their parent's MAC, test statuses with their names, and 3.x's 18 hardware_info keys.
import { interfacesOf, statusNameOf, type ReplayInterface, type ReplayMachine } from './machine';
import { currentRunId } from './script-results';

const HARDWARE_KEYS = [
  'system_vendor', 'system_product', 'system_family', 'system_version', 'system_sku', 'system_serial', 'cpu_model',
  'mainboard_vendor', 'mainboard_product', 'mainboard_serial', 'mainboard_version', 'mainboard_firmware_vendor',
  'mainboard_firmware_date', 'mainboard_firmware_version', 'chassis_vendor', 'chassis_type', 'chassis_serial', 'chassis_version',
];

const POOL_IDS: Record<string, number> = { default: 0 };
const poolId = (name: string) => (POOL_IDS[name] ??= Object.keys(POOL_IDS).length);

/** Script-result status MAAS reports per test group: -1 unknown, 2 passed, 3 failed, 1 running. */
function testing(m: ReplayMachine): [number, string] {
  if (m.status === 21) return [1, 'Running'];
  if (m.status === 22) return [3, 'Failed'];
  if (m.status === 0 || m.status === 1) return [-1, 'Unknown'];
  return [2, 'Passed'];
}

function vlanOf(i: ReplayInterface, base: string) {
  const id = 5000 + i.vid;
  return {
    vid: i.vid, mtu: 1500, dhcp_on: i.vid === 0, external_dhcp: null, relay_vlan: null, fabric_id: 0, fabric: 'fabric-0',
    name: i.vid === 0 ? 'untagged' : String(i.vid), space: i.vid === 0 ? 'undefined' : 'storage', primary_rack: 'rk7q2x',
    secondary_rack: null, id, resource_uri: `${base}vlans/${id}/`,
  };
}

function interfaceSet(m: ReplayMachine, base: string) {
  const list = interfacesOf(m);
  return list.map((i, n) => {
    const id = 100 + n;
    const subnet = i.vid === 0 ? '10.20.0' : `10.${20 + i.vid % 200}.0`;
    return {
      mac_address: i.mac, name: i.name, system_id: m.system_id, vlan: vlanOf(i, base), link_connected: true,
      children: list.filter((c) => c.parents.includes(i.name)).map((c) => c.name),
      links: i.ip ? [{ id: 400 + n, mode: 'auto', ip_address: i.ip, subnet: { name: `${subnet}.0/24`, cidr: `${subnet}.0/24`, vlan: vlanOf(i, base), id: 10 + i.vid, resource_uri: `${base}subnets/${10 + i.vid}/` } }] : [],
      numa_node: 0, sriov_max_vf: 0, firmware_version: i.type === 'physical' ? '1.2.3' : null, parents: i.parents,
      effective_mtu: 1500, params: i.type === 'bond' ? { bond_mode: 'active-backup', bond_miimon: 100 } : i.type === 'bridge' ? { bridge_stp: false, bridge_fd: 15 } : {},
      link_speed: i.type === 'physical' ? 10000 : 0, id, product: i.type === 'physical' ? 'Ethernet Controller X710' : null,
      discovered: null, vendor: i.type === 'physical' ? 'Intel Corporation' : null, type: i.type, enabled: true, tags: [],
      interface_speed: i.type === 'physical' ? 10000 : 0, resource_uri: `${base}nodes/${m.system_id}/interfaces/${id}/`,
    };
  });
}

export function asApi2(m: ReplayMachine, base: string) {
  const [test, testName] = testing(m);
  const ifaces = interfaceSet(m, base);
  const hw = Object.fromEntries(HARDWARE_KEYS.map((k) => [k, m.hardware_info[k] ?? 'Unknown']));
  return {
    description: m.description, architecture: m.architecture, status_action: '', address_ttl: null, cpu_speed: 2400,
    workload_annotations: {}, owner: m.owner, interface_test_status: -1, locked: m.locked, node_type_name: 'Machine',
    storage: m.storage, fqdn: `${m.hostname}.${m.domain}`, boot_interface: ifaces[0] ?? null, tag_names: m.tag_names,
    memory_test_status_name: testName, next_sync: null, ip_addresses: m.ip_addresses, testing_status_name: testName,
    pool: { name: m.pool, description: m.pool === 'default' ? 'Default pool' : '', id: poolId(m.pool), resource_uri: `${base}resourcepool/${poolId(m.pool)}/` },
    osystem: m.osystem, raids: [], boot_disk: null, enable_hw_sync: false, current_testing_result_id: currentRunId(m.script_sets, 2), status_message: m.status_message,
    cpu_count: m.cpu_count, volume_groups: [], current_commissioning_result_id: currentRunId(m.script_sets, 0), sync_interval: null,
    zone: { name: m.zone, description: '', id: m.zone === 'default' ? 1 : 2, resource_uri: `${base}zones/${m.zone}/` },
    cpu_test_status: test, network_test_status: -1, disable_ipv4: false,
    numanode_set: [{ index: 0, memory: m.memory, cores: Array.from({ length: m.cpu_count }, (_, i) => i), hugepages_set: [] }],
    swap_size: null, network_test_status_name: 'Unknown', commissioning_status: m.status === 1 ? 1 : m.status === 2 ? 3 : m.status === 0 ? -1 : 2,
    blockdevice_set: [], memory_test_status: test, owner_data: {}, system_id: m.system_id, node_type: 0,
    current_installation_result_id: m.status === 6 ? 8 : null, hardware_info: hw, status_name: statusNameOf(m.status), parent: null,
    testing_status: test, storage_test_status: test, netboot: m.status !== 6, bios_boot_method: 'uefi', storage_test_status_name: testName,
    special_filesystems: [], commissioning_status_name: m.status === 1 ? 'Running' : m.status === 2 ? 'Failed' : m.status === 0 ? 'Unknown' : 'Passed',
    interface_test_status_name: 'Unknown', last_sync: null, cache_sets: [], status: m.status, other_test_status: test,
    min_hwe_kernel: '', hardware_uuid: `4c4c4544-0052-3510-804a-${m.system_id.padStart(12, '0').slice(-12)}`, hostname: m.hostname,
    power_type: m.power_type,
    domain: { authoritative: true, ttl: null, is_default: m.domain === 'maas', resource_record_count: 0, id: m.domain === 'maas' ? 0 : 3, name: m.domain, resource_uri: `${base}domains/${m.domain === 'maas' ? 0 : 3}/` },
    hwe_kernel: m.hwe_kernel, physicalblockdevice_set: [], cpu_test_status_name: testName, virtualmachine_id: null,
    other_test_status_name: testName, power_state: m.power_state, interface_set: ifaces, ephemeral_deploy: false, bcaches: [], pod: null,
    default_gateways: { ipv4: { gateway_ip: m.ip_addresses.length ? '10.20.0.1' : null, link_id: null }, ipv6: { gateway_ip: null, link_id: null } },
    virtualblockdevice_set: [], distro_series: m.distro_series, memory: m.memory, resource_uri: `${base}machines/${m.system_id}/`,
  };
}
