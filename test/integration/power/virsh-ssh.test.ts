// virsh over ssh with a password, as MAAS users set it up: a private Debian sshd on
// loopback with a password-only user, whose session reaches a private libvirtd (test
// driver). libvirt starts ssh with a reduced environment and ssh reads known_hosts from the
// passwd home, so this is where a password in the environment or a private $HOME fails.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { probeVirsh } from '../../../src-main/region/probe/virsh-probe';
import { startLibvirtd, type Libvirtd } from './peers/libvirtd';
import { startSshd, type Sshd } from './peers/sshd';
import { freeTcpPort } from './peers/free-port';

let libvirtd: Libvirtd;
let sshd: Sshd;
const realKnownHosts = join(homedir(), '.ssh', 'known_hosts');
const knownHostsBefore = () => readFile(realKnownHosts, 'utf8').catch(() => '(absent)');
let before: string;

beforeAll(async () => {
  before = await knownHostsBefore();
  libvirtd = await startLibvirtd();
  sshd = await startSshd({ password: 'ssh-Pa55-word', libvirtSocket: libvirtd.socket });
});
afterAll(async () => {
  await sshd?.stop();
  await libvirtd?.stop();
});

const target = (uri: string, password: string): PowerTarget => ({ systemId: 'vm', hostname: 'vm', powerType: 'virsh', params: { power_address: uri, power_id: 'test', power_pass: password } });

describe('virsh over ssh with a password', { timeout: 60_000 }, () => {
  test('test+ssh: query, off and on reach the remote libvirt, password in no argv or environment', async () => {
    const spawned: { args: string[]; env: string }[] = [];
    const s = createPowerService({
      waitingPolicyMs: [100, 200, 400],
      spawnObserver: ({ pid, args }) => spawned.push({ args, env: pid ? readFileSyncSafe(`/proc/${pid}/environ`) : '' }),
    });
    onTestFinished(() => s.close());
    const t = target(`test+ssh://${sshd.user}@127.0.0.1:${sshd.port}/default`, sshd.password);
    await expect(s.query(t)).resolves.toMatchObject({ state: 'on' });
    await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
    expect(libvirtd.domstate('test')).toBe('shut off');
    await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
    expect(libvirtd.domstate('test')).toBe('running');
    expect(spawned.length).toBeGreaterThan(3);
    for (const x of spawned) {
      expect(x.args.join(' ')).not.toContain(sshd.password);
      expect(x.env).not.toContain(sshd.password);
    }
    // ssh kept the host key in the service's private known_hosts, not the account's own.
    expect(await knownHostsBefore()).toBe(before);
  });

  test('qemu+ssh authenticates with the password and reaches the remote daemon', async () => {
    const s = createPowerService({ queryAttempts: 1 });
    onTestFinished(() => s.close());
    // The remote daemon has no QEMU driver: its refusal comes after ssh let us in.
    const e = await s.query(target(`qemu+ssh://${sshd.user}@127.0.0.1:${sshd.port}/system`, sshd.password)).catch((x: unknown) => x);
    expect(e).toMatchObject({ message: expect.stringMatching(/no connection driver available|qemu/i) });
    expect((e as { kind: string }).kind).not.toBe('auth');
  });

  test('a wrong password is auth, and says so without the password', async () => {
    const s = createPowerService({ queryAttempts: 1 });
    onTestFinished(() => s.close());
    const e = await s.query(target(`test+ssh://${sshd.user}@127.0.0.1:${sshd.port}/default`, 'not-the-pw')).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'auth', message: expect.stringContaining('refused the credentials') });
    expect((e as Error).message).not.toContain('not-the-pw');
  });

  test('nothing listening is unreachable', async () => {
    const s = createPowerService({ queryAttempts: 1 });
    onTestFinished(() => s.close());
    const port = await freeTcpPort();
    await expect(s.query(target(`test+ssh://${sshd.user}@127.0.0.1:${port}/default`, sshd.password))).rejects.toMatchObject({ kind: 'unreachable' });
  });

  test('probe_and_enlist_hardware lists the remote domains over the same path', async () => {
    const domains = await probeVirsh({ uri: `test+ssh://${sshd.user}@127.0.0.1:${sshd.port}/default`, password: sshd.password, prefix: '' });
    expect(domains.map((d) => d.name)).toEqual(['test']);
    expect(domains[0].macs.length).toBeGreaterThan(0);
    await expect(probeVirsh({ uri: `test+ssh://${sshd.user}@127.0.0.1:${sshd.port}/default`, password: 'wrong-pw', prefix: '' })).rejects.toThrow(/refused the credentials/);
    expect(await knownHostsBefore()).toBe(before);
  });
});

function readFileSyncSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
