// HP Moonshot iLO Chassis Manager (MSCM) through its SSH command line, as MAAS 1.8's mscm
// driver drove it: `show node power cXnY` ("Power State: On|Off"), `set node bootonce pxe
// cXnY` then `set node power on cXnY`, and `set node power off force cXnY`. MAAS logged in
// with paramiko; here Debian's ssh runs one command per login, the password reaching it
// through the askpass helper (ssh-auth.ts). MAAS powered a node that was on off first; the
// service never sends "on" to a node that is on.
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { addressKey, hostPort, joinHostPort, need, secret } from './params';
import { sshFailure, withSshAuth } from './ssh-auth';

const sshPort = 22;

function nodeId(params: Record<string, string>): string {
  const v = need(params, 'node_id', 'cartridge node');
  if (!/^c\d{1,2}n\d{1,2}$/.test(v)) throw new PowerError('bad-parameters', 'power parameter node_id must be cXnY (cartridge X, node Y), e.g. c1n1');
  return v;
}

async function cli(ctx: DriverContext, command: string): Promise<string> {
  const hp = hostPort(ctx.params);
  const user = need(ctx.params, 'power_user', 'MSCM CLI user');
  const where = `the MSCM at ${joinHostPort(hp)}`;
  return withSshAuth({ withFile: ctx.config.withFile, dir: ctx.config.scratchDir }, secret(ctx.params), async ({ options, env }) => {
    const out = await ctx.run({
      command: 'ssh', args: [...options, '-p', String(hp.port ?? sshPort), '-l', user, '-T', '--', hp.host, command],
      debianPackage: 'openssh-client', env, signal: ctx.signal, timeoutMs: ctx.timeoutMs,
    });
    // 255 is ssh's own failure; anything else is the CLI's.
    if (out.code === 255) throw sshFailure(out.stderr, where) ?? new PowerError('failed', `ssh to ${where} failed`, out.stderr);
    const error = /^\s*Error:.*$/im.exec(out.stdout)?.[0];
    if (error && /invalid node|no such node|not present|not found/i.test(error)) throw new PowerError('bad-parameters', `${where} has no node ${nodeId(ctx.params)}`, error);
    if (error && /privilege|not authorized|permission/i.test(error)) throw new PowerError('privilege', `${where} does not let ${user} run "${command}"`, error);
    if (error || out.code !== 0) throw new PowerError('failed', `${where} refused "${command}"`, `${out.stdout}\n${out.stderr}`);
    return out.stdout;
  });
}

export const mscmDriver: PowerDriver = {
  // One command at a time per chassis manager.
  bmcKey: (params) => `mscm:${addressKey(hostPort(params), sshPort)}`,
  async query(ctx) {
    const out = await cli(ctx, `show node power ${nodeId(ctx.params)}`);
    const state = /Power State:\s*(\S+)/i.exec(out)?.[1];
    if (state === 'On') return 'on';
    if (state === 'Off') return 'off';
    throw new PowerError('protocol', 'the MSCM reported a power state that is neither On nor Off', state ?? out);
  },
  async on(ctx) {
    const node = nodeId(ctx.params);
    await cli(ctx, `set node bootonce pxe ${node}`); // netboot once, as MAAS set it
    await cli(ctx, `set node power on ${node}`);
  },
  off: async (ctx) => { await cli(ctx, `set node power off force ${nodeId(ctx.params)}`); },
};
