// Sentry (Server Technology) switched CDUs through Debian's fence_cdu, which logs in over
// telnet. MAAS passed `-p PASSWORD` on the command line; fence agents also read their
// options as "key=value" lines on stdin when given no arguments, so everything, the password
// included, goes there. power_id is the outlet's name as the CDU lists it.
import { connect } from 'node:net';
import type { DriverContext, PowerDriver } from '../driver';
import { lastLines } from '../run-tool';
import { PowerError } from '../types';
import { addressKey, hostPort, need, secret } from './params';

const telnetPort = 23;

/** fence_cdu's own failure says "Unable to connect/login" for both: tell them apart first. */
function probe(host: string, port: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host, port, timeout: ms });
    sock.once('connect', () => { sock.destroy(); resolve(); });
    sock.once('timeout', () => { sock.destroy(); reject(new PowerError('unreachable', `no answer from the CDU at ${host}:${port}`)); });
    sock.once('error', (e: NodeJS.ErrnoException) => reject(new PowerError('unreachable', `cannot reach the CDU at ${host}:${port} (${e.code ?? e.message})`)));
  });
}

async function fenceCdu(ctx: DriverContext, action: 'status' | 'on' | 'off' | 'reboot'): Promise<number> {
  const hp = hostPort(ctx.params);
  const port = hp.port ?? telnetPort;
  const options: Record<string, string> = {
    action,
    ip: hp.host,
    ipport: String(port),
    username: need(ctx.params, 'power_user', 'user'),
    password: secret(ctx.params),
    plug: need(ctx.params, 'power_id', 'outlet name'),
  };
  if (Object.values(options).some((v) => /[\r\n]/.test(v))) throw new PowerError('bad-parameters', 'fence_cdu parameters must not contain line breaks');
  await probe(hp.host, port, Math.min(5000, ctx.timeoutMs));
  const out = await ctx.run({
    command: 'fence_cdu', args: [], debianPackage: 'fence-agents (and telnet)',
    stdin: Object.entries(options).map(([k, v]) => `${k}=${v}\n`).join(''),
    signal: ctx.signal, timeoutMs: ctx.timeoutMs,
  });
  if (out.code === 0 || (action === 'status' && out.code === 2)) return out.code;
  const text = `${out.stdout}\n${out.stderr}`;
  if (/telnet.*(No such file|not found)/i.test(text)) throw new PowerError('tool-missing', 'fence_cdu needs /usr/bin/telnet: install the Debian package telnet');
  if (/plug is not available|plug status/i.test(text)) throw new PowerError('bad-parameters', `the CDU has no outlet named ${options.plug}`);
  if (/Unable to connect\/login|Login denied|password/i.test(text)) throw new PowerError('auth', 'the CDU refused the user name or password');
  if (/timed out|Connection (refused|lost)/i.test(text)) throw new PowerError('unreachable', `the CDU at ${hp.host}:${port} stopped answering`);
  throw new PowerError('failed', `fence_cdu ${action} failed: ${lastLines(text)}`);
}

export const fenceCduDriver: PowerDriver = {
  bmcKey: (params) => `cdu:${addressKey(hostPort(params), telnetPort)}`,
  // fence agents answer status with exit code 0 (on) or 2 (off).
  query: async (ctx) => ((await fenceCdu(ctx, 'status')) === 0 ? 'on' : 'off'),
  on: async (ctx) => { await fenceCdu(ctx, 'on'); },
  off: async (ctx) => { await fenceCdu(ctx, 'off'); },
};
