// npm run bench [-- --only ID[,ID]] [-- --out FILE]: prints a table; --out writes the same
// table as Markdown with the machine and date (FILE.md, e.g. docs/BENCHMARKS.md) or JSON.
// The file is rewritten after every bench (and on a crash), so a bench that fails or a run
// that is stopped keeps every figure measured so far; a failure is a row naming the bench.
// Sizes default to the design's; for shorter runs (figures then name the sizes they used):
// XPATH_BENCH_SIZES, XPATH_BENCH_COLD_SIZES, XPATH_BENCH_LXML_NODES, XPATH_BENCH_SMALL_NODES,
// REGION_TAGS_BENCH_NODES, REGION_TAGS_LXML_NODES, TAGS_BENCH_NODES, FLEET_BENCH_PARTS,
// FLEET_PREVIEW_NODES, FLEET_GRID_NODES (each described in its bench's header).
// BENCH_LIMIT_MINUTES (default 30) bounds each bench: past it, a FAILED row and the next bench.
// Each bench runs in a process of its own (isolated.ts), so none measures what another left.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benches } from './index';
import { machine, markdown, textTable } from './report';
import { isolated, killChildren } from './isolated';
import { createRunner, type RunState } from './runner';

const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
const only = values.only?.split(',');
const unknown = only?.filter((id) => !benches.some((b) => b.id === id)) ?? [];
if (unknown.length) {
  process.stderr.write(`unknown bench id ${unknown.join(', ')}; known: ${benches.map((b) => b.id).join(', ')}\n`);
  process.exit(2);
}
const limitSeconds = Number(process.env.BENCH_LIMIT_MINUTES ?? 30) * 60;
const chosen = benches.filter((b) => !only || only.includes(b.id)).map((b) => isolated(b, limitSeconds));
const at = new Date().toISOString();

// Browser benches measure the renderer in out/web: built here when its sources changed, so
// a stale or half-built bundle is never what gets measured.
let bundleError: string | null = null;
if (chosen.some((b) => b.browser)) {
  const built = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../tools/build-web.mjs')], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) bundleError = `building the renderer (node tools/build-web.mjs) failed with status ${built.status}`;
}

const save = (s: RunState) => {
  if (!values.out) return;
  writeFileSync(values.out, values.out.endsWith('.md')
    ? markdown({ at, ...s })
    : JSON.stringify({ at, machine: machine(), results: s.rows, runs: s.runs, pending: s.pending }, null, 2));
};
const runner = createRunner(chosen, {
  saved: save,
  log: (line) => process.stderr.write(`${line}\n`),
  skip: (b) => (b.browser ? bundleError : null),
  limitSeconds,
});
const crash = (e: unknown) => {
  killChildren();
  process.stderr.write(`bench runner: ${e instanceof Error ? e.stack : String(e)}\n`);
  console.log(textTable(runner.crash(e).rows));
  process.exit(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
// Stopped by hand (Ctrl-C): the running bench's figures so far are written too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => crash(new Error(`stopped by ${signal}`)));

const { rows, runs } = await runner.run();
console.log(textTable(rows));
// A bench that left a worker or a server open must not keep the run from ending.
process.exit(runs.some((r) => r.failed) ? 1 : 0);
