// The power types and their parameters, as the MAAS 1.8 API documents them
// (shared/spec/maas-1.8-api.md, "Power types"), plus `manual` and `redfish` from later MAAS.
// The region serves this list from `nodegroups op=describe_power_types`.
//
// `required` says what our driver cannot work without. MAAS 1.8's own schema marked every
// field `required: False` (power_schema.py make_json_field) and accepted partial parameters,
// so a region should store what it is given and let the operation report `bad-parameters`.
// `choices` keeps MAAS's JSON shape: an array of [value, label] pairs.

export interface PowerField {
  name: string;
  label: string;
  required: boolean;
  choices?: [string, string][];
  default?: string;
  /** Passwords: never echoed back in logs, events, errors, or the renderer. */
  secret?: boolean;
}

export interface PowerTypeInfo {
  name: string;
  description: string;
  fields: PowerField[];
  /** false: listed with its parameters, but operations answer "not supported yet". */
  supported: boolean;
}

const f = (name: string, label: string, required = true): PowerField => ({ name, label, required });
const secret = (name: string, label: string, required = true): PowerField => ({ name, label, required, secret: true });

export const powerTypes: readonly PowerTypeInfo[] = [
  {
    name: 'ether_wake',
    description: 'Wake-on-LAN',
    supported: true,
    fields: [f('mac_address', 'MAC Address')],
  },
  {
    name: 'virsh',
    description: 'Virsh (virtual systems)',
    supported: true,
    fields: [
      f('power_address', 'Power address'),
      f('power_id', 'Power ID'),
      secret('power_pass', 'Power password (optional)', false),
    ],
  },
  {
    name: 'vmware',
    description: 'VMWare',
    supported: true,
    fields: [
      f('power_vm_name', 'VM Name (if UUID unknown)', false),
      f('power_uuid', 'VM UUID (if known)', false),
      f('power_address', 'VMware hostname'),
      f('power_user', 'VMware username'),
      secret('power_pass', 'VMware password'),
      f('power_port', 'VMware API port (optional)', false),
      f('power_protocol', 'VMware API protocol (optional)', false),
    ],
  },
  {
    name: 'fence_cdu',
    description: 'Sentry Switch CDU',
    supported: true,
    fields: [
      f('power_address', 'Power address'),
      f('power_id', 'Power ID'),
      f('power_user', 'Power user'),
      secret('power_pass', 'Power password'),
    ],
  },
  {
    name: 'ipmi',
    description: 'IPMI',
    supported: true,
    fields: [
      {
        name: 'power_driver',
        label: 'Power driver',
        required: false,
        choices: [
          ['LAN', 'LAN [IPMI 1.5]'],
          ['LAN_2_0', 'LAN_2_0 [IPMI 2.0]'],
        ],
        default: 'LAN_2_0',
      },
      f('power_address', 'IP address'),
      f('power_user', 'Power user'),
      secret('power_pass', 'Power password'),
      // MAAS looked the BMC's IP up by ARP when the address was empty; we need the address.
      f('mac_address', 'Power MAC', false),
    ],
  },
  {
    name: 'moonshot',
    description: 'HP Moonshot - iLO4 (IPMI)',
    supported: true,
    fields: [
      f('power_address', 'Power address'),
      f('power_user', 'Power user'),
      secret('power_pass', 'Power password'),
      f('power_hwaddress', 'Power hardware address'),
    ],
  },
  {
    name: 'sm15k',
    description: 'SeaMicro 15000',
    supported: true,
    fields: [
      f('system_id', 'System ID'),
      f('power_address', 'Power address'),
      f('power_user', 'Power user'),
      secret('power_pass', 'Power password'),
      {
        name: 'power_control',
        label: 'Power control type',
        required: false,
        choices: [
          ['ipmi', 'IPMI'],
          ['restapi', 'REST API v0.9'],
          ['restapi2', 'REST API v2.0'],
        ],
        default: 'ipmi',
      },
    ],
  },
  {
    name: 'amt',
    description: 'Intel AMT',
    supported: true,
    fields: [
      f('mac_address', 'MAC Address', false),
      secret('power_pass', 'Power password'),
      f('power_address', 'Power address'),
    ],
  },
  {
    name: 'dli',
    description: 'Digital Loggers, Inc. PDU',
    supported: true,
    fields: [
      f('system_id', 'Outlet ID'),
      f('power_address', 'Power address'),
      f('power_user', 'Power user'),
      secret('power_pass', 'Power password'),
    ],
  },
  {
    name: 'ucsm',
    description: 'Cisco UCS Manager',
    supported: true,
    fields: [
      f('uuid', 'Server UUID'),
      f('power_address', 'URL for XML API'),
      f('power_user', 'API user'),
      secret('power_pass', 'API password'),
    ],
  },
  {
    name: 'mscm',
    description: 'HP Moonshot - iLO Chassis Manager',
    supported: true,
    fields: [
      f('power_address', 'IP for MSCM CLI API'),
      f('power_user', 'MSCM CLI API user'),
      secret('power_pass', 'MSCM CLI API password'),
      f('node_id', 'Node ID - Must adhere to cXnY format (X=cartridge number, Y=node number).'),
    ],
  },
  {
    name: 'msftocs',
    description: 'Microsoft OCS - Chassis Manager',
    supported: true,
    fields: [
      f('power_address', 'Power address'),
      f('power_port', 'Power port'),
      f('power_user', 'Power user'),
      secret('power_pass', 'Power password'),
      f('blade_id', 'Blade ID (Typically 1-24)'),
    ],
  },
  {
    name: 'apc',
    description: 'American Power Conversion (APC) PDU',
    supported: true,
    fields: [
      f('power_address', 'IP for APC PDU'),
      f('node_outlet', 'APC PDU node outlet number (1-16)'),
      { name: 'power_on_delay', label: 'Power ON outlet delay (seconds)', required: false, default: '5' },
    ],
  },
  {
    // Later MAAS: a node whose power is switched by hand. Listed so it can be chosen.
    name: 'manual',
    description: 'Manual',
    supported: true,
    fields: [],
  },
  {
    // Later MAAS (2.x+) driver for DMTF Redfish BMCs; node_id picks the ComputerSystem
    // when the BMC has several (empty: the first member of /redfish/v1/Systems).
    name: 'redfish',
    description: 'Redfish',
    supported: true,
    fields: [
      f('power_address', 'Redfish address'),
      f('power_user', 'Redfish user'),
      secret('power_pass', 'Redfish password'),
      f('node_id', 'Node ID', false),
    ],
  },
];

const byName = new Map(powerTypes.map((t) => [t.name, t]));

export function powerTypeInfo(name: string): PowerTypeInfo | undefined {
  return byName.get(name);
}

/** Names of the secret fields of a type (or of all types, for an unknown one). */
export function secretFieldNames(typeName: string): string[] {
  const t = byName.get(typeName);
  const fields = t ? t.fields : powerTypes.flatMap((x) => x.fields);
  return [...new Set(fields.filter((x) => x.secret).map((x) => x.name))];
}
