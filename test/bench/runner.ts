// Runs benches one after another, keeping every figure each reports as it is measured: a
// bench that throws half-way leaves its earlier figures and one FAILED row naming it and the
// error. `saved` is called after every bench (rewrite the output file there), so a run that
// is stopped keeps what it measured; `crash` records a failure raised outside a bench's own
// promise (a worker's unhandled error) against the bench running then. `limitSeconds` bounds
// each bench: one that has not finished by then gets a FAILED row, keeps the figures it
// reported, and the run goes on (whatever it reports later is dropped).
import { loadNow, type BenchRun, type Row } from './report';
import type { Bench } from './types';

export interface RunState { rows: Row[]; runs: BenchRun[]; pending: string[] }

export interface Runner {
  run(): Promise<RunState>;
  crash(e: unknown): RunState;
}

const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));
export const failureRow = (bench: string, e: unknown): Row => ({ bench, name: `FAILED: ${bench}: ${message(e)}`, value: NaN, unit: '' });

export interface RunnerOptions {
  saved: (s: RunState) => void;
  log?: (line: string) => void;
  /** A reason the bench cannot run (it gets a FAILED row), or null. */
  skip?: (b: Bench) => string | null;
  limitSeconds?: number;
}

/** The bench's own promise, or a rejection once `seconds` have passed. */
function bounded<T>(work: Promise<T>, seconds: number | undefined): Promise<T> {
  if (!seconds) return work;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${seconds} s (the figures it reported before are kept)`)), seconds * 1000);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export function createRunner(chosen: Bench[], o: RunnerOptions): Runner {
  const log = o.log ?? (() => undefined);
  const rows: Row[] = [];
  const runs: BenchRun[] = [];
  const state = (): RunState => ({ rows, runs, pending: chosen.slice(runs.length).map((b) => b.id) });
  let current: { id: string; startedAt: string; started: number; load: number } | null = null;
  const finish = (failed: boolean) => {
    if (!current) return;
    runs.push({ id: current.id, startedAt: current.startedAt, seconds: (performance.now() - current.started) / 1000, load: [current.load, loadNow()], failed });
    current = null;
  };
  return {
    async run() {
      for (const b of chosen) {
        current = { id: b.id, startedAt: new Date().toISOString(), started: performance.now(), load: loadNow() };
        log(`bench ${b.id}… (${current.startedAt.slice(11, 19)}, load ${current.load.toFixed(2)})`);
        let failed = false;
        let live = true;
        try {
          const skipped = o.skip?.(b);
          if (skipped) throw new Error(skipped);
          const returned = await bounded(b.run((f) => {
            if (!live) return;
            rows.push({ bench: b.id, ...f });
            log(`  ${b.id}: ${f.name}: ${f.value} ${f.unit}`);
          }), o.limitSeconds);
          for (const f of returned ?? []) rows.push({ bench: b.id, ...f });
        } catch (e) {
          failed = true;
          rows.push(failureRow(b.id, e));
          log(`bench ${b.id} failed: ${e instanceof Error ? e.stack : String(e)}`);
        }
        live = false;
        finish(failed);
        log(`bench ${b.id} done in ${runs.at(-1)!.seconds.toFixed(0)} s`);
        o.saved(state());
      }
      return state();
    },
    crash(e) {
      if (current) {
        rows.push(failureRow(current.id, e));
        finish(true);
      }
      o.saved(state());
      return state();
    },
  };
}
