// sm15k's IPMI way end to end: Debian's ipmitool against OpenIPMI's ipmi_sim carrying a
// plugin that answers SeaMicro's OEM power command per server (peers/seamicro-ipmi.ts).
// The session, RAKP and user checks are ipmi_sim's own.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startSeaMicroIpmi } from './peers/seamicro-ipmi';

const run = promisify(execFile);

async function chassis() {
  const sm = await startSeaMicroIpmi({ servers: 8 });
  onTestFinished(() => sm.stop());
  return sm;
}

function service() {
  const spawned: { args: string[]; envNames: string[]; cmdline: string; environ: string }[] = [];
  const proc = (pid: number | undefined, f: string) => { try { return readFileSync(`/proc/${pid}/${f}`, 'utf8'); } catch { return ''; } };
  const s = createPowerService({ waitingPolicyMs: [20, 50], queryAttempts: 1, timeoutMs: 8000,
    spawnObserver: (i) => spawned.push({ args: i.args, envNames: i.envNames, cmdline: proc(i.pid, 'cmdline'), environ: proc(i.pid, 'environ') }) });
  onTestFinished(() => s.close());
  return { s, spawned };
}

const target = (sm: { bmc: { address: string; user: string; password: string } }, extra: Record<string, string> = {}): PowerTarget => ({
  systemId: 'n5', hostname: 'n5', powerType: 'sm15k',
  params: { system_id: '5', power_address: sm.bmc.address, power_user: sm.bmc.user, power_pass: sm.bmc.password, power_control: 'ipmi', ...extra },
});

const powered = async (sm: Awaited<ReturnType<typeof chassis>>) => [...(await sm.servers())].filter(([, p]) => p === 'on').map(([id]) => id);

test('on and off reach the right server of the chassis, the password only in ipmitool\'s environment', { timeout: 60_000 }, async () => {
  const sm = await chassis();
  const { s, spawned } = service();
  await expect(s.on(target(sm))).resolves.toMatchObject({ state: 'unknown', changed: true });
  expect(await powered(sm)).toEqual([5]);
  await expect(s.on(target(sm, { system_id: '0' }))).resolves.toMatchObject({ changed: true });
  expect(await powered(sm)).toEqual([0, 5]);
  await expect(s.off(target(sm))).resolves.toMatchObject({ state: 'unknown', changed: true });
  expect(await powered(sm)).toEqual([0]);
  // MODE 1 on, 0 off (MAAS 1.8), SERVER as sent; one command each: nothing else reached the chassis
  expect(await sm.commands()).toEqual(['1 5', '1 0', '0 5']);
  expect(spawned.map((x) => x.args.slice(-9))).toEqual([
    ['raw', '0x2E', '1', '0x00', '0x7d', '0xab', '1', '0', '5'],
    ['raw', '0x2E', '1', '0x00', '0x7d', '0xab', '1', '0', '0'],
    ['raw', '0x2E', '1', '0x00', '0x7d', '0xab', '0', '0', '5'],
  ]);
  for (const x of spawned) {
    expect(x.args).toContain('-E');
    expect(x.envNames).toContain('IPMI_PASSWORD');
    expect(x.args.join(' ')).not.toContain(sm.bmc.password);
    expect(x.cmdline).not.toContain(sm.bmc.password); // the process as `ps` shows it
  }
  // read while ipmitool ran: the password is in its environment (-E), nowhere else
  expect(spawned.some((x) => x.environ.includes(`IPMI_PASSWORD=${sm.bmc.password}`))).toBe(true);
});

test('a wrong password or user is auth; a server the chassis lacks is named, not retried; nothing changes', { timeout: 60_000 }, async () => {
  const sm = await chassis();
  const { s, spawned } = service();
  const wrongPass = 'not-the-Chassis-pw';
  const e1 = await s.on(target(sm, { power_pass: wrongPass })).catch((x: unknown) => x);
  expect(e1).toMatchObject({ kind: 'auth', message: expect.stringContaining('the SeaMicro chassis refused the user name or password') });
  const e2 = await s.on(target(sm, { power_user: 'nobody' })).catch((x: unknown) => x);
  expect(e2).toMatchObject({ kind: 'auth' });
  const before = spawned.length;
  const e3 = await s.on(target(sm, { system_id: '9' })).catch((x: unknown) => x);
  expect(e3).toMatchObject({ kind: 'bad-parameters', message: expect.stringMatching(/^the SeaMicro chassis has no server 9 \(completion code 0xC9, parameter out of range\): check system_id/) });
  expect(spawned.length - before).toBe(1); // final at once: another try cannot add a server
  // the chassis's own refusal follows, ipmitool's -v chatter does not
  expect((e3 as Error).message).toContain('rsp=0xc9): Parameter out of range');
  expect((e3 as Error).message).not.toMatch(/Loading IANA|Get VSO Capabilities|Invalid completion code/);
  for (const e of [e1, e2, e3]) {
    expect((e as Error).message).not.toContain(sm.bmc.password);
    expect((e as Error).message).not.toContain(wrongPass);
  }
  // a system_id beyond one byte never reaches ipmitool
  await expect(s.on(target(sm, { system_id: '300' }))).rejects.toMatchObject({ kind: 'bad-parameters', message: expect.stringContaining('0-255') });
  expect(spawned.length - before).toBe(1);
  expect(await sm.commands()).toEqual([]);
  expect(await powered(sm)).toEqual([]);
});

test('the peer answers only the command MAAS sent, with the completion code for each fault', { timeout: 60_000 }, async () => {
  const sm = await chassis();
  const [host, port] = sm.bmc.address.split(':');
  const raw = async (...bytes: string[]) => {
    const r = await run('ipmitool', ['-I', 'lanplus', '-C', '3', '-H', host, '-p', port, '-U', sm.bmc.user, '-E', 'raw', ...bytes],
      { env: { ...process.env, IPMI_PASSWORD: sm.bmc.password } }).then((o) => `ok:${o.stdout.trim()}`, (e: { stderr: string }) => e.stderr);
    return /rsp=0x([0-9a-f]{2})/.exec(r)?.[1] ?? r;
  };
  expect(await raw('0x2E', '1', '0x00', '0x7d', '0xab', '1', '0', '3')).toBe('ok:00 7d ab'); // the IANA echoed, as IPMI OEM replies do
  expect(await raw('0x2E', '1', '0x00', '0x7d', '0xab', '6', '0', '3')).toBe('ok:00 7d ab'); // MAAS's later "off"
  expect(await raw('0x2E', '1', '0x00', '0x7d', '0xac', '1', '0', '3')).toBe('c1'); // another IANA
  expect(await raw('0x2E', '2', '0x00', '0x7d', '0xab', '1', '0', '3')).toBe('c1'); // another command
  expect(await raw('0x2E', '1', '0x00', '0x7d', '0xab', '1', '0')).toBe('c7'); // too short
  expect(await raw('0x2E', '1', '0x00', '0x7d', '0xab', '1', '0', '3', '0')).toBe('c7'); // too long
  expect(await raw('0x2E', '1', '0x00', '0x7d', '0xab', '2', '0', '3')).toBe('cc'); // a mode MAAS never sent
  expect(await raw('0x2E', '1', '0x00', '0x7d', '0xab', '1', '1', '3')).toBe('cc'); // the reserved byte
  expect(await raw('0x2E', '1', '0x00', '0x7d', '0xab', '1', '0', '8')).toBe('c9'); // ids are 0-7
  expect(await sm.commands()).toEqual(['1 3', '6 3']);
  expect(await powered(sm)).toEqual([]);
});
