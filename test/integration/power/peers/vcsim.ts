// vSphere's own simulator, vcsim, built from Debian's golang-github-vmware-govmomi-dev
// (GOPATH mode, offline) from ./vcsim/main.go. The binary is cached under the temp
// directory, keyed by the package version and the source, so the suite builds it once per
// machine (a few minutes on two busy cores), not on every run.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { requireTool } from './require-tool';

export interface Vcsim {
  /** host:port of the SDK (http). */
  address: string;
  vms: { name: string; uuid: string }[];
  stop(): Promise<void>;
}

const source = join(dirname(fileURLToPath(import.meta.url)), 'vcsim', 'main.go');
const gopath = '/usr/share/gocode';

/** Builds (or finds) the vcsim binary; returns its path. */
export function vcsimBinary(): string {
  requireTool('go', 'golang-go');
  if (!existsSync(join(gopath, 'src/github.com/vmware/govmomi/simulator'))) {
    throw new Error('govmomi sources are missing: apt-get install golang-github-vmware-govmomi-dev (listed in .ci/apt-packages.txt)');
  }
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'golang-github-vmware-govmomi-dev'], { encoding: 'utf8' }).trim();
  const key = createHash('sha256').update(version).update(readFileSync(source)).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), 'maas-console-vcsim');
  const bin = join(cache, `vcsim-${key}`);
  if (existsSync(bin)) return bin;
  mkdirSync(cache, { recursive: true });
  const partial = `${bin}.${process.pid}.partial`;
  execFileSync('go', ['build', '-o', partial, source], {
    env: { ...process.env, GOPATH: gopath, GO111MODULE: 'off', GOPROXY: 'off', GOFLAGS: '', GOCACHE: join(cache, 'gocache') },
    stdio: 'pipe',
    timeout: 15 * 60_000,
  });
  renameSync(partial, bin); // atomic: a concurrent build just replaces it with the same thing
  return bin;
}

export async function startVcsim(creds: { user: string; password: string }): Promise<Vcsim> {
  const child: ChildProcess = spawn(vcsimBinary(), [], { env: { ...process.env, VCSIM_USER: creds.user, VCSIM_PASSWORD: creds.password }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  let address = '';
  const vms: Vcsim['vms'] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vcsim did not start within 30 s')), 30_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`vcsim exited (${code})`)); });
    lines.on('line', (l) => {
      const vm = /^vm (\S+) (\S+)$/.exec(l);
      if (vm) vms.push({ name: vm[1], uuid: vm[2] });
      else if (l === 'ready') { clearTimeout(timer); resolve(); }
      else if (!address) address = new URL(l).host;
    });
  });
  return {
    address,
    vms,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
