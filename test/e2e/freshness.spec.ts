// A remote server's changes reach the inventory without a Refresh, and its outage and
// return show in the header without a Check: the change feed of the connection on screen.
// The times are figures of `npm run bench` (freshness), not asserted here.
import { expect, test } from '@playwright/test';
import { startFreshnessConsole, changeToVisibleMs, outageMs, SERVER_NAME, type FreshnessConsole } from '../support/freshness-console';
import { InventoryPage } from './support/inventory-page';
import { ShellPage } from './support/shell-page';

let f: FreshnessConsole;
test.beforeAll(async () => { f = await startFreshnessConsole({ nodes: 300 }); });
test.afterAll(async () => { await f?.close(); });

test('a change on the server shows in the grid by itself; a stopped server shows Offline, a started one Online', async ({ page }) => {
  test.setTimeout(120_000);
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(f.host.url);
  await expect(page.getByRole('heading', { name: `Inventory · ${SERVER_NAME}` })).toBeVisible();
  await inv.waitLoaded(300);
  const shown = await changeToVisibleMs(page, f, 12);
  console.log(`change on the server → visible: ${shown} ms`);
  const { offline, online } = await outageMs(page, f);
  console.log(`server stopped → offline shown: ${offline} ms; started → online shown: ${online} ms`);
  // Back online, the inventory is read again and a further change still arrives.
  await changeToVisibleMs(page, f, 13);
  await expect(page.getByText(/As of \d/)).toBeVisible();
  expect(shell.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('a node panel opened while the server is out of reach reads the node again once it is back', async ({ page }) => {
  test.setTimeout(120_000);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(f.host.url);
  await inv.waitLoaded(300);
  await inv.filter(`hostname:=${f.hostnames[40]}`);
  await f.stopServer();
  await expect(page.locator('#connection-switcher option:checked')).toContainText('Offline', { timeout: 15_000 });
  await inv.grid().getByRole('button', { name: f.hostnames[40], exact: true }).click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByTestId('offline-banner').or(panel.getByRole('alert'))).toBeVisible({ timeout: 15_000 });
  await f.startServer();
  await expect(page.locator('#connection-switcher option:checked')).toContainText('Online', { timeout: 15_000 });
  await expect(panel.getByTestId('offline-banner')).toHaveCount(0, { timeout: 15_000 });
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByRole('tab', { name: 'Configuration' }).click();
  await expect(panel.getByText('power_pass')).toBeVisible();
});
