// Events in Chromium, against the embedded region in its own process (as the app runs it):
//  - 100,000 events: "Load whole history" clicked → every event in the view, painted (after a
//    warm-up load, best of three; the machine's load average beside it);
//  - a search keystroke over those 100,000 → repainted; scrolling them, each frame's work
//    (frame-timer.ts);
//  - an event recorded by the region (a tag added through its API) → its row painted.
// Times come from Chromium's own clock (performance.now / timeOrigin), as PERFORMANCE.md asks.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createMaasClient } from '../../src-main/maas-client/index';
import { startEventsConsole } from '../support/events-console';
import { loadWholeHistory, searchKeystrokes, seenAt, watchBenchRows } from './events-page-scripts';
import { cpuMeter, cpuText, type CpuSplit } from './cpu-time';
import { frameCpuFromTrace, frameNotes, median, percentile, scrollFramesScript, type FrameSamples } from './frame-timer';
import type { Bench, Figure } from './types';

const EVENTS = 100_000;
const LIVE_SAMPLES = 20;
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const p95 = (xs: number[]) => percentile(xs, 0.95);
const LOAD_RUNS = 3;
const total = (c: CpuSplit) => (c.regionMs ?? 0) + c.mainMs + c.rendererMs;

export const eventsBench: Bench = {
  id: 'events',
  browser: true,
  async run() {
    if (!existsSync(resolve(import.meta.dirname, '../../out/web/index.html'))) {
      throw new Error('The browser bundle is missing: run `npx vite build --config vite.web.config.ts` first.');
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-events-'));
    const figures: Figure[] = [];
    const host = await startEventsConsole({ dataDir, seed: { nodes: 200, events: EVENTS } });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const main = page.getByRole('main');
      const openView = async () => {
        await page.goto(`${host.url}#/events`);
        await main.getByRole('button', { name: 'Load whole history' }).waitFor();
        await page.getByRole('combobox', { name: 'Minimum level' }).selectOption('DEBUG');
        await main.getByRole('button', { name: 'Load whole history' }).waitFor();
      };
      // The region starts with the page (its first seconds go to starting up, and under tsx to
      // compiling itself): one load is a warm-up, then each of LOAD_RUNS starts from a fresh page.
      await openView();
      await page.evaluate<number>(loadWholeHistory);
      const loads: { ms: number; cpu: CpuSplit; load: number }[] = [];
      for (let i = 0; i < LOAD_RUNS; i++) {
        await page.reload();
        await openView();
        const stop = await cpuMeter(page);
        const ms = await page.evaluate<number>(loadWholeHistory);
        loads.push({ ms, cpu: await stop(), load: loadavg()[0] });
      }
      const best = loads.reduce((a, b) => (b.ms < a.ms ? b : a));
      const shown = await main.getByText(/shown/).first().textContent();
      figures.push({ name: `${EVENTS.toLocaleString('en')} events from the embedded region: load whole history + render (best of ${LOAD_RUNS})`, value: best.ms, unit: 'ms',
        target: '< 1 s', notes: `${cpuText(best.cpu)}; runs ${loads.map((l) => `${l.ms.toFixed(0)} ms at load ${l.load.toFixed(1)}`).join(', ')} on ${cpus().length} cores; ${shown?.trim()}; MAAS paging: ${EVENTS / 1000} events op=query pages of 1,000` });
      const cheapest = loads.reduce((a, b) => (total(b.cpu) < total(a.cpu) ? b : a));
      figures.push({ name: `the same load's CPU time, all three processes (least of ${LOAD_RUNS})`, value: total(cheapest.cpu), unit: 'ms CPU',
        notes: `${cpuText(cheapest.cpu)}; on 2 quiet cores the three overlap (read-ahead), so the wall time is below this sum` });

      const keyMs = await page.evaluate<number[]>(searchKeystrokes);
      figures.push({ name: `search keystroke over ${EVENTS.toLocaleString('en')} loaded events → repainted (median of 6)`, value: median(keyMs), unit: 'ms',
        target: '≤ 50 ms at 100,000 rows', notes: `max ${Math.max(...keyMs).toFixed(1)} ms` });

      // A brisk wheel (10 rows a frame, ~17,000 px/s) and a drag of the scrollbar (43 rows a
      // frame: every visible row replaced each frame); each frame's main-thread work.
      for (const px of [280, 1200]) {
        const runs: (FrameSamples & { cpu: number[] })[] = [];
        for (let i = 0; i < 3; i++) {
          await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
          const s = await page.evaluate<FrameSamples>(scrollFramesScript('main [role="grid"]', px, 240));
          runs.push({ ...s, cpu: frameCpuFromTrace(await browser.stopTracing()) });
        }
        const best = runs.reduce((a, b) => (Math.max(...b.work) < Math.max(...a.work) ? b : a));
        figures.push({ name: `scroll ${EVENTS.toLocaleString('en')} events at ${px} px/frame: worst frame's work, wall (best of 3 runs of ${best.work.length} frames)`,
          value: Math.max(...best.work), unit: 'ms', target: 'no frame over 16 ms',
          notes: `${frameNotes(best)}; worst per run ${runs.map((r) => Math.max(...r.work).toFixed(1)).join(', ')} ms; load ${loadavg()[0].toFixed(1)}` });
        const cpu = runs.reduce((a, b) => (Math.max(...b.cpu) < Math.max(...a.cpu) ? b : a)).cpu;
        figures.push({ name: `scroll ${EVENTS.toLocaleString('en')} events at ${px} px/frame: worst frame's renderer CPU time (Chromium trace, best of 3 runs of ${cpu.length} frames)`,
          value: Math.max(...cpu), unit: 'ms CPU', target: 'no frame over 16 ms',
          notes: `median ${median(cpu).toFixed(1)} ms, p95 ${p95(cpu).toFixed(1)} ms, ${cpu.filter((c) => c > 16).length} over 16 ms` });
      }

      // Live: back to the top, following, then tag a node through the region's API per sample.
      const follow = main.getByRole('button', { name: /^Paused/ });
      if (await follow.count()) await follow.click();
      await page.evaluate(watchBenchRows);
      const maas = createMaasClient({ root: host.regionRoot, apiVersion: '1.0', apiKey: host.apiKey });
      const latencies: number[] = [];
      for (let i = 0; i < LIVE_SAMPLES; i++) {
        await maas.createTag({ name: `bench-${i}` });
        const t0 = performance.timeOrigin + performance.now();
        await maas.updateTagNodes(`bench-${i}`, { add: [host.nodes[i % host.nodes.length].systemId] });
        // The page stamps the time itself; polling here only learns that it has (the page's CSP
        // forbids the eval that waitForFunction would need).
        let at = -1;
        for (const until = Date.now() + 10_000; at <= 0 && Date.now() < until;) {
          at = await page.evaluate<number>(seenAt(i));
          if (at <= 0) await new Promise((r) => setTimeout(r, 10));
        }
        if (at <= 0) throw new Error(`The event of tag bench-${i} did not appear in the view within 10 s.`);
        latencies.push(at - t0);
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
      await maas.close();
      figures.push({ name: `event recorded by the embedded region → painted in the view: median of ${LIVE_SAMPLES} (p95 ${p95(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms)`,
        value: median(latencies), unit: 'ms', target: '< 250 ms', notes: 'polled every 100 ms' });
      // Shared machines: say how busy this one was, since every figure above is wall time.
      figures.push({ name: 'machine load average (1 min) at the end of the events bench', value: loadavg()[0], unit: `on ${cpus().length} cores` });
    } finally {
      await browser.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    return figures;
  },
};
