#!/usr/bin/env node
// Before `npm test`: the Debian packages the suite uses (.ci/apt-packages.txt) are checked
// first, and any missing are named with the one command that installs them (what .ci/run
// does), instead of a failure deep inside a test. Where dpkg is not available it says it
// cannot check and lets the suite run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const list = process.env.MAAS_CONSOLE_APT_LIST ?? resolve(import.meta.dirname, '../.ci/apt-packages.txt');
const wanted = readFileSync(list, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

const probe = spawnSync('dpkg-query', ['--version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  console.warn('npm test: dpkg-query is not available, so the system packages cannot be checked; see .ci/apt-packages.txt.');
  process.exit(0);
}
const missing = wanted.filter((p) => {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
  return r.status !== 0 || !r.stdout.includes('install ok installed');
});
if (missing.length) {
  console.error(`npm test needs ${missing.length} Debian package(s) that are not installed: ${missing.join(' ')}`);
  console.error('Install them with:');
  console.error(`  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  process.exit(1);
}
