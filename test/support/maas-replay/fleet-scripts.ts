// Commissioning and testing runs for the MAAS 3.x-shaped fleet (fleet.ts), as a 3.x server
// keeps them: MAAS's builtin commissioning scripts (names from
// src/metadataserver/builtin_scripts/), the default testing script per disk, and the outcomes a
// technician meets — a run still going, a failed memtester with its output, a failed
// smartctl-validate. Values and output texts are this project's.
import type { ReplayScriptResult, ReplayScriptSet } from './script-results';

const COMMISSIONING = ['maas-support-info', 'maas-lshw', 'maas-list-modaliases', 'maas-get-fruid-api-data', 'maas-serial-ports',
  'maas-capture-lldpd', 'maas-kernel-cmdline', '20-maas-01-install-lldpd', '20-maas-03-machine-resources', '30-maas-01-bmc-config',
  '40-maas-01-network-interfaces', '50-maas-01-commissioning'];

const MEMTESTER_FAIL = [
  'memtester version 4.5.1 (64-bit)',
  'Copyright (C) 2001-2020 Charles Cazabon.',
  'Licensed under the GNU General Public License version 2 (only).',
  '',
  'pagesize is 4096',
  'pagesizemask is 0xfffffffffffff000',
  'want 117760MB (123480309760 bytes)',
  'got  117760MB (123480309760 bytes), trying mlock ...locked.',
  'Loop 1/1:',
  '  Stuck Address       : ok',
  '  Random Value        : ok',
  '  Compare XOR         : FAILURE: 0x4c31a2f0e8d79b10 != 0x4c31a2f0e8d79b14 at offset 0x1b7f3a40.',
  '  Compare SUB         : ok',
  '',
  'Done.',
].join('\n');

const SMART_FAIL = [
  'INFO: Verifying SMART data on /dev/sdb...',
  'smartctl 7.2 2020-12-30 r5155 [x86_64-linux-5.15.0-91-generic] (local build)',
  '=== START OF READ SMART DATA SECTION ===',
  'SMART overall-health self-assessment test result: FAILED!',
  'Drive failure expected in less than 24 hours. SAVE ALL DATA.',
  'FAILURE: SMART overall-health self-assessment test result was not PASSED.',
].join('\n');

type Outcome = 'passed' | 'running' | 'failed-memtester' | 'failed-smart';

/** Runs for machine n (1-based, as fleet.ts numbers them) of a status; none for New machines. */
export function fleetScriptSets(n: number, status: number): ReplayScriptSet[] {
  if (status === 0) return [];
  const t0 = Date.UTC(2026, 10, 2, 9, 0, 0) + n * 3_600_000;
  let id = n * 1000;
  const result = (name: string, tags: string[], at: number, seconds: number, state: 'passed' | 'failed' | 'running' | 'pending', output: string): ReplayScriptResult => ({
    id: ++id, name, tags, status: { passed: 2, failed: 3, running: 1, pending: 0 }[state], exit_status: state === 'passed' ? 0 : state === 'failed' ? 1 : null,
    started: state === 'pending' ? null : new Date(t0 + at * 1000), ended: state === 'passed' || state === 'failed' ? new Date(t0 + (at + seconds) * 1000) : null,
    output,
  });
  const commissioningRunning = status === 1;
  const commissioning: ReplayScriptSet = {
    id: n * 10 + 1, type: 0,
    results: COMMISSIONING.map((name, i) => result(name, [], i * 6, 2 + (i * 7) % 11,
      commissioningRunning ? (i < 8 ? 'passed' : i === 8 ? 'running' : 'pending') : 'passed', `${name}: done\n`)),
  };
  if (commissioningRunning) return [commissioning];
  const outcome: Outcome = status === 21 ? 'running' : status === 22 ? 'failed-memtester' : status === 2 ? 'failed-smart' : 'passed';
  const tested = 90;
  const testing: ReplayScriptSet = {
    id: n * 10 + 2, type: 2,
    results: [
      result('smartctl-validate', ['storage', 'commissioning'], tested, 41, outcome === 'failed-smart' ? 'failed' : 'passed',
        outcome === 'failed-smart' ? SMART_FAIL : 'INFO: Verifying SMART data on /dev/sda...\nSUCCESS: SMART validation has PASSED for: /dev/sda\n'),
      result('memtester', ['memory'], tested + 45, 1374, outcome === 'failed-memtester' ? 'failed' : outcome === 'running' ? 'running' : 'passed',
        outcome === 'failed-memtester' ? MEMTESTER_FAIL : outcome === 'running' ? 'memtester version 4.5.1 (64-bit)\nLoop 1/1:\n' : 'memtester version 4.5.1 (64-bit)\nLoop 1/1:\n  Stuck Address       : ok\n\nDone.\n'),
      result('stress-ng-cpu-short', ['cpu'], tested + 1420, 301, outcome === 'running' ? 'pending' : 'passed', 'stress-ng: info: successful run completed in 300.02s\n'),
    ],
  };
  // An earlier testing run, older than the current one: only the newest is shown.
  const earlier: ReplayScriptSet = { id: n * 10, type: 2, results: [result('smartctl-validate', ['storage'], 0, 30, 'passed', 'old run\n')] };
  return [earlier, commissioning, testing];
}
