// npm run bench [-- --only ID[,ID]] [-- --out FILE]: prints a table; --out writes the same
// table as Markdown with the machine and date (FILE.md, e.g. docs/BENCHMARKS.md) or JSON.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benches } from './index';
import type { Figure } from './types';

const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
const only = values.only?.split(',');
const results: (Figure & { bench: string })[] = [];

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));

for (const b of benches.filter((b) => !only || only.includes(b.id))) {
  process.stderr.write(`bench ${b.id}…\n`);
  try {
    for (const f of await b.run()) results.push({ bench: b.id, ...f });
  } catch (e) {
    results.push({ bench: b.id, name: `FAILED: ${(e as Error).message}`, value: NaN, unit: '' });
  }
}

// A time or a size is better lower; a rate (nodes/s) is better higher.
const speedup = (r: Figure) => (/\/s$/.test(r.unit) ? r.value / r.reference!.value : r.reference!.value / r.value);
const rows = results.map((r) => [
  r.bench, r.name, `${fmt(r.value)} ${r.unit}`,
  r.reference ? `${r.reference.name}: ${fmt(r.reference.value)} ${r.reference.unit}` : '',
  r.reference && r.reference.unit === r.unit && r.value > 0 && r.reference.value > 0
    ? speedup(r) >= 1 ? `${fmt(speedup(r))}× faster` : `${fmt(1 / speedup(r))}× slower`
    : '',
  r.target ?? '',
  r.notes ?? '',
]);
const head = ['bench', 'figure', 'value', 'reference (same run)', 'ratio', 'target', 'notes'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
const at = new Date().toISOString();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const markdown = () => [
  '# Benchmarks', '',
  `Written by \`npm run bench -- --out docs/BENCHMARKS.md\` on ${at.slice(0, 10)}, on ${machine}.`,
  'Every figure is measured in that run; a reference named beside a figure was measured in the same run.',
  'Targets: the performance table of the design documents; figures are never asserted in tests.', '',
  `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`), '',
].join('\n');
if (values.out) {
  writeFileSync(values.out, values.out.endsWith('.md') ? markdown() : JSON.stringify({ at, machine, results }, null, 2));
}
