// The ipmi driver against OpenIPMI's ipmi_sim on loopback, through ipmitool and ipmipower.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  // ipmipower over LAN 1.5 here; over LAN_2_0 (with MAAS's -W opensesspriv) below.
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

describe('ipmi accounts and tools as MAAS sites have them', { timeout: 60_000 }, () => {
  test('ipmipower on LAN_2_0 (with -W opensesspriv, as MAAS\'s template) works with ipmitool absent from PATH', async () => {
    // A PATH holding ipmipower but no ipmitool: 'auto' falls back to freeipmi.
    const dir = mkdtempSync(join(tmpdir(), 'only-ipmipower-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    symlinkSync(execFileSync('sh', ['-c', 'command -v ipmipower'], { encoding: 'utf8' }).trim(), join(dir, 'ipmipower'));
    const { s, argv } = service({ toolPath: dir });
    const t = target(bmc, { power_driver: 'LAN_2_0' });
    await bmc.setPower('off');
    await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
    await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
    expect(await bmc.power()).toBe('on');
    const used = argv.filter(([cmd]) => cmd === 'ipmipower');
    expect(used.length).toBeGreaterThan(0);
    expect(used[0]).toEqual(expect.arrayContaining(['-D', 'LAN_2_0', '-W', 'opensesspriv']));
    // and a wrong password there is auth, not a privilege problem
    const e = await s.query(target({ address: bmc.address, password: 'wrong-pw' }, { power_driver: 'LAN_2_0' })).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'auth' });
  });

  test.each(['ipmitool', 'ipmipower'] as const)('an operator-only account powers the node on and off via %s', async (tool) => {
    // ipmi_sim enforces the privilege limit on IPMI 1.5 sessions: ipmitool's default
    // ADMINISTRATOR request is refused there, then asked again at OPERATOR.
    const { s, argv } = service({ ipmiTool: tool });
    const t: PowerTarget = { ...target(bmc, { power_driver: tool === 'ipmitool' ? 'LAN' : 'LAN_2_0' }), params: { ...target(bmc).params, power_driver: tool === 'ipmitool' ? 'LAN' : 'LAN_2_0', power_user: bmc.operator.user, power_pass: bmc.operator.password } };
    await bmc.setPower('off');
    await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
    await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
    if (tool === 'ipmitool') {
      expect(argv.some((a) => a.join(' ').includes('-L OPERATOR'))).toBe(true);
      // remembered: only the first call asked for ADMINISTRATOR
      expect(argv.filter((a) => !a.includes('-L')).length).toBe(1);
    }
  });

  test('a privilege refusal is "privilege", keeps the whole cause, and is not retried', async () => {
    // A callback-only account cannot reach OPERATOR either: after the retry at OPERATOR the
    // refusal stands, with ipmitool's own words.
    const sim = await startIpmiSim({ extraUsers: ['user 4 true  "cbonly" "cb-s3cret" callback 10 none md2 md5 straight'] });
    onTestFinished(() => sim.stop());
    const { s, argv } = service({ ipmiTool: 'ipmitool' });
    const t: PowerTarget = { ...target(sim), params: { ...target(sim).params, power_driver: 'LAN', power_user: 'cbonly', power_pass: 'cb-s3cret' } };
    const started = Date.now();
    const e = await s.on(t).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'privilege', message: expect.stringContaining('privilege level') });
    expect((e as Error).message).toMatch(/exceeds limit|privilege/i);
    expect((e as Error).message).not.toContain('cb-s3cret');
    // the query before "on" is not retried, nor is "on" sent: privilege is fatal
    expect(argv.length).toBeLessThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
