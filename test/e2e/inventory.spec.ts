// The Inventory against the embedded region seeded with 10,000 nodes, in Chromium through
// the browser host: virtualisation, search, select by paste, pre-flight, bulk accept of
// 1,000, a partly refused release (409) and retrying what failed, the node detail.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { memoryKeychain } from '../../src-main/connections/index';
import { NodeStatus as S } from '../../src-shared/maas/index';
import { startConsoleHost, type ConsoleHost } from '../support/console-host';
import { inProcessRegion, type InProcessRegion } from '../support/in-process-region';
import { seedNodes } from '../support/inventory-seed';
import { InventoryPage } from './support/inventory-page';
import { ShellPage } from './support/shell-page';

const TOTAL = 10_000;
let host: ConsoleHost;
let region: InProcessRegion;
let seeded: ReturnType<typeof seedNodes>;
const lshw = readFileSync(resolve(import.meta.dirname, '../fixtures/lshw/kvm-epyc-vm.xml'));

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  region = inProcessRegion((core) => {
    seeded = seedNodes(core, { count: TOTAL });
    const n = core.nodes.bySystemId(seeded.systemIds[0])!;
    core.details.set(n.id, lshw, null);
  });
  host = await startConsoleHost({ spawnRegion: region.spawn, keychain: memoryKeychain() });
  await expect.poll(() => host.composed.connections.list().find((c) => c.id === 'local')?.health, { timeout: 30_000 }).toBe('online');
});
test.afterAll(async () => { await host?.close(); await region?.close(); });

const core = () => region.running()!.core;
const statusOf = (id: string) => core().nodes.bySystemId(id)!.status;

test('10,000 nodes: under 100 rows in the DOM, search filters as you type, screenshots in both themes', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await inv.waitLoaded(TOTAL);
  expect(await inv.renderedRows().count()).toBeLessThan(100);
  await inv.grid().evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  await expect(inv.renderedRows().first()).toBeVisible();
  expect(await inv.renderedRows().count()).toBeLessThan(100);

  await inv.filter('status:new zone:rack-12 tag:ssd !tag:gpu');
  // rack-12 is zone index 11: i ≡ 11 (mod 20) are New (i mod 10 = 1), ssd needs i ≡ 0 (mod 4): none odd
  await expect(inv.count()).toContainText('0 of 10,000');
  await inv.filter('status:new zone:rack-13 tag:ssd !tag:gpu');
  const n = await inv.shownCount();
  expect(n).toBe(seeded.hostnames.filter((_, i) => i % 20 === 12 && i % 4 === 0 && i % 10 !== 0 && [0, 1, 2, 3].includes(i % 10)).length);
  await inv.filter('');
  await page.getByRole('button', { name: 'Hostname' }).click(); // sort descending
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    await shell.shot(`inventory-${theme}`);
  }
  expect(shell.errors).toEqual([]);
});

test('the query, sort, columns and grouping survive a reload', async ({ page }) => {
  const inv = new InventoryPage(page);
  await page.goto(host.url);
  await inv.waitLoaded(TOTAL);
  await inv.filter('zone:rack-3');
  await page.getByLabel('Group').selectOption('status');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByText('Owner').click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('button', { name: 'Done' }).click();
  await page.reload();
  await inv.waitLoaded(TOTAL);
  await expect(inv.search()).toHaveValue('zone:rack-3');
  await expect(page.getByLabel('Group')).toHaveValue('status');
  await expect(inv.grid().getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);
  await expect(inv.grid().getByRole('gridcell', { name: /New \d+/ }).first()).toBeVisible();
  // CSV of the view: what is shown, in the columns shown
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').split('\r\n');
  expect(csv[0]).not.toContain('Owner');
  expect(csv[0]).toMatch(/^Hostname,System ID,Status,/);
  expect(csv).toHaveLength(1 + 500);
  expect(csv.slice(1).every((l) => l.includes(',rack-3,'))).toBe(true);
  await page.evaluate(() => localStorage.removeItem('maas-console.inventory.view'));
});

test('select by pasted list reports what matched nothing; keyboard selection and detail', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await inv.waitLoaded(TOTAL);
  await inv.pasteSelect([seeded.hostnames[5], seeded.macs[6].toUpperCase().replaceAll(':', '-'), seeded.systemIds[7], 'no-such-host', '00:00:00:00:00:01']);
  await expect(inv.dialog().getByText('3 nodes selected from 5 lines.')).toBeVisible();
  await expect(inv.dialog().getByRole('list', { name: 'Matched nothing' })).toContainText('no-such-host');
  await expect(inv.dialog().getByRole('list', { name: 'Matched nothing' })).toContainText('00:00:00:00:00:01');
  await shell.shot('inventory-paste-report');
  await inv.dialog().getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('3 selected')).toBeVisible();

  // mouse: click, Shift+click a range, Ctrl+click to take one out
  await inv.filter('zone:rack-7 status:allocated');
  const cells = inv.grid().locator('.vtable__body [role="row"] [role="gridcell"]:nth-child(3)');
  await cells.nth(0).click();
  await cells.nth(4).click({ modifiers: ['Shift'] });
  await expect(page.getByText('5 selected')).toBeVisible();
  await cells.nth(2).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByText('4 selected')).toBeVisible();

  // keyboard: focus the grid, arrows, Shift+arrows, Space, Enter opens the detail
  await inv.filter(`id:${seeded.systemIds[0]}`);
  await inv.grid().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary');
  await expect(detail.getByRole('heading', { name: seeded.hostnames[0] })).toBeVisible();
  await expect(detail.getByText('AMD EPYC')).toBeVisible();
  await detail.getByRole('tab', { name: 'Configuration' }).click();
  await expect(detail.getByText('power_pass')).toBeVisible();
  await expect(detail.getByText('••••••')).toBeVisible();
  await expect(detail).not.toContainText('secret-0');
  await detail.getByRole('tab', { name: 'Network' }).click();
  await expect(detail.getByText('02:fc:00:00:00:01')).toBeVisible();
  await detail.getByRole('tab', { name: 'Storage' }).click();
  await expect(detail.getByRole('table', { name: 'Disks' })).toContainText('/dev/vda');
  await detail.getByRole('tab', { name: 'Commissioning' }).click();
  await expect(detail.getByRole('tabpanel')).toContainText(/lshw \d+ KiB/);
  await expect(detail.getByRole('table', { name: 'Commissioning and testing events' })).toBeVisible();
  await detail.getByRole('tab', { name: 'Commissioning' }).press('End');
  await expect(detail.getByRole('tab', { name: 'Configuration' })).toBeFocused();
  await expect(detail.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    await shell.shot(`inventory-detail-${theme}`);
  }
  await detail.getByRole('tab', { name: 'Summary' }).click();
  await detail.getByRole('button', { name: /View raw lshw/ }).click();
  await expect(page.getByRole('dialog').getByLabel('Raw lshw XML')).toContainText('<node id="vm"');
  // The same document in the tags view's explorer: a tree, with the node's name on it.
  await page.getByRole('dialog').getByRole('tab', { name: 'Explorer' }).click();
  // The first open lists the 10,000 nodes for the details cache: give it time on a busy machine.
  await expect(page.getByRole('dialog').getByRole('region', { name: /^Details of / })).toContainText('node', { timeout: 30_000 });
  await shell.shot('inventory-lshw-explorer');
  await page.keyboard.press('Escape');
  expect(shell.errors).toEqual([]);
});

test('pre-flight and bulk accept of 1,000 nodes, every outcome shown', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await inv.waitLoaded(TOTAL);
  // zones rack-1 and rack-2 hold only New nodes (500 each); rack-5 holds Ready ones
  await inv.filter('zone:(rack-1,rack-2,rack-5)');
  await expect(inv.count()).toContainText('1,500 of 10,000');
  await page.getByRole('button', { name: /Select all 1,500 matching/ }).click();
  await inv.action('Accept');
  const dlg = inv.dialog();
  await expect(dlg.getByText(/Will be sent for 1,000 nodes; 500 will be skipped/)).toBeVisible();
  await expect(dlg.getByRole('list', { name: 'Why nodes will be skipped' })).toContainText('already accepted (Ready)');
  await shell.shot('inventory-bulk-preflight');
  await dlg.getByRole('button', { name: 'Accept 1,000 nodes' }).click();
  await expect(dlg.getByText(/Finished/)).toBeVisible({ timeout: 60_000 });
  await expect(dlg.getByRole('status')).toContainText('1,000 accepted');
  await expect(dlg.getByRole('status')).toContainText('500 skipped');
  // the theme button is behind the modal dialog; the shell's Alt+T works everywhere
  const dark = () => page.evaluate(() => document.documentElement.classList.contains('is-dark'));
  for (const theme of ['light', 'dark'] as const) {
    if ((await dark()) !== (theme === 'dark')) await page.keyboard.press('Alt+t');
    await expect.poll(dark).toBe(theme === 'dark');
    await shell.shot(`inventory-bulk-accept-result-${theme}`);
  }
  const accepted = seeded.systemIds.filter((_, i) => i % 20 === 0 || i % 20 === 1);
  for (const id of accepted.slice(0, 50)) expect(statusOf(id)).not.toBe(S.NEW);
  await dlg.getByRole('button', { name: 'Close' }).click();
  await inv.filter('zone:(rack-1,rack-2) status:new');
  await expect(inv.count()).toContainText('0 of 10,000');
  expect(shell.errors).toEqual([]);
});

test('a release the server partly refuses (409) shows who was released; retry failed', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await inv.waitLoaded(TOTAL);
  // allocated nodes: i mod 10 = 6
  const picked = [6, 16, 26, 36, 46].map((i) => seeded.systemIds[i]);
  await inv.pasteSelect(picked);
  await expect(page.getByText('5 selected')).toBeVisible();
  // by keyboard: the menu takes the focus, arrows walk it, Enter picks
  await page.getByRole('button', { name: 'Take action…' }).focus();
  await page.keyboard.press('Enter');
  // Accept does not apply to Allocated nodes: disabled, so the focus starts on the next item.
  await expect(page.getByRole('menuitem', { name: 'Accept', exact: true })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: 'Accept all new' })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // Release
  await expect(page.getByRole('menuitem', { name: 'Release' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dlg = inv.dialog();
  await expect(dlg.getByText('Will be sent for 5 nodes.')).toBeVisible();
  // changed elsewhere after the pre-flight: the server will refuse this one
  const stuck = core().nodes.bySystemId(picked[2])!;
  core().nodes.setStatus(stuck.id, S.NEW);
  await dlg.getByRole('button', { name: 'Release 5 nodes' }).click();
  await expect(dlg.getByText(/Finished/)).toBeVisible({ timeout: 30_000 });
  await expect(dlg.getByRole('status')).toContainText('4 released');
  await expect(dlg.getByRole('status')).toContainText('1 failed');
  await expect(dlg.getByText(/HTTP 409/)).toBeVisible();
  await expect(dlg.getByRole('grid', { name: 'Outcomes' }).getByRole('row').filter({ hasText: 'Failed' })).toContainText(/refused in state New/);
  await shell.shot('inventory-bulk-partial-release');
  for (const id of picked.filter((id) => id !== picked[2])) expect(statusOf(id)).toBe(S.READY);

  core().nodes.setStatus(stuck.id, S.ALLOCATED); // put right on the server
  await dlg.getByRole('button', { name: 'Retry 1 failed' }).click();
  await expect(dlg.getByText('Will be sent for 1 node.')).toBeVisible();
  await dlg.getByRole('button', { name: 'Release 1 node' }).click();
  await expect(dlg.getByRole('status')).toContainText('1 released', { timeout: 30_000 });
  expect(statusOf(stuck.system_id)).toBe(S.READY);
  const download = page.waitForEvent('download');
  await dlg.getByRole('button', { name: 'Export results' }).click();
  expect((await download).suggestedFilename()).toMatch(/^bulk-release-.*\.csv$/);
  expect(shell.errors).toEqual([]);
});
