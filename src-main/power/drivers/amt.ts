// Intel AMT (before v9, the SOAP EOI interface) through amttool from Debian's amtterm, as
// MAAS 1.x's amt template did: `amttool HOST info` (its "Powerstate: S0" line is on; any
// S1–S5/Off is off) and `amttool HOST powerup|powerdown|powercycle`, confirmed with "yes"
// on stdin. amttool reads the password from AMT_PASSWORD (its own documented way), and its
// user is always "admin". AMT 9+ (WS-Management) is not driven yet.
import type { DriverContext, PowerDriver } from '../driver';
import { lastLines } from '../run-tool';
import { PowerError } from '../types';
import { addressOrMacKey, withArpAddress } from './arp';
import { hostPort, joinHostPort, secret } from './params';

const amtPort = 16992;

async function amttool(ctx: DriverContext, command: 'info' | 'powerup' | 'powerdown' | 'powercycle'): Promise<string> {
  const hp = hostPort(await withArpAddress(ctx));
  const out = await ctx.run({
    command: 'amttool', args: [joinHostPort({ host: hp.host, port: hp.port ?? amtPort }), command], debianPackage: 'amtterm (with libsoap-lite-perl)',
    env: { AMT_PASSWORD: secret(ctx.params) }, stdin: 'yes\n', signal: ctx.signal, timeoutMs: ctx.timeoutMs,
  });
  const text = `${out.stdout}\n${out.stderr}`;
  if (/Can't locate SOAP\/Lite/i.test(text)) throw new PowerError('tool-missing', 'amttool needs SOAP::Lite: install the Debian package libsoap-lite-perl');
  if (/\b401\b|Unauthorized/i.test(text)) throw new PowerError('auth', 'the AMT firmware refused the password');
  if (/Can't connect|Connection refused|timed out|No route|Name or service/i.test(text)) throw new PowerError('unreachable', `no answer from AMT at ${joinHostPort(hp)}`);
  if (out.code !== 0) throw new PowerError('failed', `amttool ${command} failed: ${lastLines(text)}`);
  if (command !== 'info') {
    const status = /result: (.*)/.exec(out.stdout)?.[1] ?? 'no result';
    if (status !== 'pt_status: success') throw new PowerError('failed', `AMT refused ${command}: ${status}`);
  }
  return out.stdout;
}

export const amtDriver: PowerDriver = {
  bmcKey: (params) => addressOrMacKey('amt', params, amtPort),
  async query(ctx) {
    const m = /^Powerstate:\s+(\S+)/m.exec(await amttool(ctx, 'info'));
    if (!m) throw new PowerError('failed', 'amttool did not report a power state');
    return m[1] === 'S0' ? 'on' : 'off';
  },
  on: async (ctx) => { await amttool(ctx, 'powerup'); },
  off: async (ctx) => { await amttool(ctx, 'powerdown'); },
  cycle: async (ctx) => { await amttool(ctx, 'powercycle'); },
};
