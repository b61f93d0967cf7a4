import { describe, expect, test } from 'vitest';
import { powerTypes, secretFieldNames } from '../../../src-main/power';

// Names and parameters from shared/spec/maas-1.8-api.md, "Power types", in its order.
const spec: Record<string, string[]> = {
  ether_wake: ['mac_address'],
  virsh: ['power_address', 'power_id', 'power_pass'],
  vmware: ['power_vm_name', 'power_uuid', 'power_address', 'power_user', 'power_pass', 'power_port', 'power_protocol'],
  fence_cdu: ['power_address', 'power_id', 'power_user', 'power_pass'],
  ipmi: ['power_driver', 'power_address', 'power_user', 'power_pass', 'mac_address'],
  moonshot: ['power_address', 'power_user', 'power_pass', 'power_hwaddress'],
  sm15k: ['system_id', 'power_address', 'power_user', 'power_pass', 'power_control'],
  amt: ['mac_address', 'power_pass', 'power_address'],
  dli: ['system_id', 'power_address', 'power_user', 'power_pass'],
  ucsm: ['uuid', 'power_address', 'power_user', 'power_pass'],
  mscm: ['power_address', 'power_user', 'power_pass', 'node_id'],
  msftocs: ['power_address', 'power_port', 'power_user', 'power_pass', 'blade_id'],
  apc: ['power_address', 'node_outlet', 'power_on_delay'],
};

describe('power types catalogue', () => {
  test('lists every spec type with its parameters in order, then manual and redfish', () => {
    const listed = Object.fromEntries(powerTypes.map((t) => [t.name, t.fields.map((f) => f.name)]));
    expect(listed).toEqual({ ...spec, manual: [], redfish: ['power_address', 'power_user', 'power_pass', 'node_id'] });
  });

  test('keeps the spec labels, choices and defaults', () => {
    const ipmi = powerTypes.find((t) => t.name === 'ipmi')!;
    expect(ipmi.fields[0]).toEqual({
      name: 'power_driver', label: 'Power driver', required: false,
      choices: [['LAN', 'LAN [IPMI 1.5]'], ['LAN_2_0', 'LAN_2_0 [IPMI 2.0]']], default: 'LAN_2_0',
    });
    const apc = powerTypes.find((t) => t.name === 'apc')!;
    expect(apc.fields.find((f) => f.name === 'power_on_delay')).toMatchObject({ label: 'Power ON outlet delay (seconds)', default: '5' });
    const sm = powerTypes.find((t) => t.name === 'sm15k')!;
    expect(sm.fields.at(-1)).toMatchObject({ default: 'ipmi', choices: [['ipmi', 'IPMI'], ['restapi', 'REST API v0.9'], ['restapi2', 'REST API v2.0']] });
    expect(powerTypes.find((t) => t.name === 'virsh')!.fields[2]).toEqual({ name: 'power_pass', label: 'Power password (optional)', required: false, secret: true });
  });

  test('marks every password secret; every listed type has a driver', () => {
    for (const t of powerTypes) {
      const pass = t.fields.find((f) => f.name === 'power_pass');
      if (pass) expect(pass.secret, t.name).toBe(true);
    }
    expect(secretFieldNames('ipmi')).toEqual(['power_pass']);
    expect(powerTypes.filter((t) => !t.supported).map((t) => t.name)).toEqual([]);
  });
});
