// virsh to a private libvirtd (test driver) over TCP with a SASL password — libvirt's own
// authentication, answered from the 0600 LIBVIRT_AUTH_FILE, never argv or the environment.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startLibvirtd, type Libvirtd } from './peers/libvirtd';
import { freeTcpPort } from './peers/free-port';

const sasl = { user: 'maasadmin', password: 'sasl-Pa55-word' };
let libvirtd: Libvirtd;
beforeAll(async () => {
  libvirtd = await startLibvirtd({ sasl: { port: await freeTcpPort(), ...sasl } });
});
afterAll(() => libvirtd?.stop());

const target = (password: string, user = sasl.user): PowerTarget => ({
  systemId: 'vm', hostname: 'vm', powerType: 'virsh',
  params: { power_address: `test+tcp://${user}@127.0.0.1:${libvirtd.tcpPort}/default`, power_id: 'test', power_pass: password },
});

test('query, off and on over tcp + SASL; the password in no argv or environment', { timeout: 60_000 }, async () => {
  const seen: string[] = [];
  const s = createPowerService({
    waitingPolicyMs: [100, 200, 400],
    spawnObserver: ({ pid, args }) => seen.push(args.join(' '), pid ? readFileSync(`/proc/${pid}/environ`, 'utf8') : ''),
  });
  onTestFinished(() => s.close());
  await expect(s.query(target(sasl.password))).resolves.toMatchObject({ state: 'on' });
  await expect(s.off(target(sasl.password))).resolves.toMatchObject({ state: 'off', changed: true });
  expect(libvirtd.domstate('test')).toBe('shut off');
  await expect(s.on(target(sasl.password))).resolves.toMatchObject({ state: 'on', changed: true });
  expect(libvirtd.domstate('test')).toBe('running');
  expect(seen.join('\n')).not.toContain(sasl.password);
});

test('a wrong SASL password is auth; nothing listening is unreachable', { timeout: 60_000 }, async () => {
  const s = createPowerService({ queryAttempts: 1 });
  onTestFinished(() => s.close());
  const e = await s.query(target('not-the-pw')).catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'auth', message: expect.stringContaining('refused the credentials') });
  expect((e as Error).message).not.toContain('not-the-pw');
  const port = await freeTcpPort();
  await expect(s.query({ ...target(sasl.password), params: { ...target(sasl.password).params, power_address: `test+tcp://${sasl.user}@127.0.0.1:${port}/default` } })).rejects.toMatchObject({ kind: 'unreachable' });
});
