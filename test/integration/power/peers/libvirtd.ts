// A private libvirtd (Debian libvirt-daemon) serving only libvirt's built-in test driver:
// no driver modules (LIBVIRT_DRIVER_DIR points at an empty directory), its sockets in a
// temporary directory, optionally listening on loopback TCP with SASL passwords. The test
// driver's default host keeps its state only while a connection holds it open, so a
// holder connection stays open for the peer's life: on/off made by one virsh run is seen by
// the next, as on a real hypervisor.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from './require-tool';

export interface Libvirtd {
  /** The read-write UNIX socket (mode 0777, in a world-searchable directory). */
  socket: string;
  /** With `sasl`: the loopback TCP port (auth_tcp = sasl). */
  tcpPort?: number;
  /** State of a domain of test:///default as the daemon sees it. */
  domstate(domain: string): string;
  stop(): Promise<void>;
}

export async function startLibvirtd(opts: { sasl?: { port: number; user: string; password: string } } = {}): Promise<Libvirtd> {
  requireTool('libvirtd', 'libvirt-daemon');
  requireTool('virsh', 'libvirt-clients');
  const dir = await mkdtemp(join(tmpdir(), 'libvirtd-'));
  await chmod(dir, 0o755);
  const run = join(dir, 'run');
  await mkdir(run, { mode: 0o755 });
  await chmod(run, 0o755);
  await mkdir(join(dir, 'no-drivers'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin:/usr/sbin:/sbin',
    HOME: dir, XDG_RUNTIME_DIR: run, XDG_CONFIG_HOME: dir, XDG_CACHE_HOME: dir,
    LIBVIRT_DRIVER_DIR: join(dir, 'no-drivers'),
  };
  const conf = [
    'listen_tls = 0',
    `listen_tcp = ${opts.sasl ? 1 : 0}`,
    ...(opts.sasl ? [`tcp_port = "${opts.sasl.port}"`, 'listen_addr = "127.0.0.1"', 'auth_tcp = "sasl"'] : []),
    `unix_sock_dir = "${run}"`,
    'unix_sock_rw_perms = "0777"',
    'auth_unix_rw = "none"',
    'auth_unix_ro = "none"',
  ];
  if (opts.sasl) {
    requireTool('saslpasswd2', 'sasl2-bin');
    // Cyrus SASL reads libvirt.conf from SASL_CONF_PATH: a private password database.
    const sasldb = join(dir, 'passwd.db');
    await writeFile(join(dir, 'libvirt.conf'), `mech_list: scram-sha-256 digest-md5\nsasldb_path: ${sasldb}\n`);
    const r = spawnSync('saslpasswd2', ['-p', '-a', 'libvirt', '-f', sasldb, '-c', opts.sasl.user], { input: opts.sasl.password });
    if (r.status !== 0) throw new Error(`saslpasswd2 failed: ${r.stderr}`);
    env.SASL_CONF_PATH = dir;
  }
  await writeFile(join(dir, 'libvirtd.conf'), `${conf.join('\n')}\n`);
  const daemon: ChildProcess = spawn('libvirtd', ['--listen', '-f', join(dir, 'libvirtd.conf'), '-p', join(dir, 'libvirtd.pid')].filter((a) => opts.sasl || a !== '--listen'), { env, stdio: 'ignore' });
  const socket = join(run, 'libvirt-sock');
  const local = `test+unix:///default?socket=${socket}`;
  for (let i = 0; ; i++) {
    if (await stat(socket).then(() => true, () => false)) break;
    if (daemon.exitCode !== null || i > 100) throw new Error('the private libvirtd did not create its socket within 10 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const holder: ChildProcess = spawn('virsh', ['-c', local, 'event', '--all', '--loop'], { env, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  const kill = async (c: ChildProcess) => {
    if (c.exitCode !== null || c.signalCode !== null) return;
    c.kill('SIGTERM');
    await new Promise((r) => c.once('exit', r));
  };
  return {
    socket,
    tcpPort: opts.sasl?.port,
    domstate: (domain) => spawnSync('virsh', ['-q', '-c', local, 'domstate', domain], { env, encoding: 'utf8' }).stdout.trim(),
    async stop() {
      await kill(holder);
      await kill(daemon);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
