// The bench runner's output: one table (console text or Markdown) of every figure, and a
// line per bench with its wall time and the machine's load around it.
import { cpus, loadavg, totalmem } from 'node:os';
import type { Figure } from './types';

export interface Row extends Figure { bench: string }

export interface BenchRun {
  id: string;
  startedAt: string;
  seconds: number;
  /** 1-min load average at the bench's start and end. */
  load: [number, number];
  failed: boolean;
}

export const loadNow = (): number => loadavg()[0];
export const machine = (): string =>
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));
// A time or a size is better lower; a rate (nodes/s) is better higher.
const speedup = (r: Figure) => (/\/s$/.test(r.unit) ? r.value / r.reference!.value : r.reference!.value / r.value);

export const HEAD = ['bench', 'figure', 'value', 'reference (same run)', 'ratio', 'target', 'notes'];

export function cells(r: Row): string[] {
  return [
    r.bench, r.name, Number.isNaN(r.value) ? '—' : `${fmt(r.value)} ${r.unit}`,
    r.reference ? `${r.reference.name}: ${fmt(r.reference.value)} ${r.reference.unit}` : '',
    r.reference && r.reference.unit === r.unit && r.value > 0 && r.reference.value > 0
      ? speedup(r) >= 1 ? `${fmt(speedup(r))}× faster` : `${fmt(1 / speedup(r))}× slower`
      : '',
    r.target ?? '',
    r.notes ?? '',
  ];
}

export function textTable(rows: Row[]): string {
  const all = rows.map(cells);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...all.map((r) => r[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join(' | ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('-|-'), ...all.map(line)].join('\n');
}

const runLine = (b: BenchRun) =>
  `- ${b.id}: ${b.seconds.toFixed(0)} s wall, from ${b.startedAt.slice(11, 19)} UTC; 1-min load ${b.load[0].toFixed(2)} at start, ${b.load[1].toFixed(2)} at end${b.failed ? '; FAILED (see its row)' : ''}`;

export function markdown(o: { at: string; rows: Row[]; runs: BenchRun[]; pending: string[] }): string {
  const escape = (c: string) => c.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    '# Benchmarks', '',
    `Written by \`npm run bench -- --out docs/BENCHMARKS.md\` on ${o.at.slice(0, 10)}, on ${machine()}.`,
    `Benches in this file: ${o.runs.map((b) => b.id).join(', ') || 'none'}${o.pending.length ? `; not run (yet): ${o.pending.join(', ')}` : ''}.`,
    'Every figure is measured in that run, each bench in a process of its own; a reference named beside a figure was measured in the same run.',
    'A figure or reference measured on part of the input and scaled says "extrapolated" and how it was scaled.',
    'Targets: the performance table of the design documents; figures are never asserted in tests.', '',
    `| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`,
    ...o.rows.map((r) => `| ${cells(r).map(escape).join(' | ')} |`), '',
    'Each bench\'s run (wall time; the machine\'s 1-min load average, on all its cores):', '',
    ...o.runs.map(runLine), '',
  ].join('\n');
}
