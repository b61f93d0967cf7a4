// Intel AMT, as MAAS's amt driver did: firmware 9 and later through WS-Management
// (wsman.ts), older firmware through the SOAP EOI interface with amttool from Debian's
// amtterm — `amttool HOST info` ("Powerstate: S0" is on) and `powerup|powerdown|
// powercycle` confirmed with "yes" on stdin. Which one is decided per call by WS-Identify
// (ProductVersion "AMT N", N > 8), as MAAS did with `wsman identify`. The password goes to
// amttool through AMT_PASSWORD (its documented way) and to WS-Man through HTTP Digest;
// the AMT user is always "admin".
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { addressOrMacKey, withArpAddress } from './arp';
import { hostPort, joinHostPort, secret, type HostPort } from './params';
import { amtMajorVersion, cimPower, wsmanPowerState, wsmanRequestPower, type WsmanTarget } from './wsman';

const amtPort = 16992;

async function amttool(ctx: DriverContext, hp: HostPort, command: 'info' | 'powerup' | 'powerdown' | 'powercycle'): Promise<string> {
  const out = await ctx.run({
    command: 'amttool', args: [joinHostPort({ host: hp.host, port: hp.port ?? amtPort }), command], debianPackage: 'amtterm (with libsoap-lite-perl)',
    env: { AMT_PASSWORD: secret(ctx.params) }, stdin: 'yes\n', signal: ctx.signal, timeoutMs: ctx.timeoutMs,
  });
  const text = `${out.stdout}\n${out.stderr}`;
  if (/Can't locate SOAP\/Lite/i.test(text)) throw new PowerError('tool-missing', 'amttool needs SOAP::Lite: install the Debian package libsoap-lite-perl');
  if (/\b401\b|Unauthorized/i.test(text)) throw new PowerError('auth', 'the AMT firmware refused the password', text);
  if (/Can't connect|Connection refused|timed out|No route|Name or service/i.test(text)) throw new PowerError('unreachable', `no answer from AMT at ${joinHostPort(hp)}`, text);
  if (out.code !== 0) throw new PowerError('failed', `amttool ${command} failed`, text);
  if (command !== 'info') {
    const status = /result: (.*)/.exec(out.stdout)?.[1] ?? 'no result';
    if (status !== 'pt_status: success') throw new PowerError('failed', `AMT refused ${command}`, status);
  }
  return out.stdout;
}

/** The firmware's interface: WS-Man for AMT 9+, else the SOAP EOI (amttool). */
async function connect(ctx: DriverContext): Promise<{ hp: HostPort; wsman?: WsmanTarget }> {
  const hp = hostPort(await withArpAddress(ctx));
  const t: WsmanTarget = { address: hp, user: 'admin', password: secret(ctx.params) };
  const major = await amtMajorVersion(ctx, t);
  return major !== undefined && major > 8 ? { hp, wsman: t } : { hp };
}

// DSP1027 PowerState: 2 on; 3/4 sleep, 6/8 off (hard/soft), 7 hibernate, 12/13 off.
const offStates = new Set([3, 4, 6, 7, 8, 9, 12, 13]);

export const amtDriver: PowerDriver = {
  bmcKey: (params) => addressOrMacKey('amt', params, amtPort),
  async query(ctx) {
    const c = await connect(ctx);
    if (c.wsman) {
      const s = await wsmanPowerState(ctx, c.wsman);
      if (s === cimPower.on) return 'on';
      if (offStates.has(s)) return 'off';
      throw new PowerError('protocol', `AMT reported an unknown PowerState ${s}`);
    }
    const m = /^Powerstate:\s+(\S+)/m.exec(await amttool(ctx, c.hp, 'info'));
    if (!m) throw new PowerError('protocol', 'amttool did not report a power state');
    return m[1] === 'S0' ? 'on' : 'off';
  },
  async on(ctx) {
    const c = await connect(ctx);
    if (c.wsman) await wsmanRequestPower(ctx, c.wsman, cimPower.on);
    else await amttool(ctx, c.hp, 'powerup');
  },
  async off(ctx) {
    const c = await connect(ctx);
    if (c.wsman) await wsmanRequestPower(ctx, c.wsman, cimPower.offSoft);
    else await amttool(ctx, c.hp, 'powerdown');
  },
  async cycle(ctx) {
    const c = await connect(ctx);
    if (c.wsman) await wsmanRequestPower(ctx, c.wsman, 5); // Power Cycle (Off Soft)
    else await amttool(ctx, c.hp, 'powercycle');
  },
};
