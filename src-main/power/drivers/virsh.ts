// libvirt domains through Debian's virsh: power_address is the connection URI
// (qemu+ssh://user@host/system, qemu+tcp://…, test:///default), power_id the domain.
// MAAS typed power_pass into an ssh prompt with pexpect. We hand it over without argv:
// LIBVIRT_AUTH_FILE (a 0600 file) answers libvirt's own SASL/TCP authentication, and for
// ssh transports an SSH_ASKPASS helper reads it from the environment. Like MAAS, an unknown
// ssh host key is accepted on first contact.
import { chmod } from 'node:fs/promises';
import type { DriverContext, PowerDriver } from '../driver';
import { lastLines } from '../run-tool';
import { PowerError } from '../types';
import { need, secret } from './params';

const onStates = new Set(['running', 'idle', 'paused', 'in shutdown', 'blocked', 'pmsuspended']);
const offStates = new Set(['shut off', 'shutdown', 'crashed']);

function uri(params: Record<string, string>): string {
  const u = need(params, 'power_address', 'libvirt URI');
  const m = /^([a-z][a-z0-9+]*):\/\/([^/?#\s]*)/i.exec(u);
  if (!m) throw new PowerError('bad-parameters', 'power parameter power_address must be a libvirt URI such as qemu+ssh://user@host/system');
  if (m[2].includes('@') && m[2].slice(0, m[2].lastIndexOf('@')).includes(':')) throw new PowerError('bad-parameters', 'power parameter power_address must not hold a password: use power_pass');
  return u;
}

const askpass = `#!/bin/sh
# ssh asks for a password, or to confirm an unknown host key (answered yes, as MAAS did).
case "$1" in
  *'(yes/no'*) echo yes ;;
  *) printf '%s\\n' "$MAAS_POWER_VIRSH_PASS" ;;
esac
`;

async function virsh(ctx: DriverContext, command: string): Promise<string> {
  const u = uri(ctx.params);
  const id = need(ctx.params, 'power_id', 'domain');
  const password = secret(ctx.params);
  const run = async (env: Record<string, string>) => {
    const out = await ctx.run({
      command: 'virsh', args: ['-q', '-c', u, command, '--domain', id], debianPackage: 'libvirt-clients',
      env, signal: ctx.signal, timeoutMs: ctx.timeoutMs,
    });
    if (out.code === 0) return out.stdout.trim();
    const err = out.stderr;
    if (/already active|domain is not running/i.test(err)) return ''; // already where we wanted it
    if (/failed to get domain|Domain not found/i.test(err)) throw new PowerError('bad-parameters', `there is no domain ${id} at ${u}`);
    if (/authentication failed|Permission denied|auth.*(fail|cancel)/i.test(err)) throw new PowerError('auth', `the hypervisor refused the credentials (${lastLines(err, 1)})`);
    if (/failed to connect|unable to connect|Connection refused|No route|Name or service|Cannot recv|timed out/i.test(err)) throw new PowerError('unreachable', `cannot reach the hypervisor at ${u} (${lastLines(err, 1)})`);
    throw new PowerError('failed', `virsh ${command} failed: ${lastLines(err)}`);
  };
  if (!password) return run({});
  return withVirshPassword(ctx.config, u, password, run);
}

/**
 * Runs `run` with the environment that hands `password` to virsh without argv (a libvirt
 * auth file and an ssh askpass helper, both 0600/0700 files removed afterwards). Also used
 * by the region's probe_and_enlist_hardware (src-main/region/probe/).
 */
export function withVirshPassword<T>(
  files: { withFile<R>(name: string, content: string, fn: (path: string) => Promise<R>): Promise<R> },
  u: string, password: string, run: (env: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (/[\r\n]/.test(password)) throw new PowerError('bad-parameters', 'power parameter power_pass contains a line break');
  const user = /^[a-z0-9+]+:\/\/([^@/]+)@/i.exec(u)?.[1] ?? '';
  const authFile = `[credentials-maas]\n${user ? `authname=${user}\n` : ''}password=${password}\n\n[auth-libvirt-default]\ncredentials=maas\n`;
  return files.withFile('libvirt-auth.conf', authFile, (authPath) =>
    files.withFile('askpass.sh', askpass, async (askpassPath) => {
      await chmod(askpassPath, 0o700);
      return run({
        LIBVIRT_AUTH_FILE: authPath,
        SSH_ASKPASS: askpassPath,
        SSH_ASKPASS_REQUIRE: 'force',
        DISPLAY: ':0',
        MAAS_POWER_VIRSH_PASS: password,
      });
    }),
  );
}

export const virshDriver: PowerDriver = {
  // One domain at a time; libvirt itself serialises per hypervisor as it needs to.
  bmcKey: (params) => `virsh:${uri(params)}#${need(params, 'power_id', 'domain')}`,
  async query(ctx) {
    const state = (await virsh(ctx, 'domstate')).split('\n')[0].trim();
    if (onStates.has(state)) return 'on';
    if (offStates.has(state)) return 'off';
    throw new PowerError('failed', `virsh reports the domain as "${state}"`);
  },
  on: async (ctx) => { await virsh(ctx, 'start'); },
  off: async (ctx) => { await virsh(ctx, 'destroy'); },
  // A hard reset of a running domain (the reset button), not a destroy + start.
  cycle: async (ctx) => { await virsh(ctx, 'reset'); },
  // ACPI shutdown request to the guest.
  softOff: async (ctx) => { await virsh(ctx, 'shutdown'); },
};
