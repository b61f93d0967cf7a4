// Builds a Go program against Debian's Go sources (GOPATH mode, offline), cached under the
// temp directory by package version and source, so a suite builds it once per machine.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from '../integration/power/peers/require-tool';

const gopath = '/usr/share/gocode';

export function goBinary(o: { name: string; source: string; debianPackage: string; needs: string }): string {
  requireTool('go', 'golang-go');
  if (!existsSync(join(gopath, 'src', o.needs))) throw new Error(`${o.needs} is missing: apt-get install ${o.debianPackage}`);
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', o.debianPackage], { encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `maas-console-${o.name}`);
  const bin = join(dir, `${o.name}-${createHash('sha256').update(version).update(readFileSync(o.source)).digest('hex').slice(0, 16)}`);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const partial = `${bin}.${process.pid}.partial`;
  execFileSync('go', ['build', '-o', partial, o.source], {
    env: { ...process.env, GOPATH: gopath, GO111MODULE: 'off', GOPROXY: 'off', GOFLAGS: '', GOCACHE: join(dir, 'gocache') },
    stdio: 'pipe', timeout: 15 * 60_000,
  });
  renameSync(partial, bin);
  return bin;
}
