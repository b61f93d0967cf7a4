// Sentry (Server Technology) switched CDUs through Debian's fence_cdu, which logs in over
// telnet. MAAS passed `-p PASSWORD` on the command line; fence agents also read their
// options as "key=value" lines on stdin when given no arguments, so everything, the password
// included, goes there. power_id is the outlet's name as the CDU lists it.
import { connect } from 'node:net';
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { addressKey, hostPort, need, secret } from './params';

const telnetPort = 23;

/**
 * fence_cdu's own failure says "Unable to connect/login" for a refused connection, a device
 * that never prompts and a wrong password alike. Tell them apart first: connect, and wait
 * for the CDU's login prompt, as fence_cdu itself would.
 */
function probe(host: string, port: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host, port });
    let connected = false;
    let seen = '';
    const done = (e?: PowerError) => { clearTimeout(timer); sock.destroy(); if (e) reject(e); else resolve(); };
    const timer = setTimeout(() => done(connected
      ? new PowerError('timeout', `the CDU at ${host}:${port} accepted the connection but did not prompt for a login within ${ms / 1000} s`)
      : new PowerError('unreachable', `no answer from the CDU at ${host}:${port}`)), ms);
    sock.once('connect', () => { connected = true; });
    sock.on('data', (d: Buffer) => {
      seen = (seen + d.toString('latin1')).slice(-4096);
      if (loginPrompt.test(seen)) done();
    });
    sock.once('error', (e: NodeJS.ErrnoException) => done(new PowerError('unreachable', `cannot reach the CDU at ${host}:${port}`, e.code ?? e.message)));
    sock.once('close', () => done(new PowerError('protocol', `the CDU at ${host}:${port} closed the connection without prompting for a login`)));
  });
}

// What fence_cdu waits for first (its login_re: "Username:" / "Login:" / "login:").
const loginPrompt = /(user ?name|login)\s*:/i;

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
  // Half the time limit at most: the rest is for fence_cdu itself.
  await probe(hp.host, port, Math.min(5000, ctx.timeoutMs / 2));
  const out = await ctx.run({
    command: 'fence_cdu', args: [], debianPackage: 'fence-agents (and telnet)',
    stdin: Object.entries(options).map(([k, v]) => `${k}=${v}\n`).join(''),
    signal: ctx.signal, timeoutMs: ctx.timeoutMs,
  });
  if (out.code === 0 || (action === 'status' && out.code === 2)) return out.code;
  const text = `${out.stdout}\n${out.stderr}`;
  if (/telnet.*(No such file|not found)/i.test(text)) throw new PowerError('tool-missing', 'fence_cdu needs /usr/bin/telnet: install the Debian package telnet');
  if (/plug is not available|plug status/i.test(text)) throw new PowerError('bad-parameters', `the CDU has no outlet named ${options.plug}`);
  // The CDU prompted (probe above), so a failed login is the credentials.
  if (/Unable to connect\/login|Login denied|password/i.test(text)) throw new PowerError('auth', 'the CDU prompted for a login and refused the user name or password', text);
  if (/timed out|Connection (refused|lost)/i.test(text)) throw new PowerError('unreachable', `the CDU at ${hp.host}:${port} stopped answering`, text);
  throw new PowerError('failed', `fence_cdu ${action} failed`, text);
}

export const fenceCduDriver: PowerDriver = {
  bmcKey: (params) => `cdu:${addressKey(hostPort(params), telnetPort)}`,
  // fence agents answer status with exit code 0 (on) or 2 (off).
  query: async (ctx) => ((await fenceCdu(ctx, 'status')) === 0 ? 'on' : 'off'),
  on: async (ctx) => { await fenceCdu(ctx, 'on'); },
  off: async (ctx) => { await fenceCdu(ctx, 'off'); },
};
