// ssh with a password and without the user's known_hosts, for every driver that runs ssh
// (directly: mscm; through libvirt: virsh-ssh.ts). The password is printed by an askpass
// helper from a 0600 file — never argv, never an environment variable; known_hosts is the
// power service's own (an unknown host key is accepted on first contact, as MAAS did with
// paramiko's AutoAddPolicy and pexpect; a changed one is refused). Without a password ssh
// runs in BatchMode (keys only).
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { PowerError } from '../types';

export interface SshFiles {
  withFile<R>(name: string, content: string, fn: (path: string) => Promise<R>): Promise<R>;
  /** The private directory whose known_hosts ssh keeps. */
  dir(): Promise<string>;
}

/** What an ssh process needs: its `-o` options and environment. */
export interface SshAuth {
  options: string[];
  env: Record<string, string>;
}

/** A string as one single-quoted shell word. */
export const shellWord = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const askpassScript = (passwordFile: string) => `#!/bin/sh
# ssh's askpass: prints the password, whatever ssh asked.
exec cat ${shellWord(passwordFile)}
`;

/** Runs `run` with the ssh options and environment for `password`; the files go afterwards. */
export async function withSshAuth<T>(files: SshFiles, password: string, run: (a: SshAuth) => Promise<T>): Promise<T> {
  if (/[\r\n]/.test(password)) throw new PowerError('bad-parameters', 'power parameter power_pass contains a line break');
  const options = ['-o', `UserKnownHostsFile=${join(await files.dir(), 'known_hosts')}`, '-o', 'StrictHostKeyChecking=accept-new', '-o', 'NumberOfPasswordPrompts=1'];
  if (!password) return run({ options: [...options, '-o', 'BatchMode=yes'], env: {} });
  return files.withFile('password', `${password}\n`, (passwordFile) =>
    files.withFile('askpass', askpassScript(passwordFile), async (askpass) => {
      await chmod(askpass, 0o700);
      return run({ options, env: { SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' } });
    }),
  );
}

/** ssh's own failures, classified; undefined when the text is not ssh's. */
export function sshFailure(text: string, where: string): PowerError | undefined {
  if (/Permission denied|Too many authentication failures/i.test(text)) return new PowerError('auth', `${where} refused the credentials`, text);
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i.test(text)) return new PowerError('auth', `the ssh host key of ${where} changed since it was first seen: not trusted`, text);
  if (/Connection timed out|Operation timed out/i.test(text)) return new PowerError('timeout', `${where} did not answer in time`, text);
  if (/Connection refused|No route to host|Could not resolve hostname|Name or service not known|Network is unreachable|Connection closed by remote host/i.test(text)) return new PowerError('unreachable', `cannot reach ${where}`, text);
  return undefined;
}
