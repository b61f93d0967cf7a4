// What each power parameter holds, per power type, and the check for each kind of value.
// The field names follow MAAS's power types (the region's list is src-main/power/power-types.ts;
// a unit test keeps the two in step). A kind says what the drivers do with the value: an
// address is handed to a tool or a socket, a libvirt URI to `virsh -c`, a port or outlet
// number to a URL or an OID, free text to a tool's argument array.
import { isMac } from '../mac';
import { addressOrUrlProblem, addressProblem, portProblem } from './address';
import { libvirtUriProblem } from './libvirt-uri';

export type FieldKind =
  | { kind: 'address' }
  | { kind: 'address-or-url' }
  | { kind: 'libvirt-uri' }
  | { kind: 'mac' }
  | { kind: 'port' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'seconds' }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'ipmi-bridge' }
  | { kind: 'pattern'; re: RegExp; example: string }
  | { kind: 'text' }
  | { kind: 'secret' };

const address: FieldKind = { kind: 'address' };
const addressOrUrl: FieldKind = { kind: 'address-or-url' };
const mac: FieldKind = { kind: 'mac' };
const text: FieldKind = { kind: 'text' };
const secret: FieldKind = { kind: 'secret' };
const port: FieldKind = { kind: 'port' };
const login = { power_user: text, power_pass: secret };

export const powerFieldRules: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = {
  ether_wake: { mac_address: mac },
  virsh: { power_address: { kind: 'libvirt-uri' }, power_id: text, power_pass: secret },
  vmware: {
    power_vm_name: text, power_uuid: text, power_address: address, ...login, power_port: port,
    power_protocol: { kind: 'choice', values: ['https', 'http'] },
  },
  fence_cdu: { power_address: address, power_id: text, ...login },
  ipmi: { power_driver: { kind: 'choice', values: ['LAN', 'LAN_2_0'] }, power_address: address, ...login, mac_address: mac },
  moonshot: { power_address: address, ...login, power_hwaddress: { kind: 'ipmi-bridge' } },
  sm15k: { system_id: { kind: 'integer', min: 0, max: 511 }, power_address: address, ...login, power_control: { kind: 'choice', values: ['ipmi', 'restapi', 'restapi2'] } },
  amt: { mac_address: mac, power_pass: secret, power_address: address },
  dli: { system_id: { kind: 'integer', min: 1, max: 16 }, power_address: addressOrUrl, ...login },
  ucsm: { uuid: text, power_address: addressOrUrl, ...login },
  mscm: { power_address: address, ...login, node_id: { kind: 'pattern', re: /^c\d{1,2}n\d{1,2}$/, example: 'c1n1' } },
  msftocs: { power_address: addressOrUrl, power_port: port, ...login, blade_id: { kind: 'integer', min: 1, max: 48 } },
  apc: { power_address: address, node_outlet: { kind: 'integer', min: 1, max: 999 }, power_on_delay: { kind: 'seconds' } },
  manual: {},
  redfish: { power_address: addressOrUrl, ...login, node_id: text },
};

export const MAX_VALUE_LENGTH = 4096;

const BRIDGE_FLAGS = new Set(['-B', '-T', '-b', '-t', '-m']);

/** ipmitool bridging options ("-B 0 -T 0x88 -b 7 -t 0x72 -m 0x20"): those five flags, numeric values. */
function bridgeOk(value: string): boolean {
  const tokens = value.trim().split(/\s+/);
  if (tokens.length % 2 !== 0 || !tokens.includes('-t')) return false;
  for (let i = 0; i < tokens.length; i += 2) {
    if (!BRIDGE_FLAGS.has(tokens[i]) || !/^(0x[0-9a-fA-F]{1,4}|\d{1,5})$/.test(tokens[i + 1])) return false;
  }
  return true;
}

/** Why `value` (non-empty, trimmed unless secret) is not a valid value of this kind, or null. */
export function kindProblem(rule: FieldKind, value: string): string | null {
  if (value.length > MAX_VALUE_LENGTH) return `must be at most ${MAX_VALUE_LENGTH} characters`;
  if (rule.kind === 'secret') return /[\r\n\u0000]/.test(value) ? 'must not contain line breaks or NUL characters' : null;
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'must not contain control characters';
  if (rule.kind === 'ipmi-bridge') return bridgeOk(value) ? null : 'must be ipmitool bridging options such as "-B 0 -T 0x88 -b 7 -t 0x72 -m 0x20"';
  if (value.startsWith('-')) return 'must not begin with "-"';
  switch (rule.kind) {
    case 'address': return addressProblem(value);
    case 'address-or-url': return addressOrUrlProblem(value);
    case 'libvirt-uri': return libvirtUriProblem(value);
    case 'mac': return isMac(value) ? null : 'must be a MAC address (aa:bb:cc:dd:ee:ff)';
    case 'port': return portProblem(value);
    case 'integer':
      return /^\d{1,6}$/.test(value) && Number(value) >= rule.min && Number(value) <= rule.max ? null : `must be a whole number from ${rule.min} to ${rule.max}`;
    case 'seconds': return /^\d{1,4}(\.\d{1,3})?$/.test(value) ? null : 'must be a number of seconds (0-9999)';
    case 'choice':
      return rule.values.includes(value) ? null : `must be one of ${rule.values.join(', ')}`;
    case 'pattern': return rule.re.test(value) ? null : `must look like ${rule.example}`;
    case 'text': return null;
  }
}
