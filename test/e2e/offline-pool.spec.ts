// Set pool on a MAAS 3.x-shaped server (the replay server) that has gone away, in Chromium:
// the inventory was only browsed while it answered, yet the Take action menu and the Set pool
// form offer what it last offered (its pools); the button says Record, the outcome says
// recorded, the change set lists one entry with the pool; back, it is reviewed by itself and
// applied, and the server has the machines in the pool. Screenshots light and dark.
import { expect, test } from '@playwright/test';
import { memoryKeychain } from '../../src-main/connections/index';
import { openSettingsDb } from '../../src-main/connections/settings-db';
import { SnapshotStore } from '../../src-main/console/snapshot/snapshot-store';
import { NodeStatus as S } from '../../src-shared/maas/index';
import { startConsoleHost, type ConsoleHost } from '../support/console-host';
import { inProcessRegion, type InProcessRegion } from '../support/in-process-region';
import { machine } from '../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../support/maas-replay-server';
import { InventoryPage } from './support/inventory-page';
import { ShellPage } from './support/shell-page';

const KEY = 'ck8:tk8:ts8';
let host: ConsoleHost;
let region: InProcessRegion;
let lab: ReplayServer;
let labId: string;
let gone = false;

test.beforeAll(async () => {
  lab = await startReplayServer({ api: '2.0', apiKey: KEY, pools: ['default', 'gpu-farm'],
    machines: [1, 2, 3, 4, 5, 6].map((n) => machine(n, S.READY, { hostname: `gpu-${n}` })) });
  lab.faults.push({ match: () => gone, times: 1e9, kind: 'drop' });
  region = inProcessRegion(() => {});
  host = await startConsoleHost({ spawnRegion: region.spawn, keychain: memoryKeychain() });
  labId = (await host.composed.connections.add({ name: 'lab', url: lab.url, apiKey: KEY })).id;
  host.composed.connections.switch(labId);
});
test.afterAll(async () => { await host?.close(); await region?.close(); await lab?.close(); });

test('offline Set pool: pools as last offered, recorded as one entry, reviewed by itself when back, applied', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await inv.waitLoaded(6);
  // Reading the inventory kept the server's offer alongside (pools among it).
  const db = openSettingsDb(host.dataDir);
  try {
    await expect.poll(() => new SnapshotStore(db, { forget: () => undefined }).part(labId, 'offer')?.items[0]?.pools).toEqual(['default', 'gpu-farm']);
  } finally {
    db.close();
  }

  gone = true;
  await host.composed.connections.health(labId);
  await inv.pasteSelect(['gpu-1', 'gpu-2', 'gpu-3']);
  await inv.action('Set pool…');
  const dlg = inv.dialog();
  await expect(dlg.getByTestId('bulk-offline')).toContainText('recorded in its change set');
  await dlg.getByLabel('Resource pool').selectOption('gpu-farm');
  await shell.shot('offline-pool-record-light');
  await dlg.getByRole('button', { name: 'Record set pool 3 nodes' }).click();
  await expect(dlg.getByRole('status')).toHaveText(/Finished ·\s+3 recorded in the change set/);
  await dlg.getByRole('button', { name: 'Close' }).click();

  const badge = page.getByTestId('pending-badge');
  await expect(badge).toHaveText('3 to apply · lab');
  await badge.click();
  const set = page.getByRole('dialog', { name: 'Change set of lab' });
  const table = set.getByRole('table', { name: 'Change set' });
  await expect(table).toContainText('pool gpu-farm on 3 nodes (gpu-1, gpu-2, gpu-3)');
  await shell.setTheme('dark');
  await shell.shot('offline-pool-change-set-dark');

  gone = false; // and nobody clicks: the review runs by itself
  await expect(set.getByTestId('auto-review')).toContainText('reviewed by itself', { timeout: 10_000 });
  await expect(table.locator('tr', { hasText: 'on 3 nodes' })).toContainText('3 still apply');
  await set.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(table.locator('tr', { hasText: 'on 3 nodes' })).toContainText('3 done');
  await shell.shot('offline-pool-applied-dark');
  expect([1, 2, 3, 4].map((n) => lab.machines.get(`m0000${n}`)!.pool)).toEqual(['gpu-farm', 'gpu-farm', 'gpu-farm', 'default']);
  expect(shell.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION/.test(e))).toEqual([]);
});
