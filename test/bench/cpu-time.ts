// CPU time spent by each process of a browser figure, beside its wall time: on a shared
// machine the wall time grows with everyone else's load, the CPU time a piece of work costs
// much less so. The region (a child process of the bench), this process (the console's main)
// and the page's renderer main thread (Chromium's own TaskDuration, through CDP).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The embedded region forked by this process, if any. */
export function regionPid(): number | null {
  try {
    const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'process-entry'], { encoding: 'utf8' }).trim().split('\n')[0];
    return out ? Number(out) : null;
  } catch { return null; }
}

/** utime + stime of a process, ms (/proc/PID/stat fields 14 and 15, in clock ticks of 10 ms). */
function procCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface CpuSplit { regionMs: number | null; mainMs: number; rendererMs: number }

/** Starts counting; the returned function stops and gives each process's CPU ms since. */
export async function cpuMeter(page: Page): Promise<() => Promise<CpuSplit>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const pid = regionPid();
  const region0 = pid ? procCpuMs(pid) : 0;
  const main0 = process.cpuUsage();
  const renderer0 = await taskSeconds();
  return async () => {
    const main = process.cpuUsage(main0);
    const split = { regionMs: pid ? procCpuMs(pid) - region0 : null, mainMs: (main.user + main.system) / 1000, rendererMs: ((await taskSeconds()) - renderer0) * 1000 };
    await cdp.detach();
    return split;
  };
}

export const cpuText = (c: CpuSplit) =>
  `CPU: region ${c.regionMs === null ? '?' : c.regionMs.toFixed(0)} + main ${c.mainMs.toFixed(0)} + renderer ${c.rendererMs.toFixed(0)} ms`;
