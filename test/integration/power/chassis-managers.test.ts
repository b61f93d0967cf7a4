// msftocs, ucsm and vmware against local servers speaking the Chassis Manager REST API, the
// UCS Manager XML API and vSphere's vim25 SOAP API as their vendors document them (nothing real runs here for those).
import { expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startOcsChassis } from './peers/ocs-chassis';
import { startUcsManager } from './peers/ucs-manager';
import { startVsphere } from './peers/vsphere';

const creds = { user: 'admin', password: 'Chassis-pw1' };

function service() {
  const s = createPowerService({ waitingPolicyMs: [10, 20, 40], queryAttempts: 1, timeoutMs: 3000 });
  onTestFinished(() => s.close());
  return s;
}

test('msftocs: blade state, on, off and cycle through the chassis manager', { timeout: 30_000 }, async () => {
  const cm = await startOcsChassis(creds);
  onTestFinished(() => cm.close());
  const [host, port] = cm.address.split(':');
  const s = service();
  const t: PowerTarget = { systemId: 'b5', hostname: 'b5', powerType: 'msftocs', params: { power_address: host, power_port: port, power_user: 'admin', power_pass: creds.password, blade_id: '5' } };
  await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
  expect(cm.blades[4]).toBe(true);
  await expect(s.cycle(t)).resolves.toMatchObject({ state: 'on', changed: true });
  await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
  expect(cm.requests.filter((r) => r.startsWith('GET /Set'))).toEqual(['GET /SetBladeOn?bladeId=5', 'GET /SetBladeActivePowerCycle?bladeId=5&offTime=0', 'GET /SetBladeOff?bladeId=5']);
  await expect(s.query({ ...t, params: { ...t.params, blade_id: '30' } })).rejects.toMatchObject({ kind: 'failed', message: expect.stringContaining('ParameterOutOfRange') });
  await expect(s.query({ ...t, params: { ...t.params, power_pass: 'nope' } })).rejects.toMatchObject({ kind: 'auth' });
});

test('ucsm: finds the server by UUID, drives its service profile power, always logs out', { timeout: 30_000 }, async () => {
  const ucs = await startUcsManager(creds, [
    { uuid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', dn: 'sys/chassis-1/blade-1', profile: 'org-root/ls-web1', on: false },
    { uuid: '1b4e28ba-2fa1-11d2-883f-0016d3cca428', dn: 'sys/chassis-1/blade-2', profile: 'org-root/ls-web2', on: true },
  ]);
  onTestFinished(() => ucs.close());
  const s = service();
  const t: PowerTarget = { systemId: 'u1', hostname: 'u1', powerType: 'ucsm', params: { uuid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', power_address: ucs.url, power_user: 'admin', power_pass: creds.password } };
  await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
  expect(ucs.servers.map((x) => x.on)).toEqual([true, true]);
  await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
  expect(ucs.servers.map((x) => x.on)).toEqual([false, true]);
  expect(ucs.liveCookies.size).toBe(0); // every session was closed
  expect(ucs.methods.filter((m) => m === 'aaaLogin').length).toBe(ucs.methods.filter((m) => m === 'aaaLogout').length);
  await expect(s.query({ ...t, params: { ...t.params, power_pass: 'bad' } })).rejects.toMatchObject({ kind: 'auth' });
  await expect(s.query({ ...t, params: { ...t.params, uuid: '00000000-0000-0000-0000-000000000000' } })).rejects.toMatchObject({ kind: 'bad-parameters' });
  expect(ucs.liveCookies.size).toBe(0);
});

test('vmware: finds the VM by UUID or by name, powers it through vim25 tasks, logs out', { timeout: 30_000 }, async () => {
  const vc = await startVsphere(creds, [
    { id: 'vm-41', name: 'web-1', uuid: '4213a2b1-0000-4000-8000-000000000041', on: false },
    { id: 'vm-42', name: 'web-2', uuid: '4213a2b1-0000-4000-8000-000000000042', on: true },
  ]);
  onTestFinished(() => vc.close());
  const [host, port] = vc.address.split(':');
  const s = service();
  const base = { power_address: host, power_port: port, power_protocol: 'http', power_user: 'admin', power_pass: creds.password };
  const byUuid: PowerTarget = { systemId: 'v1', hostname: 'v1', powerType: 'vmware', params: { ...base, power_uuid: '4213a2b1-0000-4000-8000-000000000041' } };
  const byName: PowerTarget = { systemId: 'v2', hostname: 'v2', powerType: 'vmware', params: { ...base, power_vm_name: 'web-2' } };
  await expect(s.query(byUuid)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(byUuid)).resolves.toMatchObject({ state: 'on', changed: true });
  await expect(s.query(byName)).resolves.toMatchObject({ state: 'on' });
  await expect(s.off(byName)).resolves.toMatchObject({ state: 'off', changed: true });
  expect(vc.vms.map((v) => v.on)).toEqual([true, false]);
  expect(vc.calls).toEqual(expect.arrayContaining(['FindByUuid', 'CreateContainerView', 'PowerOnVM_Task', 'PowerOffVM_Task']));
  expect(vc.sessions.size).toBe(0);
  await expect(s.query({ ...byUuid, params: { ...byUuid.params, power_pass: 'nope' } })).rejects.toMatchObject({ kind: 'auth' });
  await expect(s.query({ ...byName, params: { ...byName.params, power_vm_name: 'missing' } })).rejects.toMatchObject({ kind: 'bad-parameters' });
  await expect(s.query({ ...byName, params: { ...base } })).rejects.toMatchObject({ kind: 'bad-parameters', message: expect.stringContaining('power_uuid') });
});
