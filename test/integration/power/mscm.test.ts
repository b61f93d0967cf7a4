// mscm: Debian's ssh to an emulated Moonshot iLO Chassis Manager CLI behind a private sshd
// (password user created for the test), with the commands MAAS 1.8 sent.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startMscmCli, type MscmCli } from './peers/mscm-cli';
import { freeTcpPort } from './peers/free-port';

let cm: MscmCli;
beforeAll(async () => { cm = await startMscmCli('mscm-Pa55', ['c1n1', 'c2n1']); });
afterAll(() => cm?.stop());

const target = (extra: Record<string, string> = {}): PowerTarget => ({
  systemId: 'c2n1', hostname: 'c2n1', powerType: 'mscm',
  params: { power_address: `127.0.0.1:${cm.port}`, power_user: cm.user, power_pass: cm.password, node_id: 'c2n1', ...extra },
});

test('query, on (boot once PXE, then on) and off force; the password in no argv or environment', { timeout: 60_000 }, async () => {
  const seen: string[] = [];
  const s = createPowerService({ waitingPolicyMs: [50, 100, 200], spawnObserver: ({ pid, args }) => seen.push(args.join(' '), pid ? readFileSync(`/proc/${pid}/environ`, 'utf8') : '') });
  onTestFinished(() => s.close());
  await expect(s.query(target())).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(target())).resolves.toMatchObject({ state: 'on', changed: true });
  expect(await cm.power('c2n1')).toBe('On');
  expect(await cm.power('c1n1')).toBe('Off');
  await expect(s.on(target())).resolves.toMatchObject({ state: 'on', changed: false });
  await expect(s.off(target())).resolves.toMatchObject({ state: 'off', changed: true });
  const sent = (await cm.commands()).filter((c) => c.startsWith('set'));
  expect(sent).toEqual(['set node bootonce pxe c2n1', 'set node power on c2n1', 'set node power off force c2n1']);
  expect(seen.join('\n')).not.toContain(cm.password);
});

test('wrong password is auth, an unknown node a parameter error, nothing listening unreachable', { timeout: 60_000 }, async () => {
  const s = createPowerService({ queryAttempts: 1 });
  onTestFinished(() => s.close());
  const e = await s.query(target({ power_pass: 'password' })).catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'auth', message: expect.stringMatching(/^the MSCM at 127\.0\.0\.1:\d+ refused the credentials/) });
  expect((e as Error).message).not.toContain('***');
  await expect(s.query(target({ node_id: 'c9n1' }))).rejects.toMatchObject({ kind: 'bad-parameters', message: expect.stringContaining('no node c9n1') });
  await expect(s.query(target({ node_id: 'c1n1; reboot' }))).rejects.toMatchObject({ kind: 'bad-parameters' });
  await expect(s.query(target({ power_address: `127.0.0.1:${await freeTcpPort()}` }))).rejects.toMatchObject({ kind: 'unreachable' });
});
