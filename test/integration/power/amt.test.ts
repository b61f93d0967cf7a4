// amt through Debian's amttool against an emulated AMT (pre-v9) SOAP firmware.
import { expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startAmtFirmware } from './peers/amt-soap';
import { startAmtWsman } from './peers/amt-wsman';
import { freeTcpPort } from './peers/free-port';
import { requireTool } from './peers/require-tool';

test('reads the power state, powers up and down, password only in the environment', { timeout: 60_000 }, async () => {
  requireTool('amttool', 'amtterm');
  const fw = await startAmtFirmware('Amt-P4ss!');
  onTestFinished(() => fw.close());
  const seen: { args: string[]; env: string[] }[] = [];
  const s = createPowerService({ waitingPolicyMs: [50, 100, 200], spawnObserver: (i) => seen.push({ args: i.args, env: i.envNames }) });
  onTestFinished(() => s.close());
  const t: PowerTarget = { systemId: 'a1', hostname: 'a1', powerType: 'amt', params: { mac_address: '', power_pass: 'Amt-P4ss!', power_address: fw.address } };
  await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: false });
  await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
  expect(fw.commands).toEqual([17, 18]);
  fw.powerState = 0; // switched on at the machine
  await expect(s.query(t)).resolves.toMatchObject({ state: 'on' });
  expect(seen.flatMap((x) => x.args)).not.toContain('Amt-P4ss!');
  expect(seen.every((x) => x.env.includes('AMT_PASSWORD'))).toBe(true);
});

test('wrong password is auth; nothing listening is unreachable', { timeout: 60_000 }, async () => {
  const fw = await startAmtFirmware('right');
  onTestFinished(() => fw.close());
  const s = createPowerService({ queryAttempts: 1 });
  onTestFinished(() => s.close());
  const t: PowerTarget = { systemId: 'a1', hostname: 'a1', powerType: 'amt', params: { power_pass: 'wrong', power_address: fw.address } };
  await expect(s.query(t)).rejects.toMatchObject({ kind: 'auth' });
  await expect(s.query({ ...t, params: { ...t.params, power_address: `127.0.0.1:${await freeTcpPort()}` } })).rejects.toMatchObject({ kind: 'unreachable' });
});

test('AMT 9+: WS-Management with HTTP Digest, chosen by WS-Identify', { timeout: 30_000 }, async () => {
  const fw = await startAmtWsman('Wsman-P4ss!');
  onTestFinished(() => fw.close());
  const argv: string[][] = [];
  const s = createPowerService({ waitingPolicyMs: [20, 50, 100], spawnObserver: (i) => argv.push(i.args) });
  onTestFinished(() => s.close());
  const t: PowerTarget = { systemId: 'a9', hostname: 'a9', powerType: 'amt', params: { power_pass: 'Wsman-P4ss!', power_address: fw.address } };
  await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
  expect(fw.powerState).toBe(2);
  await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
  expect(fw.powerState).toBe(8);
  expect(argv).toEqual([]); // no tool spawned at all
  expect(fw.requests).toEqual(expect.arrayContaining(['Identify', 'Enumerate', 'Pull', 'RequestPowerStateChange']));
  const e = await s.query({ ...t, params: { ...t.params, power_pass: 'wrong' } }).catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'auth' });
});
