import { describe, expect, test } from 'vitest';
import { powerTypes } from '../../../src-main/power';
import { describePowerParameterErrors, powerFieldRules, validatePowerParameters } from '../../../src-shared/maas/power-params';
import { goodLibvirtUris, hostileLibvirtUris } from './hostile-uris';

const virsh = (power_address: string) => validatePowerParameters('virsh', { power_address, power_id: 'vm1' });

describe('validatePowerParameters', () => {
  test('has a rule for every parameter of every power type the region lists, and no other', () => {
    const region = Object.fromEntries(powerTypes.map((t) => [t.name, t.fields.map((f) => f.name).sort()]));
    const shared = Object.fromEntries(Object.entries(powerFieldRules).map(([t, r]) => [t, Object.keys(r).sort()]));
    expect(shared).toEqual(region);
  });

  test('refuses every hostile libvirt URI form, naming power_address and never repeating the value', () => {
    for (const uri of hostileLibvirtUris('/tmp/marker-program')) {
      const r = virsh(uri);
      expect(r.ok, uri).toBe(false);
      if (r.ok) continue;
      expect(Object.keys(r.errors), uri).toEqual(['power_address']);
      expect(r.errors.power_address.join(' ')).not.toContain('marker-program');
    }
  });

  test('accepts the libvirt URIs users write', () => {
    for (const uri of goodLibvirtUris) expect(virsh(uri), uri).toEqual({ ok: true, params: { power_address: uri, power_id: 'vm1' } });
  });

  test('says why a URI is refused', () => {
    const msg = (u: string) => { const r = virsh(u); return r.ok ? '' : r.errors.power_address[0]; };
    expect(msg('qemu+ssh://h/system?command=x')).toMatch(/must not carry libvirt URI parameters/);
    expect(msg('qemu+ext:///system')).toMatch(/driver or transport that is not accepted/);
    expect(msg('qemu+ssh://root:pw@host/system')).toMatch(/must not hold a password/);
    expect(msg('qemu+ssh://h/')).toMatch(/\/system or \/session/);
    expect(msg('qemu://h/system')).toMatch(/without a transport/);
  });

  test('addresses are host names or IPs with an optional port, never beginning with "-"', () => {
    const ipmi = (power_address: string) => validatePowerParameters('ipmi', { power_address }).ok;
    for (const ok of ['10.0.0.5', 'bmc1.lab', '10.0.0.5:623', '[fe80::1]:623', 'fe80::1', 'BMC-7']) expect(ipmi(ok), ok).toBe(true);
    for (const bad of ['-oProxyCommand=x', '10.0.0.5:0', '10.0.0.5:70000', '300.1.1.1', 'host name', 'a;b', 'http://x', '[10.0.0.1]', 'h:p', 'x\ty', '.hidden']) {
      expect(ipmi(bad), bad).toBe(false);
    }
  });

  test('URLs are http(s) only and carry no credentials; a plain address is also accepted', () => {
    const redfish = (power_address: string) => validatePowerParameters('redfish', { power_address }).ok;
    for (const ok of ['https://10.0.0.9', 'http://bmc:8000/redfish', 'HTTPS://[fd00::9]:443/', 'bmc9.lab:8443']) expect(redfish(ok), ok).toBe(true);
    for (const bad of ['file:///etc/passwd', 'ftp://x/', 'gopher://x', 'https://u:p@bmc/', 'https://-x/', 'https://a b/', 'javascript:alert(1)']) {
      expect(redfish(bad), bad).toBe(false);
    }
  });

  test('numbers, choices, MACs and bridging options are checked for their kind', () => {
    const bad = (type: string, p: Record<string, string>) => { const r = validatePowerParameters(type, p); return r.ok ? [] : Object.keys(r.errors); };
    expect(bad('dli', { system_id: '17' })).toEqual(['system_id']);
    expect(bad('dli', { system_id: '3' })).toEqual([]);
    expect(bad('apc', { node_outlet: 'one', power_on_delay: '5s' })).toEqual(['node_outlet', 'power_on_delay']);
    expect(bad('apc', { node_outlet: '12', power_on_delay: '2.5' })).toEqual([]);
    expect(bad('msftocs', { power_port: '8000x', blade_id: '0' })).toEqual(['power_port', 'blade_id']);
    expect(bad('vmware', { power_protocol: 'ftp', power_port: '443' })).toEqual(['power_protocol']);
    expect(bad('ipmi', { power_driver: 'LAN_3', mac_address: 'nope' })).toEqual(['power_driver', 'mac_address']);
    expect(bad('moonshot', { power_hwaddress: '-B 0 -T 0x88 -b 7 -t 0x72 -m 0x20' })).toEqual([]);
    expect(bad('moonshot', { power_hwaddress: '-t 0x72 -o ProxyCommand' })).toEqual(['power_hwaddress']);
    expect(bad('mscm', { node_id: 'c1n1' })).toEqual([]);
    expect(bad('mscm', { node_id: '1' })).toEqual(['node_id']);
    expect(bad('sm15k', { system_id: '12', power_control: 'restapi2' })).toEqual([]);
    expect(bad('sm15k', { system_id: '512', power_control: 'ssh' })).toEqual(['system_id', 'power_control']);
    expect(bad('fence_cdu', { power_id: '-x', power_user: 'admin' })).toEqual(['power_id']);
  });

  test('unknown power types and parameters are refused; skip-check keeps unknown ones as checked text', () => {
    expect(validatePowerParameters('shell', {})).toMatchObject({ ok: false, errors: { power_type: [expect.stringMatching(/not a known power type/)] } });
    expect(validatePowerParameters('virsh', { command: 'x' })).toMatchObject({ ok: false, errors: { command: [expect.stringMatching(/not a parameter of power type virsh/)] } });
    expect(validatePowerParameters('virsh', { extra: 'x' }, { allowUnknown: true })).toEqual({ ok: true, params: { extra: 'x' } });
    expect(validatePowerParameters('virsh', { extra: '-x' }, { allowUnknown: true }).ok).toBe(false);
    expect(validatePowerParameters('', {})).toEqual({ ok: true, params: {} });
    expect(validatePowerParameters('', { power_address: 'x' }).ok).toBe(false);
    expect(validatePowerParameters('__proto__', {}).ok).toBe(false);
    expect(validatePowerParameters('virsh', { constructor: 'x' }).ok).toBe(false);
  });

  test('empty values mean "not set"; values are trimmed, passwords kept exactly', () => {
    expect(validatePowerParameters('ipmi', { power_address: ' 10.0.0.1 ', power_user: '', power_pass: ' p w ' }))
      .toEqual({ ok: true, params: { power_address: '10.0.0.1', power_user: '', power_pass: ' p w ' } });
  });

  test('a refused password is never repeated; line breaks in passwords are refused', () => {
    const r = validatePowerParameters('ipmi', { power_pass: 'hunter2\nx' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('hunter2');
    expect(validatePowerParameters('ipmi', { power_pass: '-starts-with-dash ok' }).ok).toBe(true);
  });

  test('describes errors in one line for events and power states', () => {
    const r = validatePowerParameters('virsh', { power_address: 'ext:///x', power_id: '-d' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describePowerParameterErrors(r.errors)).toMatch(/^power_address .*; power_id must not begin with "-"$/);
  });
});

describe('remote servers (the console\'s node edit)', () => {
  const remote = { allowUnknown: true, allowUnknownType: true };
  test('power types and parameters this console does not know are checked as text, secrets by name', () => {
    expect(validatePowerParameters('lxd', { power_address: 'https://10.0.0.5:8443', instance_name: 'vm1', password: 'x\ny' }, remote).ok).toBe(false);
    expect(validatePowerParameters('lxd', { power_address: 'https://10.0.0.5:8443', instance_name: 'vm1', password: ' p w ' }, remote))
      .toEqual({ ok: true, params: { power_address: 'https://10.0.0.5:8443', instance_name: 'vm1', password: ' p w ' } });
    expect(validatePowerParameters('webhook', { power_on_uri: '-oProxyCommand=x' }, remote).ok).toBe(false);
    expect(validatePowerParameters('ipmi', { power_address: '10.0.0.1', cipher_suite_id: '3', privilege_level: 'OPERATOR' }, remote).ok).toBe(true);
    expect(validatePowerParameters('virsh', { power_address: 'qemu+ext:///system?command=x' }, remote).ok).toBe(false);
  });
});
