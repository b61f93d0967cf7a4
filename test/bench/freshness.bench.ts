// Freshness of a remote server in Chromium: a node changed on the server by another client
// → shown in the grid (the change feed: events after the newest id, then the nodes they
// name), and the server stopped → the header says Offline, started → Online. PERFORMANCE.md
// names maas-ui's live websocket as the reference; it cannot run here, so none is measured.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { changeToVisibleMs, outageMs, startFreshnessConsole } from '../support/freshness-console';
import type { Bench, Figure } from './types';

const root = resolve(import.meta.dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => `median of ${xs.length}: ${xs.join(', ')} ms`;

export const freshnessBench: Bench = {
  id: 'freshness',
  browser: true,
  async run(): Promise<Figure[]> {
    if (!existsSync(resolve(root, 'out/web/index.html'))) execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts'], { cwd: root, stdio: 'ignore' });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const f = await startFreshnessConsole({ nodes: 300 });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(f.host.url);
      await page.locator('#inv-count').getByText('of 300 nodes').waitFor({ timeout: 60_000 });
      const changes: number[] = [];
      for (let i = 0; i < 7; i++) changes.push(await changeToVisibleMs(page, f, 20 + i));
      const offline: number[] = [];
      const online: number[] = [];
      for (let i = 0; i < 3; i++) {
        const o = await outageMs(page, f);
        offline.push(o.offline);
        online.push(o.online);
      }
      return [
        { name: 'remote server (300 nodes): node changed by another client → shown in the grid', value: median(changes), unit: 'ms',
          target: '≤ 5 s', notes: `${spread(changes)}; feed every 2 s` },
        { name: 'remote server stopped → Offline shown in the header', value: median(offline), unit: 'ms', target: '≤ 5 s', notes: spread(offline) },
        { name: 'remote server started again → Online shown in the header', value: median(online), unit: 'ms', target: '≤ 5 s', notes: spread(online) },
      ];
    } finally {
      await browser.close();
      await f.close();
    }
  },
};
