// How virsh gets a password and an ssh that trusts only our own known_hosts.
//
// libvirt's ssh transport runs `ssh` from PATH with a reduced environment (it keeps
// SSH_ASKPASS and DISPLAY, drops the rest), and ssh reads ~/.ssh/known_hosts from the
// account's passwd entry, not from $HOME. So a password in an environment variable never
// reaches an askpass helper, and the user's real known_hosts gets written. Instead, an
// `ssh` wrapper placed first on PATH sets everything itself: the askpass helper (which reads
// the password from a 0600 file, nothing in argv or the environment), a private
// known_hosts (an unknown host key is accepted on first contact, as MAAS did, and kept only
// for the life of the power service), and one password prompt. libvirt's own SASL/TCP
// authentication reads the same password from a LIBVIRT_AUTH_FILE.
import { chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PowerError } from '../types';

export interface VirshFiles {
  withFile<R>(name: string, content: string, fn: (path: string) => Promise<R>): Promise<R>;
  /** The private directory whose known_hosts ssh keeps. */
  dir(): Promise<string>;
}

/** What the virsh process needs: extra environment, and a directory searched first on PATH. */
export interface VirshRunEnv {
  env: Record<string, string>;
  pathPrefix: string;
}

/** A string as one single-quoted shell word. */
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const askpassScript = (passwordFile: string) => `#!/bin/sh
# ssh's askpass: prints the password, whatever ssh asked.
exec cat ${sh(passwordFile)}
`;

const sshWrapper = (knownHosts: string, askpass: string | undefined) => `#!/bin/sh
# Run by libvirt as "ssh": the real ssh (found once this directory is off PATH), with our
# known_hosts and askpass.
own=$(dirname "$0"); PATH=\${PATH#"$own":}; export PATH
${askpass ? `SSH_ASKPASS=${sh(askpass)}; SSH_ASKPASS_REQUIRE=force; DISPLAY=:0; export SSH_ASKPASS SSH_ASKPASS_REQUIRE DISPLAY` : 'unset SSH_ASKPASS'}
exec ssh -o UserKnownHostsFile=${sh(knownHosts)} -o StrictHostKeyChecking=accept-new -o NumberOfPasswordPrompts=1 ${askpass ? '' : '-o BatchMode=yes '}"$@"
`;

/**
 * Runs `run` with the environment that lets virsh reach `uri` with `password` (empty: key
 * or no authentication) without putting it in argv or the environment. Every file is
 * removed afterwards; known_hosts stays in `files.dir()`.
 */
export async function withVirshAuth<T>(files: VirshFiles, uri: string, password: string, run: (e: VirshRunEnv) => Promise<T>): Promise<T> {
  if (/[\r\n]/.test(password)) throw new PowerError('bad-parameters', 'power parameter power_pass contains a line break');
  const knownHosts = join(await files.dir(), 'known_hosts');
  const withSsh = (askpass: string | undefined, env: Record<string, string>) =>
    files.withFile('ssh', sshWrapper(knownHosts, askpass), async (wrapper) => {
      await chmod(wrapper, 0o700);
      return run({ env, pathPrefix: dirname(wrapper) });
    });
  if (!password) return withSsh(undefined, {});
  const user = /^[a-z0-9+]+:\/\/([^@/]+)@/i.exec(uri)?.[1] ?? '';
  const authFile = `[credentials-maas]\n${user ? `authname=${user}\n` : ''}password=${password}\n\n[auth-libvirt-default]\ncredentials=maas\n`;
  return files.withFile('libvirt-auth.conf', authFile, (authPath) =>
    files.withFile('password', `${password}\n`, (passwordFile) =>
      files.withFile('askpass', askpassScript(passwordFile), async (askpass) => {
        await chmod(askpass, 0o700);
        return withSsh(askpass, { LIBVIRT_AUTH_FILE: authPath });
      }),
    ),
  );
}
