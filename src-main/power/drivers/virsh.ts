// libvirt domains through Debian's virsh: power_address is the connection URI
// (qemu+ssh://user@host/system, qemu+tcp://…, test:///default), power_id the domain.
// MAAS typed power_pass into an ssh prompt with pexpect. We hand it over without argv or
// environment (virsh-ssh.ts): an askpass helper reading a 0600 file for ssh transports, a
// LIBVIRT_AUTH_FILE for libvirt's own SASL/TCP authentication.
import type { DriverContext, PowerDriver } from '../driver';
import { PowerError } from '../types';
import { need, secret } from './params';
import { withVirshAuth } from './virsh-ssh';

const onStates = new Set(['running', 'idle', 'paused', 'in shutdown', 'blocked', 'pmsuspended']);
const offStates = new Set(['shut off', 'shutdown', 'crashed']);

function uri(params: Record<string, string>): string {
  const u = need(params, 'power_address', 'libvirt URI');
  const m = /^([a-z][a-z0-9+]*):\/\/([^/?#\s]*)/i.exec(u);
  if (!m) throw new PowerError('bad-parameters', 'power parameter power_address must be a libvirt URI such as qemu+ssh://user@host/system');
  if (m[2].includes('@') && m[2].slice(0, m[2].lastIndexOf('@')).includes(':')) throw new PowerError('bad-parameters', 'power parameter power_address must not hold a password: use power_pass');
  return u;
}

async function virsh(ctx: DriverContext, command: string): Promise<string> {
  const u = uri(ctx.params);
  const id = need(ctx.params, 'power_id', 'domain');
  return withVirshAuth({ withFile: ctx.config.withFile, dir: ctx.config.scratchDir }, u, secret(ctx.params), async ({ env, pathPrefix }) => {
    const out = await ctx.run({
      command: 'virsh', args: ['-q', '-c', u, command, '--domain', id], debianPackage: 'libvirt-clients',
      env, pathPrefix, signal: ctx.signal, timeoutMs: ctx.timeoutMs,
    });
    if (out.code === 0) return out.stdout.trim();
    const err = out.stderr;
    if (/already active|domain is not running/i.test(err)) return ''; // already where we wanted it
    throw virshFailure(err, u, `virsh ${command}`, id);
  });
}

/** A failed virsh run, classified from what virsh (and ssh under it) printed. */
export function virshFailure(err: string, u: string, what: string, domain?: string): PowerError {
  if (domain && /failed to get domain|Domain not found/i.test(err)) return new PowerError('bad-parameters', `there is no domain ${domain} at ${u}`, err);
  if (/authentication failed|Permission denied|auth.*(fail|cancel)|Too many authentication failures/i.test(err)) return new PowerError('auth', `the hypervisor at ${u} refused the credentials`, err);
  if (/access denied|operation forbidden|read only access/i.test(err)) return new PowerError('privilege', `the hypervisor at ${u} accepted the user but does not allow ${what}`, err);
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i.test(err)) return new PowerError('auth', `the ssh host key of ${u} changed since it was first seen: not trusted`, err);
  if (/timed out/i.test(err)) return new PowerError('timeout', `the hypervisor at ${u} did not answer in time`, err);
  if (/failed to connect|unable to connect|Connection refused|No route|Name or service|Could not resolve|Cannot recv|End of file while reading/i.test(err)) return new PowerError('unreachable', `cannot reach the hypervisor at ${u}`, err);
  return new PowerError('failed', `${what} failed`, err);
}

export const virshDriver: PowerDriver = {
  // One domain at a time; libvirt itself serialises per hypervisor as it needs to.
  bmcKey: (params) => `virsh:${uri(params)}#${need(params, 'power_id', 'domain')}`,
  async query(ctx) {
    const state = (await virsh(ctx, 'domstate')).split('\n')[0].trim();
    if (onStates.has(state)) return 'on';
    if (offStates.has(state)) return 'off';
    throw new PowerError('protocol', 'virsh reports a domain state that is neither running nor shut off', state);
  },
  on: async (ctx) => { await virsh(ctx, 'start'); },
  off: async (ctx) => { await virsh(ctx, 'destroy'); },
  // A hard reset of a running domain (the reset button), not a destroy + start.
  cycle: async (ctx) => { await virsh(ctx, 'reset'); },
  // ACPI shutdown request to the guest.
  softOff: async (ctx) => { await virsh(ctx, 'shutdown'); },
};
