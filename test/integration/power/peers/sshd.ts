// A private OpenSSH server (Debian openssh-server) on a loopback port, with a user created
// for the test that logs in by password only, removed again on stop. The user's session is
// forced into a pipe to a private libvirtd's socket — what virt-ssh-helper does on a
// hypervisor — so qemu+ssh / test+ssh URIs reach that daemon, or into a given command (a
// device's CLI). Needs root (useradd).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort } from './free-port';
import { requireTool } from './require-tool';

export interface Sshd {
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

// Pipes the ssh session's stdin/stdout to libvirtd's UNIX socket.
const proxy = (socket: string) => `#!/usr/bin/python3
import os, socket, threading
s = socket.socket(socket.AF_UNIX)
s.connect(${JSON.stringify(socket)})
def up():
    while True:
        d = os.read(0, 65536)
        if not d:
            s.shutdown(socket.SHUT_WR)
            return
        s.sendall(d)
threading.Thread(target=up, daemon=True).start()
while True:
    d = s.recv(65536)
    if not d:
        break
    while d:
        d = d[os.write(1, d):]
`;

function sh(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

/**
 * `libvirtSocket`: sessions are piped to that libvirtd socket. `command`: sessions run this
 * script instead (it sees the client's command in SSH_ORIGINAL_COMMAND).
 */
export async function startSshd(opts: { password: string; libvirtSocket?: string; command?: string }): Promise<Sshd> {
  requireTool('sshd', 'openssh-server');
  requireTool('useradd', 'passwd');
  if (process.getuid?.() !== 0) throw new Error('the private sshd peer creates a user: run the test as root (CI does)');
  const dir = await mkdtemp(join(tmpdir(), 'sshd-'));
  await chmod(dir, 0o755);
  const port = await freeTcpPort();
  const user = `maaspw${randomBytes(3).toString('hex')}`;
  sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  const forced = join(dir, 'forced-command');
  await writeFile(forced, opts.command ?? proxy(opts.libvirtSocket ?? ''), { mode: 0o755 });
  await chmod(forced, 0o755);
  await mkdir('/run/sshd', { recursive: true }); // privilege separation directory
  await writeFile(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(dir, 'host_key')}`, `PidFile ${join(dir, 'sshd.pid')}`,
      'PasswordAuthentication yes', 'KbdInteractiveAuthentication no', 'PubkeyAuthentication no', 'UsePAM no',
      'AuthorizedKeysFile none', 'PermitRootLogin no', `AllowUsers ${user}`, `ForceCommand ${forced}`,
      'StrictModes no', 'MaxAuthTries 3', '',
    ].join('\n'),
  );
  sh('useradd', ['--no-create-home', '--home-dir', dir, '--shell', '/bin/sh', user]);
  let child: ChildProcess | undefined;
  try {
    sh('chpasswd', [], `${user}:${opts.password}\n`);
    child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: 'ignore' });
    await waitForListen(port, child);
  } catch (e) {
    child?.kill('SIGKILL');
    spawnSync('userdel', ['--force', user]);
    throw e;
  }
  const running = child;
  return {
    port, user, password: opts.password,
    async stop() {
      if (running.exitCode === null && running.signalCode === null) {
        running.kill('SIGTERM');
        await new Promise((r) => running.once('exit', r));
      }
      spawnSync('userdel', ['--force', user]); // --force: a session may still be closing
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForListen(port: number, child: ChildProcess) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`sshd exited (${child.exitCode})`);
    const ok = await new Promise<boolean>((r) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); r(true); });
      s.once('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sshd did not listen within 10 s');
}
