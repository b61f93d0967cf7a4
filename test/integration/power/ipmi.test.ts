// The ipmi driver against OpenIPMI's ipmi_sim on loopback, through ipmitool and ipmipower.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { createPowerService, PowerError, type PowerServiceOptions, type PowerTarget } from '../../../src-main/power';
import { startIpmiSim, type IpmiSim } from './peers/ipmi-sim';
import { freeUdpPort } from './peers/free-port';
import { requireTool } from './peers/require-tool';

const fast = [50, 100, 100, 200, 300, 400, 600];
let bmc: IpmiSim;

beforeAll(async () => {
  requireTool('ipmitool', 'ipmitool');
  requireTool('ipmipower', 'freeipmi-tools');
  bmc = await startIpmiSim();
});
afterAll(() => bmc?.stop());

const target = (b: { address: string; password: string }, extra: Record<string, string> = {}): PowerTarget => ({
  systemId: 'node-1',
  hostname: 'node-1',
  powerType: 'ipmi',
  params: { power_driver: 'LAN_2_0', power_address: b.address, power_user: 'admin', power_pass: b.password, mac_address: '', ...extra },
});

function service(o: PowerServiceOptions = {}) {
  const argv: string[][] = [];
  const s = createPowerService({ waitingPolicyMs: fast, timeoutMs: 8000, spawnObserver: (i) => argv.push([i.command, ...i.args]), ...o });
  onTestFinished(() => s.close());
  return { s, argv };
}

describe.each(['ipmitool', 'ipmipower'] as const)('ipmi via %s', { timeout: 30_000 }, (tool) => {
  // ipmi_sim refuses freeipmi's RMCP+ privilege negotiation (toolchain.md §9), so
  // ipmipower is exercised over LAN 1.5; ipmitool over both.
  const driver = tool === 'ipmipower' ? 'LAN' : 'LAN_2_0';

  test('reads the state, powers on, off and cycles, checking each change', async () => {
    const { s, argv } = service({ ipmiTool: tool });
    const t = target(bmc, { power_driver: driver });
    await bmc.setPower('off');
    const before = (await bmc.changes()).length;
    await expect(s.query(t)).resolves.toEqual({ state: 'off', changed: false });
    await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
    expect(await bmc.power()).toBe('on');
    await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
    expect(await bmc.power()).toBe('off');
    await s.on(t);
    await expect(s.cycle(t)).resolves.toMatchObject({ state: 'on', changed: true });
    expect(await bmc.power()).toBe('on');
    // Transitions, not set calls: a retried plain "on" re-sets on, which is harmless.
    const transitions = (await bmc.changes()).slice(before).filter((c, i, all) => c !== all[i - 1]);
    expect(transitions).toEqual(['on', 'off', 'on', 'off', 'on']);
    expect(argv.every(([cmd]) => cmd === tool)).toBe(true);
    expect(argv.flat().join(' ')).not.toContain(bmc.password);
  });

  test('a soft stop asks the OS to shut down and waits until the node is off', async () => {
    const { s } = service({ ipmiTool: tool });
    await bmc.setPower('on');
    const before = (await bmc.changes()).length;
    await expect(s.off(target(bmc, { power_driver: driver }), { soft: true })).resolves.toMatchObject({ state: 'off', changed: true });
    // only soft requests (re-sent while the OS shuts down, as MAAS re-sent changes), no hard off
    expect(new Set((await bmc.changes()).slice(before))).toEqual(new Set(['soft']));
    await new Promise((r) => setTimeout(r, 500)); // let the simulated OS finish shutting down before the next test
  });

  test('power on of a node that is on changes nothing at the BMC', async () => {
    const { s } = service({ ipmiTool: tool });
    await bmc.setPower('on');
    const before = await bmc.changes();
    await expect(s.on(target(bmc, { power_driver: driver }))).resolves.toEqual({ state: 'on', changed: false, detail: 'already on' });
    expect(await bmc.changes()).toEqual(before);
  });

  test('a wrong password is an auth error, not retried, with no password in the message', async () => {
    // ipmipower (LAN 1.5) only notices a wrong password when its session times out.
    const { s, argv } = service({ ipmiTool: tool, timeoutMs: 3000 });
    const e = await s.query(target({ address: bmc.address, password: 'not-the-password' }, { power_driver: driver })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PowerError);
    expect(e).toMatchObject({ kind: 'auth' });
    expect((e as Error).message).not.toContain('not-the-password');
    expect(argv).toHaveLength(1);
  });
});

describe('ipmi failures', { timeout: 30_000 }, () => {
  test('nothing listening at the address is unreachable', async () => {
    const { s } = service({ queryAttempts: 1 });
    const port = await freeUdpPort();
    await expect(s.query(target({ address: `127.0.0.1:${port}`, password: 'x' }))).rejects.toMatchObject({ kind: 'unreachable' });
  });

  test('a BMC that stopped answering times out, and another BMC still answers meanwhile', async () => {
    const frozen = await startIpmiSim({ power: 'on' });
    onTestFinished(() => frozen.stop());
    frozen.freeze();
    const { s } = service({ timeoutMs: 1500, queryAttempts: 1, concurrency: 1 });
    const stuck = s.query({ ...target(frozen), systemId: 'frozen' }).catch((x: unknown) => x);
    await bmc.setPower('on');
    await expect(s.query(target(bmc))).resolves.toMatchObject({ state: 'on' });
    const e = await stuck;
    expect(e).toBeInstanceOf(PowerError);
    expect(['timeout', 'unreachable']).toContain((e as PowerError).kind);
  });

  test('the password never appears in the running tool\'s command line', async () => {
    const frozen = await startIpmiSim();
    onTestFinished(() => frozen.stop());
    frozen.freeze(); // keeps ipmitool running long enough to read /proc/PID/cmdline
    const cmdlines: string[] = [];
    const environs: string[] = [];
    const s = createPowerService({
      timeoutMs: 1500,
      queryAttempts: 1,
      spawnObserver: ({ pid }) => {
        cmdlines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
        environs.push(readFileSync(`/proc/${pid}/environ`, 'utf8'));
      },
    });
    onTestFinished(() => s.close());
    await s.query(target(frozen)).catch(() => undefined);
    expect(cmdlines).toHaveLength(1);
    expect(cmdlines[0]).toContain('ipmitool');
    expect(cmdlines[0]).toContain('-E');
    expect(cmdlines[0]).not.toContain(frozen.password);
    expect(environs[0]).toContain(`IPMI_PASSWORD=${frozen.password}`); // where it does go
  });

  test('missing parameters are named', async () => {
    const { s } = service();
    await expect(s.query(target(bmc, { power_address: '' }))).rejects.toMatchObject({ kind: 'bad-parameters', message: expect.stringContaining('power_address') });
    await expect(s.query(target(bmc, { power_address: '-oProxyCommand=x' }))).rejects.toMatchObject({ kind: 'bad-parameters' });
    await expect(s.query(target(bmc, { power_driver: 'SERIAL' }))).rejects.toMatchObject({ kind: 'bad-parameters' });
  });
});
