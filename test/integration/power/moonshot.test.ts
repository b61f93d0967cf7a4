// moonshot: IPMI 2.0 to the chassis manager, bridged to a cartridge MC (ipmi_sim's 0x72).
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startIpmiSim, type IpmiSim } from './peers/ipmi-sim';
import { requireTool } from './peers/require-tool';

let chassis: IpmiSim;
beforeAll(async () => {
  requireTool('ipmitool', 'ipmitool');
  chassis = await startIpmiSim({ power: 'on' });
});
afterAll(() => chassis?.stop());

const cartridge = (hw: string): PowerTarget => ({
  systemId: 'c1n1', hostname: 'c1n1', powerType: 'moonshot',
  params: { power_address: chassis.address, power_user: 'admin', power_pass: chassis.password, power_hwaddress: hw },
});

test('drives the bridged cartridge, not the chassis manager', { timeout: 30_000 }, async () => {
  const argv: string[][] = [];
  const s = createPowerService({ waitingPolicyMs: [50, 100, 200], spawnObserver: (i) => argv.push(i.args) });
  onTestFinished(() => s.close());
  const t = cartridge('-B 0 -T 0x20 -b 0 -t 0x72 -m 0x20');
  await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
  expect(await chassis.power('cartridge')).toBe('on');
  await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
  expect(await chassis.power('cartridge')).toBe('off');
  expect(await chassis.power('bmc')).toBe('on');
  expect(argv[0]).toEqual(expect.arrayContaining(['-t', '0x72', '-E']));
  expect(argv.flat()).not.toContain(chassis.password);
});

test('power_hwaddress may only hold bridging options', { timeout: 30_000 }, async () => {
  const s = createPowerService();
  onTestFinished(() => s.close());
  for (const hw of ['', '-t', '-t 0x72 -o x', '-t 0x72; reboot', '-t 0x72 -H 10.0.0.1'])
    await expect(s.query(cartridge(hw)), hw).rejects.toMatchObject({ kind: 'bad-parameters' });
});
