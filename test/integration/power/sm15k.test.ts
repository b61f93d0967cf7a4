// sm15k: the SeaMicro REST API v0.9 against an emulated chassis following the API as MAAS's
// client spoke it; the IPMI way against ipmi_sim, which — not being a SeaMicro — must refuse
// SeaMicro's OEM command, and the driver must say so.
import { expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startSeaMicro } from './peers/seamicro';
import { startIpmiSim } from './peers/ipmi-sim';
import { freeTcpPort } from './peers/free-port';

const creds = { user: 'admin', password: 'sea&micro=pw' };

function service() {
  const argv: string[][] = [];
  const s = createPowerService({ waitingPolicyMs: [20, 50], queryAttempts: 1, timeoutMs: 5000, spawnObserver: (i) => argv.push(i.args) });
  onTestFinished(() => s.close());
  return { s, argv };
}

const target = (address: string, extra: Record<string, string> = {}): PowerTarget => ({
  systemId: 's5', hostname: 's5', powerType: 'sm15k',
  params: { system_id: '5', power_address: address, power_user: creds.user, power_pass: creds.password, power_control: 'restapi', ...extra },
});

test('restapi: logs in, finds the server index, powers on with PXE and off with force, logs out', { timeout: 30_000 }, async () => {
  const sm = await startSeaMicro(creds, [0, 3, 5]);
  onTestFinished(() => sm.close());
  const { s } = service();
  await expect(s.on(target(sm.address))).resolves.toMatchObject({ state: 'unknown', changed: true });
  expect(sm.power.get('5/0')).toBe(true);
  expect(sm.power.get('3/0')).toBe(false);
  await expect(s.off(target(sm.address))).resolves.toMatchObject({ state: 'unknown', changed: true });
  expect(sm.power.get('5/0')).toBe(false);
  expect(sm.requests.map((r) => r.replace(/&[0-9a-f]{16}$/, '&TOKEN').replace(/\?[0-9a-f]{16}$/, '?TOKEN'))).toEqual([
    'GET /v0.9/login?admin&PASSWORD', 'GET /v0.9/servers?TOKEN', 'PUT /v0.9/servers/2?action=Power-On&using-pxe=true&TOKEN', 'GET /v0.9/logout?',
    'GET /v0.9/login?admin&PASSWORD', 'GET /v0.9/servers?TOKEN', 'PUT /v0.9/servers/2?action=Power-Off&force=true&TOKEN', 'GET /v0.9/logout?',
  ]);
  // no way to read the state: query says so
  await expect(s.query(target(sm.address))).rejects.toMatchObject({ kind: 'unsupported' });
});

test('restapi: wrong password is auth, an unknown server a parameter error, nothing listening unreachable', { timeout: 30_000 }, async () => {
  const sm = await startSeaMicro(creds, [0]);
  onTestFinished(() => sm.close());
  const { s } = service();
  const e = await s.on(target(sm.address, { power_pass: 'password' })).catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'auth', message: 'the SeaMicro chassis refused the user name or password' });
  await expect(s.on(target(sm.address, { system_id: '9' }))).rejects.toMatchObject({ kind: 'bad-parameters', message: expect.stringContaining('no server 9/0') });
  await expect(s.on(target(`127.0.0.1:${await freeTcpPort()}`))).rejects.toMatchObject({ kind: 'unreachable' });
  await expect(s.on(target(sm.address, { power_control: 'restapi2' }))).rejects.toMatchObject({ kind: 'unsupported' });
});

test('ipmi: SeaMicro\'s OEM raw command, password via -E; a BMC that is no SeaMicro refuses it, and the message says so', { timeout: 30_000 }, async () => {
  const bmc = await startIpmiSim();
  onTestFinished(() => bmc.stop());
  const { s, argv } = service();
  const t = target(bmc.address, { power_control: 'ipmi', power_pass: bmc.password });
  const e = await s.on(t).catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'protocol', message: expect.stringContaining("does not know SeaMicro's OEM power command") });
  expect(argv[0].slice(-8)).toEqual(['0x2E', '1', '0x00', '0x7d', '0xab', '1', '0', '5']);
  expect(argv.flat()).not.toContain(bmc.password);
  await expect(s.on({ ...t, params: { ...t.params, power_pass: 'wrong-pw' } })).rejects.toMatchObject({ kind: 'auth' });
});
