// A technician's day with two regions — "target" (stays up) and "office" (stops) — in
// Chromium: a commission of 40 nodes cut by the office server stopping half-way records what
// did not reach it (done + recorded, nothing failed); an offline Set zone reads "Record" and
// ends "recorded in the change set", never "0 moved · 10 skipped"; the header's badge counts
// it all and opens the change set, one entry per action (its heading never "(0 waiting)"
// while it loads). Screenshots in light and dark.
import { expect, test } from '@playwright/test';
import { NodeStatus as S } from '../../src-shared/maas/index';
import type { ConsoleHost } from '../support/console-host';
import { startDatacenter, startLaptopHost, type Datacenter } from '../support/fieldkit-console';
import type { InProcessRegion } from '../support/in-process-region';
import { seedNodes } from '../support/inventory-seed';
import { InventoryPage } from './support/inventory-page';
import { ShellPage } from './support/shell-page';

let host: ConsoleHost;
let laptop: InProcessRegion;
let target: Datacenter;
let office: Datacenter;
let officeId: string;

test.beforeAll(async () => {
  ({ host, laptop } = await startLaptopHost());
  target = await startDatacenter();
  office = await startDatacenter();
  seedNodes(office.region().core, { count: 50, idPrefix: 'od', zones: 3, hostnameOf: (i) => `od-${i}`, statusOf: (i) => (i < 40 ? S.READY : S.NEW) });
  await host.composed.connections.add({ name: 'target', url: target.url, apiKey: target.apiKey });
  officeId = (await host.composed.connections.add({ name: 'office', url: office.url, apiKey: office.apiKey })).id;
  host.composed.connections.switch(officeId);
});
test.afterAll(async () => { await host?.close(); await laptop?.close(); await target?.close(); await office?.close(); });

test('a server stopped mid-bulk: what did not reach it is recorded; offline actions say Record; the badge opens one entry per action', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await inv.waitLoaded(50);

  // Commission 40 Ready nodes; the office server stops once the first are done.
  let stopping: Promise<void> | null = null;
  host.hub.subscribe((e, p) => {
    if (e === 'inventory.bulkProgress' && !stopping && (p as { counts: { done: number } }).counts.done > 0) stopping = office.stop();
  });
  await inv.filter('status:ready');
  await page.getByRole('button', { name: /Select all 40 matching/ }).click();
  await inv.action('Commission');
  const dlg = inv.dialog();
  await dlg.getByRole('button', { name: 'Commission 40 nodes' }).click();
  const counts = dlg.getByRole('status');
  await expect(counts).toContainText('Finished', { timeout: 20_000 });
  await expect(counts).toContainText(/recorded in the change set/);
  await expect(counts).not.toContainText('failed');
  await shell.shot('fieldkit-day-bulk-cut-light');
  await dlg.getByRole('button', { name: 'Close' }).click();
  await stopping;

  // Now known offline: Set zone on the 10 New nodes says Record, and ends recorded.
  await inv.filter('status:new');
  await page.getByRole('button', { name: /Select all 10 matching/ }).click();
  await inv.action('Set zone…');
  await expect(dlg.getByTestId('bulk-offline')).toContainText('recorded in its change set');
  await dlg.getByLabel('Zone').selectOption({ index: 1 });
  await dlg.getByRole('button', { name: 'Record set zone 10 nodes' }).click();
  await expect(counts).toHaveText(/Finished ·\s+10 recorded in the change set/);
  await expect(counts).not.toContainText('moved');
  await shell.setTheme('dark');
  await shell.shot('fieldkit-day-record-dark');
  await dlg.getByRole('button', { name: 'Close' }).click();

  const badge = page.getByTestId('pending-badge');
  await expect(badge).toHaveText(/^\d+ to apply · office$/);
  // Every heading the change set shows while it opens and loads: never "(0 waiting)" first.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { headings: string[] }).headings = []);
    new MutationObserver(() => document.querySelectorAll('h3').forEach((h) => { if (h.textContent?.startsWith('Change set of')) seen.push(h.textContent); }))
      .observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await badge.click();
  const set = page.getByRole('dialog', { name: 'Change set of office' });
  const rows = set.getByRole('table', { name: 'Change set' }).getByRole('row');
  await expect(rows).toHaveCount(3); // header, the cut commission, the zone move
  await expect(set.getByRole('table', { name: 'Change set' })).toContainText(/commission on \d+ nodes/);
  await expect(set.getByRole('table', { name: 'Change set' })).toContainText(/on 10 nodes/);
  const headings = await page.evaluate(() => (window as unknown as { headings: string[] }).headings);
  expect(headings.length).toBeGreaterThan(0);
  expect(headings.filter((h) => !/^Change set of office( \(\d+ waiting\))?$/.test(h) || h.includes('(0 waiting)'))).toEqual([]);
  await shell.shot('fieldkit-day-change-set-dark');
  await shell.setTheme('light');
  await shell.shot('fieldkit-day-change-set-light');
  expect(shell.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
