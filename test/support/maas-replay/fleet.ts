// A MAAS 3.x server's machines, shaped like what real 3.x servers answer (one machine per
// status MAAS has, VLANs, a bond and a bridge that repeat their parents' MACs, pools, two
// domains, power states, hardware_info, a locked machine), with tags that carry kernel_opts
// and events of MAAS's own types. The names, ids, MACs and values are this project's.
import { maasTime as fmt, type ReplayEvent } from './events';
import { fleetScriptSets } from './fleet-scripts';
import { machine, type ReplayInterface, type ReplayMachine } from './machine';

const mac = (n: number, nic: number) => `3c:ec:ef:4a:${n.toString(16).padStart(2, '0')}:${(0x10 + nic).toString(16)}`;

/** 3 physical NICs and a VLAN on each: 6 interfaces, 3 distinct MACs (as MAAS lists them). */
export function vlanTrio(n: number, vid = 30): ReplayInterface[] {
  const phys = [0, 1, 2].map((i) => ({ name: `enp${i + 1}s0`, type: 'physical' as const, mac: mac(n, i), parents: [], vid: 0, ip: `10.20.${n}.${10 + i}` }));
  return [...phys, ...phys.map((p) => ({ name: `${p.name}.${vid}`, type: 'vlan' as const, mac: p.mac, parents: [p.name], vid, ip: undefined }))];
}

/** Two NICs bonded, a bridge on the bond, a VLAN on the bridge: four names on the first MAC. */
function bonded(n: number): ReplayInterface[] {
  return [
    { name: 'eno1', type: 'physical', mac: mac(n, 0), parents: [], vid: 0 },
    { name: 'eno2', type: 'physical', mac: mac(n, 1), parents: [], vid: 0 },
    { name: 'bond0', type: 'bond', mac: mac(n, 0), parents: ['eno1', 'eno2'], vid: 0 },
    { name: 'br0', type: 'bridge', mac: mac(n, 0), parents: ['bond0'], vid: 0, ip: `10.20.${n}.5` },
    { name: 'br0.40', type: 'vlan', mac: mac(n, 0), parents: ['br0'], vid: 40 },
  ];
}

const HW = (n: number) => ({
  system_vendor: 'Supermicro', system_product: 'SYS-1029U-TRT', system_family: 'To be filled by O.E.M.', system_serial: `S41${String(n).padStart(5, '0')}`,
  cpu_model: 'Intel(R) Xeon(R) Silver 4214 CPU', mainboard_vendor: 'Supermicro', mainboard_product: 'X11DPU', mainboard_firmware_vendor: 'American Megatrends Inc.',
  mainboard_firmware_version: '3.4', mainboard_firmware_date: '10/23/2020', chassis_vendor: 'Supermicro', chassis_type: 'Main Server Chassis',
});

/** [status, hostname, extra]: one machine per MAAS status a technician meets. */
const ROWS: [number, string, Partial<ReplayMachine>][] = [
  [0, 'lab-new-01', { power_state: 'unknown', power_type: '' }],
  [0, 'lab-new-02', { power_state: 'off' }],
  [1, 'lab-comm-01', { power_state: 'on', status_message: 'Commissioning' }],
  [2, 'lab-failcomm-01', { status_message: "Failed commissioning: 'smartctl-validate' failed" }],
  [4, 'lab-ready-01', { interfaces: vlanTrio(5), pool: 'gpu-farm' }],
  [4, 'lab-ready-02', { interfaces: bonded(6), tag_names: ['nvme', 'tuned'] }],
  [4, 'lab-ready-03', { domain: 'rack7.lab' }],
  [4, 'lab-ready-04', {}],
  [10, 'lab-alloc-01', { owner: 'ops' }],
  [9, 'lab-deploying-01', { power_state: 'on', status_message: 'Installing OS' }],
  [6, 'lab-deployed-01', { power_state: 'on', interfaces: vlanTrio(11, 100), ip_addresses: ['10.20.11.10', '10.20.11.11', '10.20.11.12'] }],
  [6, 'lab-locked-01', { power_state: 'on', locked: true, status_message: '(admin)' }],
  [11, 'lab-faildeploy-01', { status_message: "Failed deployment: 'curtin' failed" }],
  [21, 'lab-testing-01', { power_state: 'on', previous_status: 4 }],
  [22, 'lab-failtest-01', { previous_status: 4, status_message: "Failed testing: 'memtester' failed" }],
  [16, 'lab-rescue-01', { power_state: 'on', previous_status: 6 }],
  [17, 'lab-rescue-02', { power_state: 'on', previous_status: 4 }],
  [19, 'lab-rescue-03', { power_state: 'on', previous_status: 6 }],
  [8, 'lab-broken-01', { power_state: 'error', status_message: 'PSU 2 failed' }],
  [12, 'lab-releasing-01', { power_state: 'on' }],
  [14, 'lab-erasing-01', { power_state: 'on' }],
  [3, 'lab-missing-01', { power_state: 'unknown' }],
];

export function maas3Fleet(): ReplayMachine[] {
  return ROWS.map(([status, hostname, extra], i) => {
    const n = i + 1;
    return machine(n, status, {
      system_id: `k${(0x3a1f0 + n * 37).toString(36)}`, hostname, macs: [mac(n, 0), mac(n, 1)], hardware_info: HW(n),
      cpu_count: 24 + (n % 3) * 8, memory: 65536 * (1 + (n % 2)), storage: 960197.124 * (1 + (n % 3)), power_type: 'ipmi', script_sets: fleetScriptSets(n, status), ...extra,
    });
  });
}

export const maas3Tags = () => [
  { name: 'nvme', definition: '//node[@class="storage"]/product[contains(., "NVMe")]', comment: 'NVMe storage', kernel_opts: '' },
  { name: 'tuned', definition: '', comment: 'hand-picked for latency work', kernel_opts: 'intel_iommu=on iommu=pt hugepagesz=1G hugepages=16' },
];

/** Events as MAAS 3.x writes them: status changes, power, BMC warnings, AUDIT entries (node null for settings). */
export function maas3Events(fleet: ReplayMachine[]): ReplayEvent[] {
  const out: ReplayEvent[] = [];
  const at = (i: number) => new Date(Date.UTC(2026, 10, 3, 8, 0, 0) + i * 47_000);
  const push = (e: Omit<ReplayEvent, 'id' | 'created'>) => out.push({ id: 7001 + out.length * 3, created: fmt(at(out.length)), ...e });
  for (const m of fleet) {
    push({ username: 'unknown', node: m.system_id, hostname: m.hostname, level: 'INFO', type: 'Node changed status', description: "From 'New' to 'Commissioning'" });
    push({ username: 'unknown', node: m.system_id, hostname: m.hostname, level: 'DEBUG', type: 'Powering on', description: '' });
    if (m.status === 8) push({ username: 'unknown', node: m.system_id, hostname: m.hostname, level: 'WARNING', type: "Failed to query node's BMC", description: 'Failed to login to the BMC: connection timed out.' });
    if (m.status === 6) push({ username: 'ops', node: m.system_id, hostname: m.hostname, level: 'AUDIT', type: 'Node', description: `Started deploying '${m.hostname}'.` });
  }
  push({ username: 'ops', node: null, hostname: 'unknown', level: 'AUDIT', type: 'Settings', description: "Updated configuration setting 'ntp_servers' to 'ntp.lab.example'." });
  push({ username: 'ops', node: null, hostname: 'unknown', level: 'AUDIT', type: 'Authorisation', description: 'Logged in ops.' });
  return out;
}

