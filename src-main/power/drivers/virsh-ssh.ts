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
import { dirname } from 'node:path';
import { shellWord, withSshAuth, type SshAuth, type SshFiles } from './ssh-auth';

/** What the virsh process needs: extra environment, and a directory searched first on PATH. */
export interface VirshRunEnv {
  env: Record<string, string>;
  pathPrefix: string;
}

const sshWrapper = (auth: SshAuth) => `#!/bin/sh
# Run by libvirt as "ssh": the real ssh (found once this directory is off PATH), with our
# known_hosts and askpass.
own=$(dirname "$0"); PATH=\${PATH#"$own":}; export PATH
unset SSH_ASKPASS
${Object.entries(auth.env).map(([k, v]) => `${k}=${shellWord(v)}; export ${k}`).join('\n')}
exec ssh ${auth.options.map(shellWord).join(' ')} "$@"
`;

/**
 * Runs `run` with the environment that lets virsh reach `uri` with `password` (empty: key
 * or no authentication) without putting it in argv or the environment. Every file is
 * removed afterwards; known_hosts stays in `files.dir()`.
 */
export async function withVirshAuth<T>(files: SshFiles, uri: string, password: string, run: (e: VirshRunEnv) => Promise<T>): Promise<T> {
  const withSsh = (env: Record<string, string>) =>
    withSshAuth(files, password, (auth) =>
      files.withFile('ssh', sshWrapper(auth), async (wrapper) => {
        await chmod(wrapper, 0o700);
        return run({ env, pathPrefix: dirname(wrapper) });
      }));
  if (!password) return withSsh({});
  const user = /^[a-z0-9+]+:\/\/([^@/]+)@/i.exec(uri)?.[1] ?? '';
  const authFile = `[credentials-maas]\n${user ? `authname=${user}\n` : ''}password=${password}\n\n[auth-libvirt-default]\ncredentials=maas\n`;
  return files.withFile('libvirt-auth.conf', authFile, (authPath) => withSsh({ LIBVIRT_AUTH_FILE: authPath }));
}
