// The inventory's traps, closed: wildcards on every field, an empty result that says so,
// a selection that never holds nodes the grid hides, Escape that steps back out of the
// node panel, actions counted and disabled by MAAS's status rules, and an empty inventory
// that says how nodes get there. Against the embedded region seeded with 300 nodes.
import { expect, test, type Page } from '@playwright/test';
import { memoryKeychain } from '../../src-main/connections/index';
import { startConsoleHost, type ConsoleHost } from '../support/console-host';
import { inProcessRegion, type InProcessRegion } from '../support/in-process-region';
import { seedNodes } from '../support/inventory-seed';
import { InventoryPage } from './support/inventory-page';
import { ShellPage } from './support/shell-page';

const TOTAL = 300;
let host: ConsoleHost;
let region: InProcessRegion;
let seeded: ReturnType<typeof seedNodes>;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  region = inProcessRegion((core) => { seeded = seedNodes(core, { count: TOTAL }); });
  host = await startConsoleHost({ spawnRegion: region.spawn, keychain: memoryKeychain() });
  await expect.poll(() => host.composed.connections.list().find((c) => c.id === 'local')?.health, { timeout: 30_000 }).toBe('online');
});
test.afterAll(async () => { await host?.close(); await region?.close(); });

async function open(page: Page) {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await inv.waitLoaded(TOTAL);
  return { shell, inv };
}
const inZone = (z: number) => seeded.hostnames.filter((_, i) => i % 20 === z - 1);

test('a * wildcard narrows on any field; a search that matches nothing says so and clears', async ({ page }) => {
  const { shell, inv } = await open(page);
  await inv.filter('hostname:rack13*');
  await expect(inv.count()).toContainText(`${inZone(13).length} of ${TOTAL}`);
  await inv.filter('mac:52:*:2c');
  const macHits = seeded.macs.filter((m) => m.endsWith(':2c')).length;
  await expect(inv.count()).toContainText(`${macHits} of ${TOTAL}`);
  await inv.filter('rack7-node-*');
  await expect(inv.count()).toContainText(`${inZone(7).length} of ${TOTAL}`);
  await inv.filter('hostname:nowhere*');
  const none = page.getByRole('status').filter({ hasText: 'No nodes match' });
  await expect(none).toContainText('hostname:nowhere*');
  for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await shell.shot(`inventory-no-match-${theme}`); }
  await none.getByRole('button', { name: 'Clear search' }).click();
  await expect(inv.count()).toContainText(`${TOTAL} of ${TOTAL}`);
  await expect(inv.search()).toBeFocused();
  expect(shell.errors).toEqual([]);
});

test('a new search unselects the nodes it hides, and says how many; actions reach only what is shown', async ({ page }) => {
  const { shell, inv } = await open(page);
  await inv.filter('zone:rack-1');
  await page.getByRole('button', { name: /^Select all \d+ matching/ }).click();
  await expect(page.getByText(`${inZone(1).length} selected`)).toBeVisible();
  // Narrowing keeps what stays visible and drops the rest.
  await inv.filter('zone:rack-1 power:on');
  const stillShown = seeded.hostnames.filter((_, i) => i % 20 === 0 && i % 3 === 0).length;
  await expect(inv.count()).toContainText(`${stillShown} of ${TOTAL}`);
  await expect(page.getByLabel('Selection')).toContainText(`${stillShown} selected · ${inZone(1).length - stillShown} hidden by the search, unselected`);
  await inv.filter('zone:rack-2');
  await expect(page.getByLabel('Selection')).toContainText('0 selected');
  await page.getByRole('button', { name: 'Take action…' }).click();
  await expect(page.getByRole('menuitem', { name: 'Release', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');
  expect(shell.errors).toEqual([]);
});

test('Escape in the grid clears the selection and closes the node panel; Escape in the panel closes it', async ({ page }) => {
  const { shell, inv } = await open(page);
  const first = seeded.hostnames.slice().sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
  await inv.grid().getByRole('button', { name: first, exact: true }).click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2, name: first })).toBeVisible();
  await inv.grid().locator('.tick').first().click();
  await expect(page.getByText('1 selected')).toBeVisible();
  await inv.grid().press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByText('0 selected')).toBeVisible();
  await inv.grid().getByRole('button', { name: first, exact: true }).click();
  await panel.getByRole('button', { name: 'Close detail' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(shell.errors).toEqual([]);
});

test('Take action counts, per action, the selected nodes MAAS would act on; none means disabled', async ({ page }) => {
  const { shell, inv } = await open(page);
  // mix by i mod 10: 0–3 New, 4–5 Ready, 6 Allocated, 7 Deployed, 8 Broken, 9 Failed commissioning
  const pick = [0, 1, 4, 6, 7, 8, 9].map((i) => seeded.systemIds[i]);
  await inv.pasteSelect(pick);
  await expect(page.getByText('7 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Take action…' }).click();
  const count = (label: string) => page.getByRole('menuitem', { name: label, exact: true }).getByTestId('action-count');
  await expect(count('Accept')).toHaveText('2 of 7');
  await expect(count('Release')).toHaveText('3 of 7'); // Allocated, Deployed, Broken
  await expect(count('Commission')).toHaveText('5 of 7'); // New ×2, Ready, Broken, Failed commissioning
  await expect(count('Mark fixed')).toHaveText('1 of 7');
  await expect(count('Accept all new')).toHaveText(String(seeded.systemIds.filter((_, i) => i % 10 < 4).length));
  for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await shell.shot(`inventory-actions-counted-${theme}`); }
  await page.getByRole('menuitem').first().focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  // Only Broken can be marked fixed: with none selected, the item is disabled and says why.
  await inv.pasteSelect([seeded.systemIds[0]]);
  await page.getByRole('button', { name: 'Take action…' }).click();
  const fixed = page.getByRole('menuitem', { name: 'Mark fixed', exact: true });
  await expect(fixed).toBeDisabled();
  await expect(fixed).toHaveAttribute('title', 'None to act on: not Broken (New)');
  expect(shell.errors).toEqual([]);
});

test('an inventory with no nodes says how nodes get there', async ({ page }) => {
  const empty = inProcessRegion();
  const bare = await startConsoleHost({ spawnRegion: empty.spawn, keychain: memoryKeychain() });
  try {
    await expect.poll(() => bare.composed.connections.list().find((c) => c.id === 'local')?.health, { timeout: 30_000 }).toBe('online');
    const shell = new ShellPage(page);
    await page.setViewportSize({ width: 1200, height: 700 });
    await page.goto(bare.url);
    const hint = page.getByRole('region', { name: 'No nodes yet' });
    await expect(hint).toBeVisible({ timeout: 30_000 });
    await expect(hint.getByRole('link', { name: 'Capture' })).toHaveAttribute('href', '#/capture');
    for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await shell.shot(`inventory-empty-${theme}`); }
    expect(shell.errors).toEqual([]);
  } finally {
    await bare.close();
    await empty.close();
  }
});

test('grouped by status with counts by default; whole system IDs and MACs; Unknown power is not an alarm', async ({ page }) => {
  const { shell, inv } = await open(page);
  await expect(page.getByLabel('Group')).toHaveValue('status');
  const newCount = seeded.systemIds.filter((_, i) => i % 10 < 4).length;
  await expect(inv.grid().getByRole('gridcell').filter({ hasText: /^▾\s*New/ })).toContainText(String(newCount));
  const truncated = (l: import('@playwright/test').Locator) => l.evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
  const idCells = inv.grid().locator('.vtable__body [role="row"]').filter({ hasText: /n000/ }).locator('[role="gridcell"]:nth-child(3)');
  await expect(idCells.first()).toBeVisible();
  expect(await truncated(idCells)).toEqual([]);
  const macCells = inv.grid().locator('.vtable__body [role="row"]').filter({ hasText: /n000/ }).locator('[role="gridcell"]:last-child');
  expect(await truncated(macCells)).toEqual([]);
  await expect(macCells.first()).toHaveText(/^52:[0-9a-f]{2}(:[0-9a-f]{2}){4}$/);
  // The choice survives a reload.
  await page.getByLabel('Group').selectOption('zone');
  await page.reload();
  await inv.waitLoaded(TOTAL);
  await expect(page.getByLabel('Group')).toHaveValue('zone');
  await page.getByLabel('Group').selectOption('status');
  for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await shell.shot(`inventory-grouped-${theme}`); }
  expect(shell.errors).toEqual([]);
});

test('layout: the toolbar stays one line beside the node panel; the shortcuts dialog is below the header', async ({ page }) => {
  const { shell, inv } = await open(page);
  const toolbar = page.locator('.inv-toolbar');
  const oneLine = (await toolbar.boundingBox())!.height;
  await inv.grid().getByRole('button', { name: seeded.hostnames[0], exact: true }).click();
  await expect(page.getByRole('complementary')).toBeVisible();
  expect((await toolbar.boundingBox())!.height).toBeLessThanOrEqual(oneLine + 1);
  const toolbarRight = await toolbar.evaluate((t) => Math.max(...[...t.children].map((c) => c.getBoundingClientRect().right)));
  const panelLeft = (await page.getByRole('complementary').boundingBox())!.x;
  expect(toolbarRight).toBeLessThanOrEqual(panelLeft + 1);
  for (const theme of ['light', 'dark'] as const) { await shell.setTheme(theme); await shell.shot(`inventory-panel-toolbar-${theme}`); }
  await page.locator('body').press('Escape');
  await page.locator('.node-table .vtable').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const header = (await page.locator('.top-bar').boundingBox())!;
  expect((await dialog.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
  await shell.shot('shortcuts-dialog-placed');
  expect(shell.errors).toEqual([]);
});
