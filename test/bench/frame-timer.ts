// A page script scrolling a grid a fixed number of pixels a frame and timing each frame's work
// on the main thread: from the frame's start (the rAF timestamp: the scroll event and the
// grid's re-render of this frame come after it) to the task that runs once the frame's style,
// layout and paint are done (a MessageChannel message posted from the rAF callback). That is
// the figure "no frame over 16 ms" is about. The interval between frames is recorded too: an
// interval is at least one display refresh (16.7 ms at 60 Hz) whatever the work, so it only
// says whether a frame was dropped. A string: bench files are type-checked as Node code.
export interface FrameSamples {
  /** Per frame, ms of main-thread work. */
  work: number[];
  /** Per frame, ms since the previous frame started. */
  intervals: number[];
}

/** Scrolls `selector` by `px` a frame, for `frames` frames or (frames 0) until its end; resolves with FrameSamples. */
export const scrollFramesScript = (selector: string, px: number, frames = 0): string => `new Promise((done) => {
  const grid = document.querySelector(${JSON.stringify(selector)});
  grid.scrollTop = 0;
  const work = [];
  const intervals = [];
  const channel = new MessageChannel();
  let last = 0;
  let n = 0;
  channel.port1.onmessage = (e) => work.push(performance.now() - e.data);
  const atEnd = () => (${frames} > 0 ? n >= ${frames} : grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1);
  const step = (ts) => {
    if (last) intervals.push(ts - last);
    last = ts;
    if (atEnd()) { setTimeout(() => { grid.scrollTop = 0; done({ work: work.slice(2), intervals: intervals.slice(2) }); }, 50); return; }
    n++;
    grid.scrollTop += ${px};
    channel.port2.postMessage(ts);
    requestAnimationFrame(step);
  };
  requestAnimationFrame(() => requestAnimationFrame(step));
})`;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
export const percentile = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** "work median 4.1 ms, p95 7.9 ms; 3 of 240 frames dropped (interval > 25 ms)". */
export function frameNotes(s: FrameSamples): string {
  const dropped = s.intervals.filter((i) => i > 25).length;
  return `work median ${median(s.work).toFixed(1)} ms, p95 ${percentile(s.work, 0.95).toFixed(1)} ms, ${s.work.filter((w) => w > 16).length} of ${s.work.length} frames over 16 ms; `
    + `frame interval median ${median(s.intervals).toFixed(1)} ms, ${dropped} dropped (interval > 25 ms)`;
}

interface TraceEvent { ph: string; name: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }

/**
 * Per animation frame, the renderer main thread's CPU ms (the `tdur` of the task that ran the
 * frame: scroll event, rAF callbacks, style, layout, paint), from a Chromium trace with the
 * devtools.timeline category. Thread time, not wall time: on a shared, loaded machine a
 * frame's wall time includes the waits for a core, its CPU time does not.
 */
export function frameCpuFromTrace(trace: Buffer | string): number[] {
  const parsed = JSON.parse(String(trace)) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  let best: number[] = [];
  for (const thread of mains) {
    const own = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread);
    const tasks = own.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
    const frames = own.filter((e) => e.name === 'FireAnimationFrame').sort((a, b) => a.ts - b.ts);
    const cpu: number[] = [];
    let t = 0;
    for (const f of frames) {
      while (t < tasks.length && tasks[t].ts + (tasks[t].dur ?? 0) < f.ts) t++;
      const task = tasks[t];
      if (task && task.ts <= f.ts && (cpu.length === 0 || task !== tasks[t - 1])) cpu.push((task.tdur ?? 0) / 1000);
    }
    if (cpu.length > best.length) best = cpu;
  }
  return best;
}
