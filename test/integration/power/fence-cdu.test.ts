// fence_cdu (Debian fence-agents, over telnet) against an emulated Sentry CDU CLI.
import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { describe, expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startSentryCdu } from './peers/sentry-cdu';
import { freeTcpPort } from './peers/free-port';
import { requireTool } from './peers/require-tool';

const creds = { user: 'admn', password: 'cdu-Secr3t' };

describe('fence_cdu', { timeout: 60_000 }, () => {
  test('switches a named outlet on and off, options and password on stdin only', async () => {
    requireTool('fence_cdu', 'fence-agents');
    requireTool('telnet', 'telnet');
    const cdu = await startSentryCdu(creds, ['node-1', 'node-2']);
    onTestFinished(() => cdu.close());
    const seen: { args: string[]; cmdline: string }[] = [];
    const s = createPowerService({
      waitingPolicyMs: [50, 100, 200],
      spawnObserver: (i) => seen.push({ args: i.args, cmdline: readFileSync(`/proc/${i.pid}/cmdline`, 'utf8') }),
    });
    onTestFinished(() => s.close());
    const t: PowerTarget = { systemId: 'n2', hostname: 'n2', powerType: 'fence_cdu', params: { power_address: cdu.address, power_id: 'node-2', power_user: creds.user, power_pass: creds.password } };
    await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
    await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
    expect(cdu.outlets.get('node-2')?.on).toBe(true);
    expect(cdu.outlets.get('node-1')?.on).toBe(false);
    await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
    expect(cdu.commands).toEqual(expect.arrayContaining(['on .A2', 'off .A2']));
    expect(seen.every((x) => x.args.length === 0 && !x.cmdline.includes(creds.password))).toBe(true);
  });

  test('wrong password is auth, unknown outlet is a parameter error, nothing listening is unreachable', async () => {
    const cdu = await startSentryCdu(creds, ['node-1']);
    onTestFinished(() => cdu.close());
    const s = createPowerService({ queryAttempts: 1, timeoutMs: 30_000 });
    onTestFinished(() => s.close());
    const t: PowerTarget = { systemId: 'n1', hostname: 'n1', powerType: 'fence_cdu', params: { power_address: cdu.address, power_id: 'node-1', power_user: creds.user, power_pass: 'wrong-pass' } };
    const e = await s.query(t).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'auth' });
    expect(String((e as Error).message)).not.toContain('wrong-pass');
    await expect(s.query({ ...t, params: { ...t.params, power_pass: creds.password, power_id: 'node-9' } })).rejects.toMatchObject({ kind: 'bad-parameters' });
    const port = await freeTcpPort();
    await expect(s.query({ ...t, params: { ...t.params, power_address: `127.0.0.1:${port}` } })).rejects.toMatchObject({ kind: 'unreachable' });
  });

  test('a device that accepts the connection but never prompts is a timeout, not a wrong password', async () => {
    const held = new Set<Socket>();
    const silent = createServer((sock) => { held.add(sock); sock.on('error', () => undefined); });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    onTestFinished(() => new Promise<void>((r) => { for (const c of held) c.destroy(); silent.close(() => r()); }));
    const port = (silent.address() as { port: number }).port;
    const s = createPowerService({ queryAttempts: 1, timeoutMs: 3000 });
    onTestFinished(() => s.close());
    const t: PowerTarget = { systemId: 'n1', hostname: 'n1', powerType: 'fence_cdu', params: { power_address: `127.0.0.1:${port}`, power_id: 'node-1', power_user: creds.user, power_pass: creds.password } };
    await expect(s.query(t)).rejects.toMatchObject({ kind: 'timeout', message: expect.stringContaining('did not prompt for a login') });
  });
});
