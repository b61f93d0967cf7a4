// Each bench in a process of its own: what one bench leaves behind (a heap grown by
// gigabytes of generated lshw, worker threads, open servers) cannot slow the next one's
// figures. The child (bench-child.ts) sends each figure as it is measured; a child that
// fails, is killed or outlives the time limit ends its bench with the figures sent so far.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Bench, Figure } from './types';

export type FromChild = { kind: 'figure'; figure: Figure } | { kind: 'failed'; message: string } | { kind: 'done' };

const CHILD = fileURLToPath(new URL('./bench-child.ts', import.meta.url));
const running = new Set<ChildProcess>();

/** Ends every bench process still running (the runner is being stopped). */
export function killChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** `bench`, run in a child process; killed once `limitSeconds` have passed. */
export function isolated(bench: Bench, limitSeconds: number): Bench {
  return {
    ...bench,
    run: (report) => new Promise<void>((resolve, reject) => {
      const child = fork(CHILD, [bench.id], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 2, 2, 'ipc'] });
      running.add(child);
      let failure: string | null = null;
      let done = false;
      const timer = setTimeout(() => child.kill('SIGKILL'), limitSeconds * 1000);
      child.on('message', (m: FromChild) => {
        if (m.kind === 'figure') report(m.figure);
        else if (m.kind === 'failed') failure = m.message;
        else done = true;
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        running.delete(child);
        if (done && code === 0) resolve();
        else reject(new Error(failure ?? (signal ? `its process was ended by ${signal}` : `its process exited with status ${code}`)));
      });
    }),
  };
}
