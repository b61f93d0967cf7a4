// vmware against vSphere's own simulator (vcsim, govmomi from Debian), by VM name and by
// UUID — beside the project's own vSphere peer (chassis-managers.test.ts).
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startVcsim, type Vcsim } from './peers/vcsim';
import { freeTcpPort } from './peers/free-port';

const creds = { user: 'maas-admin', password: 'vc-Pa55-word' };
let vc: Vcsim;
// A cold build of vcsim takes minutes on two busy cores; later runs reuse the cached binary.
beforeAll(async () => { vc = await startVcsim(creds); }, 15 * 60_000);
afterAll(() => vc?.stop());

function target(vm: Record<string, string>, extra: Record<string, string> = {}): PowerTarget {
  const [host, port] = vc.address.split(':');
  return { systemId: 'v', hostname: 'v', powerType: 'vmware', params: { power_address: host, power_port: port, power_protocol: 'http', power_user: creds.user, power_pass: creds.password, ...vm, ...extra } };
}

function service() {
  const s = createPowerService({ waitingPolicyMs: [50, 100, 200, 400], queryAttempts: 1, timeoutMs: 10_000 });
  onTestFinished(() => s.close());
  return s;
}

test('by VM name: query, off and on, read back by UUID', { timeout: 60_000 }, async () => {
  const s = service();
  const [vm] = vc.vms;
  const byName = target({ power_vm_name: vm.name });
  const byUuid = target({ power_uuid: vm.uuid });
  await expect(s.query(byName)).resolves.toMatchObject({ state: 'on' }); // vcsim starts VMs powered on
  await expect(s.on(byName)).resolves.toMatchObject({ state: 'on', changed: false });
  await expect(s.off(byName)).resolves.toMatchObject({ state: 'off', changed: true });
  await expect(s.query(byUuid)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(byUuid)).resolves.toMatchObject({ state: 'on', changed: true });
  await expect(s.query(byName)).resolves.toMatchObject({ state: 'on' });
});

test('by UUID, the other VM is untouched; cycle of a running VM resets it', { timeout: 60_000 }, async () => {
  const s = service();
  const [first, second] = vc.vms;
  await expect(s.off(target({ power_uuid: second.uuid }))).resolves.toMatchObject({ state: 'off', changed: true });
  await expect(s.query(target({ power_vm_name: first.name }))).resolves.toMatchObject({ state: 'on' });
  await expect(s.cycle(target({ power_uuid: first.uuid }))).resolves.toMatchObject({ state: 'on', changed: true });
  await expect(s.query(target({ power_vm_name: 'no-such-vm' }))).rejects.toMatchObject({ kind: 'bad-parameters' });
});

test('a wrong password is auth; nothing listening is unreachable', { timeout: 60_000 }, async () => {
  const s = service();
  const e = await s.query(target({ power_vm_name: vc.vms[0].name }, { power_pass: 'wrong-vc-pw' })).catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'auth', message: expect.stringContaining('refused the user name or password') });
  expect((e as Error).message).not.toContain('wrong-vc-pw');
  await expect(s.query(target({ power_vm_name: vc.vms[0].name }, { power_port: String(await freeTcpPort()) }))).rejects.toMatchObject({ kind: 'unreachable' });
});
