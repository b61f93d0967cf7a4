// Fleet figures: find anywhere by MAC over 50,000 nodes of three servers (the index as main
// keeps it, measured in Node), the tag preview over every server's kept details
// (fleet-preview.ts; FLEET_PREVIEW_NODES, default 20,000 real-size nodes), and a search
// keystroke → repainted fleet grid over 50,000 merged nodes in Chromium (This laptop and two
// datacenter regions, 20,000 + 15,000 + 15,000). FLEET_BENCH_PARTS=find,preview,grid picks parts;
// FLEET_GRID_NODES (default 50,000, split 40/30/30) sizes the grid for shorter runs.
// FLEET_GRID_TRACE=file.json writes a Chromium trace of the typing (open it in DevTools).
import { chromium } from 'playwright-core';
import { memoryKeychain } from '../../src-main/connections/index';
import { FindIndex, type FindRecord } from '../../src-shared/fleet/find';
import { startConsoleHost } from '../support/console-host';
import { startDatacenter, type Datacenter } from '../support/fieldkit-console';
import { inProcessRegion } from '../support/in-process-region';
import { seedNodes } from '../support/inventory-seed';
import { fleetPreviewFigures } from './fleet-preview';
import { keyTimerScript } from './key-timer';
import type { Bench, Figure, Report } from './types';

const say = (what: string) => process.stderr.write(`  fleet: ${what} (${new Date().toISOString().slice(11, 19)})\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hex = (n: number) => n.toString(16).padStart(6, '0').replace(/(..)(..)(..)/, '$1:$2:$3');

function findFigures(): Figure[] {
  const servers = ['This laptop', 'dc-east', 'dc-west'];
  const records: FindRecord[] = Array.from({ length: 50_000 }, (_, i) => ({
    connectionId: `c${i % 3}`, server: servers[i % 3], systemId: `s${i.toString(36).padStart(6, '0')}`, hostname: `rack${i % 40}-node-${i}`,
    macs: [`52:54:00:${hex(i * 2)}`, `52:54:00:${hex(i * 2 + 1)}`], ips: [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`],
    serials: i % 4 === 0 ? [`CZJ${i.toString().padStart(7, '0')}`] : [], asOf: i % 3 === 1 ? '2026-12-05T08:00:00Z' : null,
  }));
  let t = performance.now();
  const index = new FindIndex(records);
  const build = performance.now() - t;
  const time = (text: string) => {
    const samples: number[] = [];
    for (let k = 0; k < 50; k++) { t = performance.now(); index.find(text, 12); samples.push(performance.now() - t); }
    return median(samples);
  };
  return [
    { name: 'find anywhere: a whole MAC (other spelling) over 50,000 nodes, median', value: time('5254.0009.c3f1'), unit: 'ms', target: '≤ 16 ms' },
    { name: 'find anywhere: a MAC prefix over 50,000 nodes, median', value: time('52:54:00:00:9c'), unit: 'ms', target: '≤ 16 ms' },
    { name: 'find anywhere: a serial over 50,000 nodes, median', value: time('CZJ0031004'), unit: 'ms', target: '≤ 16 ms' },
    { name: 'find anywhere: building the index of 50,000 nodes (once per fleet change)', value: build, unit: 'ms' },
  ];
}

const INSTALL_KEY_TIMER = keyTimerScript('#fleet-search');
const TYPED = 'rack12-node-1';

async function keystrokeFigures(total: number): Promise<Figure[]> {
  const counts = [Math.round(total * 0.4), Math.round(total * 0.3), total - Math.round(total * 0.4) - Math.round(total * 0.3)];
  const all = total.toLocaleString('en-US');
  const laptop = inProcessRegion((core) => { seedNodes(core, { count: counts[0], idPrefix: 'lp' }); });
  const dcs: Datacenter[] = [];
  const host = await startConsoleHost({ spawnRegion: laptop.spawn, keychain: memoryKeychain() });
  try {
    for (const [i, name] of ['dc-east', 'dc-west'].entries()) {
      const dc = await startDatacenter();
      dcs.push(dc);
      seedNodes(dc.region().core, { count: counts[i + 1], idPrefix: `d${i}` });
      const { id } = await host.composed.connections.add({ name, url: dc.url, apiKey: dc.apiKey });
      await host.composed.handlers['inventory.list']({ connectionId: id });
    }
    const deadline = Date.now() + 120_000;
    while (host.composed.connections.list().find((c) => c.id === 'local')?.health !== 'online') {
      if (Date.now() > deadline) throw new Error('This laptop did not come online');
      await new Promise((r) => setTimeout(r, 100));
    }
    await host.composed.handlers['inventory.list']({ connectionId: 'local' });
    say(`${all} nodes on three servers`);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${host.url}#/fleet`);
      await page.getByText(`${all} of ${all} nodes on 3 servers`).waitFor({ timeout: 300_000 });
      await page.evaluate(INSTALL_KEY_TIMER);
      await page.locator('#fleet-search').focus();
      if (process.env.FLEET_GRID_TRACE) await browser.startTracing(page, { path: process.env.FLEET_GRID_TRACE, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink'] });
      for (const ch of TYPED) { await page.keyboard.type(ch); await page.waitForTimeout(80); }
      await page.waitForTimeout(300);
      if (process.env.FLEET_GRID_TRACE) await browser.stopTracing();
      const samples = await page.evaluate('window.__samples') as number[];
      return [
        { name: `fleet grid: search keystroke → repainted, ${all} merged nodes of 3 servers, median`, value: median(samples), unit: 'ms', target: '≤ 50 ms' },
        { name: 'fleet grid: same, slowest keystroke', value: Math.max(...samples), unit: 'ms', target: '≤ 50 ms',
          notes: `each key of "${TYPED}": ${samples.map((x) => x.toFixed(0)).join(' ')} ms` },
      ];
    } finally { await browser.close(); }
  } finally {
    await host.close();
    await laptop.close();
    for (const dc of dcs) await dc.close();
  }
}

export const fleetBench: Bench = {
  id: 'fleet',
  browser: true,
  async run(report: Report) {
    const parts = new Set((process.env.FLEET_BENCH_PARTS ?? 'find,preview,grid').split(','));
    if (parts.has('find')) { findFigures().forEach(report); say('find anywhere measured'); }
    if (parts.has('preview')) (await fleetPreviewFigures(Number(process.env.FLEET_PREVIEW_NODES ?? 20_000))).forEach(report);
    if (parts.has('grid')) (await keystrokeFigures(Number(process.env.FLEET_GRID_NODES ?? 50_000))).forEach(report);
  },
};
