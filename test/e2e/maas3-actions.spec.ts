// Deploy and commission several machines of a MAAS 3.x-shaped server (the replay server) in
// Chromium through the browser host: the Take action menu lists what the server offers, the
// pre-flight says which machines are skipped and why, each machine's outcome names the status
// the server answered, and the grid follows the server as the machines finish.
import { expect, test } from '@playwright/test';
import { memoryKeychain } from '../../src-main/connections/index';
import { startConsoleHost, type ConsoleHost } from '../support/console-host';
import { inProcessRegion, type InProcessRegion } from '../support/in-process-region';
import { maas3Fleet } from '../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../support/maas-replay-server';
import { InventoryPage } from './support/inventory-page';
import { ShellPage } from './support/shell-page';

const KEY = 'ck9:tk9:ts9';
let host: ConsoleHost;
let region: InProcessRegion;
let lab: ReplayServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  lab = await startReplayServer({ api: '2.0', apiKey: KEY, machines: maas3Fleet() });
  region = inProcessRegion(() => {});
  host = await startConsoleHost({ spawnRegion: region.spawn, keychain: memoryKeychain() });
  const c = await host.composed.connections.add({ name: 'maas-3', url: lab.url, apiKey: KEY });
  host.composed.connections.switch(c.id);
});
test.afterAll(async () => { await host?.close(); await region?.close(); await lab?.close(); });

const idOf = (h: string) => [...lab.machines.values()].find((m) => m.hostname === h)!.system_id;

test('deploy three machines and commission two: pre-flight, outcomes, statuses', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await inv.waitLoaded(22);

  await inv.pasteSelect(['lab-ready-01', 'lab-ready-02', 'lab-alloc-01', 'lab-deployed-01']);
  await page.getByRole('button', { name: 'Take action…' }).click();
  await expect(page.getByRole('menuitem', { name: 'Enter rescue mode', exact: true })).toBeVisible();
  await shell.shot('maas3-take-action');
  await page.getByRole('menuitem', { name: 'Deploy…', exact: true }).click();
  const dlg = inv.dialog();
  await expect(dlg.getByText(/Will be sent for\s+3\s+nodes;\s+1\s+will be skipped/)).toBeVisible();
  await expect(dlg.getByText('1 not possible while Deployed')).toBeVisible();
  await dlg.getByLabel('Release').selectOption('noble');
  await dlg.getByLabel('Kernel').selectOption('hwe-24.04');
  await dlg.getByLabel('User data (cloud-init, optional)').fill('#cloud-config\npackages: [ipmitool]\n');
  await shell.shot('maas3-deploy-preflight');
  await dlg.getByRole('button', { name: /^Deploy 3 nodes$/ }).click();
  await expect(dlg.getByRole('status')).toContainText('3 deployment started', { timeout: 30_000 });
  await expect(dlg.getByText('now Deploying').first()).toBeVisible();
  await shell.shot('maas3-deploy-outcomes');
  expect(lab.machines.get(idOf('lab-ready-01'))).toMatchObject({ status: 9, distro_series: 'noble', hwe_kernel: 'hwe-24.04' });
  await dlg.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Clear' }).click();
  await inv.pasteSelect(['lab-ready-03', 'lab-failcomm-01', 'lab-locked-01']);
  await inv.action('Commission');
  await expect(dlg.getByText('1 locked: unlock it first')).toBeVisible();
  await dlg.getByLabel('Keep the current network configuration').check();
  await dlg.getByRole('button', { name: /^Commission 2 nodes$/ }).click();
  await expect(dlg.getByRole('status')).toContainText('2 commissioning started', { timeout: 30_000 });
  await shell.shot('maas3-commission-outcomes');
  const commission = lab.requests.filter((r) => r.query.get('op') === 'commission');
  expect(commission.map((r) => r.form)).toEqual([[['skip_networking', '1']], [['skip_networking', '1']]]);
  await dlg.getByRole('button', { name: 'Close' }).click();

  // The machines finish: the grid follows the server.
  lab.settle();
  await inv.filter('lab-ready-01');
  // The server's events name the machines that changed: the inventory re-reads them.
  await expect(inv.grid().getByRole('gridcell', { name: 'Deployed', exact: true })).toBeVisible({ timeout: 30_000 });
  await inv.filter('');
  for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await shell.shot(`maas3-after-${theme}`); }
  expect(shell.errors).toEqual([]);
});

test("a machine that failed testing: its commissioning and testing runs script by script, a script's output on request", async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.url}#/inventory/node/${idOf('lab-failtest-01')}`);
  await inv.waitLoaded(22);
  const detail = page.getByRole('complementary');
  await expect(detail.getByRole('heading', { name: 'lab-failtest-01' })).toBeVisible();
  await detail.getByRole('tab', { name: 'Commissioning' }).click();
  const testing = detail.getByRole('table', { name: 'Testing scripts' });
  await expect(testing.getByRole('row', { name: /memtester Failed · exit 1 0:22:54/ })).toBeVisible();
  await expect(testing.getByRole('row')).toHaveCount(4); // the newest run only: header + 3 scripts
  await expect(detail.getByRole('table', { name: 'Commissioning scripts' }).getByRole('row', { name: /maas-lshw Passed/ })).toBeVisible();
  expect(lab.requests.some((r) => r.query.has('include_output'))).toBe(false);
  await testing.getByRole('button', { name: 'Output of memtester' }).click();
  await expect(detail.getByLabel(/^Output of memtester \(\d+ bytes\)$/)).toContainText('Compare XOR         : FAILURE');
  for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await shell.shot(`maas3-node-scripts-${theme}`); }
  expect(shell.errors).toEqual([]);
});
