// Watching the main thread while something runs: a 5 ms heartbeat, and at each beat how much
// CPU the main thread ran since the last (Linux: /proc/self/task/<pid>/schedstat), how long
// the gap was, how busy the loop was. Call it from the main thread (isMainThread).
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** CPU time the main thread has run, in ms (Linux: its schedstat, in ns). */
export const mainThreadCpuMs = (): number =>
  Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

/**
 * How long the main event loop was held while `work` ran, watched by a 5 ms heartbeat.
 * `cpuMs` is the most CPU time the main thread ran between two beats: code that holds the
 * loop (a parse) shows here whatever the machine's load. `gapMs` (the longest wall-clock gap
 * between beats), `busyMs` (the loop's active time between beats) and `histogramMs`
 * (perf_hooks' event-loop delay) also count time the OS gave the thread no CPU: on a
 * machine running several times more threads than it has cores they reach 300 ms with the
 * main thread running ~25 ms of code in that time, so they are reported, not asserted.
 */
export async function longestHold<T>(work: () => Promise<T>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let last = performance.now();
  let lastCpu = mainThreadCpuMs();
  let lastElu = performance.eventLoopUtilization();
  let gapMs = 0;
  let cpuMs = 0;
  let busyMs = 0;
  let beats = 0;
  const beat = () => {
    const now = performance.now();
    const cpu = mainThreadCpuMs();
    const elu = performance.eventLoopUtilization();
    gapMs = Math.max(gapMs, now - last);
    cpuMs = Math.max(cpuMs, cpu - lastCpu);
    busyMs = Math.max(busyMs, performance.eventLoopUtilization(elu, lastElu).active);
    last = now;
    lastCpu = cpu;
    lastElu = elu;
    beats++;
  };
  const timer = setInterval(beat, 5);
  histogram.enable();
  try {
    const result = await work();
    beat();
    return { result, cpuMs, gapMs, busyMs, histogramMs: histogram.max / 1e6, beats };
  } finally {
    histogram.disable();
    clearInterval(timer);
  }
}

export const report = (w: Awaited<ReturnType<typeof longestHold>>) =>
  `the main thread ran at most ${Math.round(w.cpuMs)} ms of CPU between beats (${w.beats} beats); ` +
  `longest gap ${Math.round(w.gapMs)} ms, loop active ${Math.round(w.busyMs)} ms, event-loop delay ${Math.round(w.histogramMs)} ms`;
