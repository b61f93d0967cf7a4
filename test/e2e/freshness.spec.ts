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
