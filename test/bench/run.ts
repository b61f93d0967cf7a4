// npm run bench [-- --only ID[,ID]] [-- --out FILE]: prints a table; --out writes the same
// table as Markdown with the machine and date (FILE.md, e.g. docs/BENCHMARKS.md) or JSON.
// The file is rewritten after every bench (and on a crash), so a bench that fails or a run
// that is stopped keeps every figure measured so far; a failure is a row naming the bench.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benches } from './index';
import { loadNow, machine, markdown, textTable, type BenchRun, type Row } from './report';

const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
const only = values.only?.split(',');
const unknown = only?.filter((id) => !benches.some((b) => b.id === id)) ?? [];
if (unknown.length) {
  process.stderr.write(`unknown bench id ${unknown.join(', ')}; known: ${benches.map((b) => b.id).join(', ')}\n`);
  process.exit(2);
}
const chosen = benches.filter((b) => !only || only.includes(b.id));
// Browser benches measure the renderer in out/web: built here when its sources changed, so
// a stale or half-built bundle is never what gets measured.
let bundleError: string | null = null;
if (chosen.some((b) => b.browser)) {
  const built = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../tools/build-web.mjs')], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) bundleError = `building the renderer (node tools/build-web.mjs) failed with status ${built.status}`;
}
const rows: Row[] = [];
const runs: BenchRun[] = [];
const at = new Date().toISOString();
const clock = () => new Date().toISOString().slice(11, 19);

function save(pending: string[]): void {
  if (!values.out) return;
  writeFileSync(values.out, values.out.endsWith('.md')
    ? markdown({ at, rows, runs, pending })
    : JSON.stringify({ at, machine: machine(), results: rows, runs, pending }, null, 2));
}

const failure = (bench: string, e: unknown): Row => ({
  bench, name: `FAILED: ${bench}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, value: NaN, unit: '',
});

let current: { id: string; startedAt: string; started: number; load: number } | null = null;
const finish = (failed: boolean) => {
  if (!current) return;
  runs.push({ id: current.id, startedAt: current.startedAt, seconds: (performance.now() - current.started) / 1000, load: [current.load, loadNow()], failed });
  current = null;
};
// A crash outside the bench's own promise chain (a worker's unhandled error) still writes the file.
const crash = (e: unknown) => {
  process.stderr.write(`bench runner: ${e instanceof Error ? e.stack : String(e)}\n`);
  if (current) { rows.push(failure(current.id, e)); finish(true); }
  save(chosen.slice(runs.length).map((b) => b.id));
  process.exit(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

for (const [i, b] of chosen.entries()) {
  current = { id: b.id, startedAt: new Date().toISOString(), started: performance.now(), load: loadNow() };
  process.stderr.write(`bench ${b.id}… (${clock()}, load ${current.load.toFixed(2)})\n`);
  let failed = false;
  try {
    if (b.browser && bundleError) throw new Error(bundleError);
    const returned = await b.run((f) => {
      rows.push({ bench: b.id, ...f });
      process.stderr.write(`  ${b.id}: ${f.name}: ${f.value} ${f.unit}\n`);
    });
    for (const f of returned ?? []) rows.push({ bench: b.id, ...f });
  } catch (e) {
    failed = true;
    rows.push(failure(b.id, e));
    process.stderr.write(`bench ${b.id} failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  }
  finish(failed);
  process.stderr.write(`bench ${b.id} done in ${runs.at(-1)!.seconds.toFixed(0)} s (${clock()})\n`);
  save(chosen.slice(i + 1).map((x) => x.id));
}
console.log(textTable(rows));
// A bench that left a worker or a server open must not keep the run from ending.
process.exit(runs.some((r) => r.failed) ? 1 : 0);
