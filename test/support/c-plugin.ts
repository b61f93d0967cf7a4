// Builds a C shared object (a plugin for a Debian daemon, e.g. an ipmi_sim module) with gcc
// against the headers of a Debian -dev package, cached under the temp directory by the
// source, the package version and the compiler version, so a suite builds it once per machine.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from '../integration/power/peers/require-tool';

export function cPlugin(o: { name: string; source: string; debianPackage: string; header: string }): string {
  requireTool('gcc', 'gcc');
  if (!existsSync(o.header)) throw new Error(`${o.header} is missing: apt-get install ${o.debianPackage} (listed in .ci/apt-packages.txt)`);
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', o.debianPackage], { encoding: 'utf8' }).trim();
  const gcc = execFileSync('gcc', ['-dumpfullversion'], { encoding: 'utf8' }).trim();
  const key = createHash('sha256').update(`${version}\n${gcc}\n`).update(readFileSync(o.source)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `maas-console-${o.name}`);
  const lib = join(dir, `${o.name}-${key}.so`);
  if (existsSync(lib)) return lib;
  mkdirSync(dir, { recursive: true });
  const partial = `${lib}.${process.pid}.partial`;
  // Undefined symbols are left to the host program (ipmi_sim exports its MC emulator).
  execFileSync('gcc', ['-Wall', '-Wextra', '-O2', '-shared', '-fPIC', '-o', partial, o.source], { stdio: 'pipe', timeout: 120_000 });
  renameSync(partial, lib); // atomic: a concurrent build just replaces it with the same thing
  return lib;
}
