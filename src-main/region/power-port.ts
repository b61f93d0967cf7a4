// The region's power dependency (src-main/power/ provides the real one; see
// startRegion({ power })). Until a driver is wired, `noPower` answers honestly: every
// power action is unavailable, and the API turns that into a 503 that says so.
// One description of a power parameter, the power service's own (region may import power/).
import type { PowerField } from '../power/power-types';
export type { PowerField };

export interface PowerTypeDescription {
  name: string;
  description: string;
  fields: PowerField[];
  supported?: boolean;
}

export interface PowerTarget {
  systemId: string;
  hostname: string;
  powerType: string;
  params: Record<string, string>;
}

export interface RegionPower {
  /** Served by nodegroups op=describe_power_types; PUT/new validate power_type against it. */
  readonly types: readonly PowerTypeDescription[];
  /** Null when this power type can be driven here, else why not (shown in the 503). */
  unavailable(powerType: string): string | null;
  /** Null when the parameters can be used for this type, else why not (checked before queueing). */
  check?(t: PowerTarget): string | null;
  on(t: PowerTarget): Promise<{ state: 'on' | 'off' | 'unknown' }>;
  off(t: PowerTarget, opts?: { soft?: boolean }): Promise<{ state: 'on' | 'off' | 'unknown' }>;
  query(t: PowerTarget): Promise<{ state: 'on' | 'off' | 'unknown' }>;
  close?(): Promise<void>;
  /** Background polling (src-main/power/region-power.ts): startRegion hands it the nodes. */
  attach?(hooks: PowerPollHooks): void;
}

export interface PowerPollHooks {
  targets(): PowerTarget[];
  record(systemId: string, result: { state?: 'on' | 'off' | 'unknown'; message?: string } | Error): void;
}

const f = (name: string, label: string, extra: Partial<PowerField> = {}): PowerField => ({ name, label, required: false, ...extra });
const pass = (label: string) => f('power_pass', label, { secret: true });

/** MAAS 1.8's power types and parameters (shared/spec/maas-1.8-api.md "Power types"). */
export const MAAS_18_POWER_TYPES: readonly PowerTypeDescription[] = [
  { name: 'ether_wake', description: 'Wake-on-LAN', fields: [f('mac_address', 'MAC Address')] },
  { name: 'virsh', description: 'Virsh (virtual systems)', fields: [f('power_address', 'Power address'), f('power_id', 'Power ID'), pass('Power password (optional)')] },
  { name: 'vmware', description: 'VMWare', fields: [f('power_vm_name', 'VM Name (if UUID unknown)'), f('power_uuid', 'VM UUID (if known)'),
    f('power_address', 'VMware hostname'), f('power_user', 'VMware username'), pass('VMware password'),
    f('power_port', 'VMware API port (optional)'), f('power_protocol', 'VMware API protocol (optional)')] },
  { name: 'fence_cdu', description: 'Sentry Switch CDU', fields: [f('power_address', 'Power address'), f('power_id', 'Power ID'), f('power_user', 'Power user'), pass('Power password')] },
  { name: 'ipmi', description: 'IPMI', fields: [
    f('power_driver', 'Power driver', { choices: [['LAN', 'LAN [IPMI 1.5]'], ['LAN_2_0', 'LAN_2_0 [IPMI 2.0]']], default: 'LAN_2_0' }),
    f('power_address', 'IP address'), f('power_user', 'Power user'), pass('Power password'), f('mac_address', 'Power MAC')] },
  { name: 'moonshot', description: 'HP Moonshot - iLO4 (IPMI)', fields: [f('power_address', 'Power address'), f('power_user', 'Power user'), pass('Power password'), f('power_hwaddress', 'Power hardware address')] },
  { name: 'sm15k', description: 'SeaMicro 15000', fields: [f('system_id', 'System ID'), f('power_address', 'Power address'), f('power_user', 'Power user'), pass('Power password'),
    f('power_control', 'Power control type', { choices: [['ipmi', 'IPMI'], ['restapi', 'REST API v0.9'], ['restapi2', 'REST API v2.0']], default: 'ipmi' })] },
  { name: 'amt', description: 'Intel AMT', fields: [f('mac_address', 'MAC Address'), pass('Power password'), f('power_address', 'Power address')] },
  { name: 'dli', description: 'Digital Loggers, Inc. PDU', fields: [f('system_id', 'Outlet ID'), f('power_address', 'Power address'), f('power_user', 'Power user'), pass('Power password')] },
  { name: 'ucsm', description: 'Cisco UCS Manager', fields: [f('uuid', 'Server UUID'), f('power_address', 'URL for XML API'), f('power_user', 'API user'), pass('API password')] },
  { name: 'mscm', description: 'HP Moonshot - iLO Chassis Manager', fields: [f('power_address', 'IP for MSCM CLI API'), f('power_user', 'MSCM CLI API user'), pass('MSCM CLI API password'),
    f('node_id', 'Node ID - Must adhere to cXnY format (X=cartridge number, Y=node number).')] },
  { name: 'msftocs', description: 'Microsoft OCS - Chassis Manager', fields: [f('power_address', 'Power address'), f('power_port', 'Power port'), f('power_user', 'Power user'), pass('Power password'), f('blade_id', 'Blade ID (Typically 1-24)')] },
  { name: 'apc', description: 'American Power Conversion (APC) PDU', fields: [f('power_address', 'IP for APC PDU'), f('node_outlet', 'APC PDU node outlet number (1-16)'), f('power_on_delay', 'Power ON outlet delay (seconds)', { default: '5' })] },
];

/** No driver at all: the power engineer's service replaces this (src-main/power/). */
export const noPower: RegionPower = {
  types: MAAS_18_POWER_TYPES,
  unavailable: (t) => (t === '' ? 'The node has no power type set.' : `No power driver for "${t}" is available in this region yet.`),
  on: () => Promise.reject(new Error('No power driver is available in this region yet.')),
  off: () => Promise.reject(new Error('No power driver is available in this region yet.')),
  query: () => Promise.reject(new Error('No power driver is available in this region yet.')),
};
