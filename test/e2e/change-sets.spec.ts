// Offline change sets in Chromium: with the datacenter server stopped, the node detail's own
// actions (by keyboard, their buttons saying "Record"), a hostname/power edit with a new BMC
// password and a new tag in the Tags view are recorded, not lost; the header's badge counts
// them and opens the change set, where a recorded change is edited in place (Enter saves,
// Escape cancels); back online the set is reviewed by itself and applied with progress, and
// the server has it all. The password never reaches the page. Screenshots in light and dark.
import { expect, test } from '@playwright/test';
import { memoryKeychain } from '../../src-main/connections/index';
import { NodeStatus as S } from '../../src-shared/maas/index';
import { startConsoleHost, type ConsoleHost } from '../support/console-host';
import { startDatacenter, type Datacenter } from '../support/fieldkit-console';
import { inProcessRegion, type InProcessRegion } from '../support/in-process-region';
import { seedNodes } from '../support/inventory-seed';
import { InventoryPage } from './support/inventory-page';
import { ShellPage } from './support/shell-page';

const PASSWORD = 'floor-Bmc-4412';
let host: ConsoleHost;
let laptop: InProcessRegion;
let dc: Datacenter;
let dcId: string;
let ids: string[];

test.beforeAll(async () => {
  laptop = inProcessRegion();
  host = await startConsoleHost({ spawnRegion: laptop.spawn, keychain: memoryKeychain() });
  dc = await startDatacenter();
  ids = seedNodes(dc.region().core, { count: 3, idPrefix: 'ce', zones: 3, hostnameOf: (i) => `ce-${i}`, statusOf: () => S.NEW }).systemIds;
  dcId = (await host.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
});
test.afterAll(async () => { await host?.close(); await laptop?.close(); await dc?.close(); });

test('offline: node actions and a power edit recorded; a change edited in place; reviewed and applied with progress', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByLabel('Connection', { exact: true }).selectOption({ label: 'datacenter · Online' });
  await inv.waitLoaded(3);
  await inv.grid().getByRole('button', { name: 'ce-0' }).click();
  const detail = page.getByRole('complementary');
  await detail.getByRole('tab', { name: 'Configuration' }).click();
  await expect(detail.getByText('power_pass')).toBeVisible(); // read while online, masked
  await detail.getByRole('tab', { name: 'Summary' }).click();

  await dc.stop();
  await host.composed.connections.health(dcId);
  // By keyboard: the action's button opens its form with the focus on "Accept"; Enter sends it.
  await detail.getByRole('group', { name: 'Actions on this node' }).getByRole('button', { name: 'Accept' }).focus();
  await page.keyboard.press('Enter');
  await expect(detail.getByRole('form', { name: 'Accept this node' }).getByRole('button', { name: 'Accept' })).toBeFocused();
  await page.keyboard.press('Enter');
  const outcome = detail.getByTestId('node-action-outcome');
  await expect(outcome).toContainText('Accept: Recorded — in the change set: the server is offline');
  await detail.getByRole('button', { name: 'Set zone…' }).click();
  const zoneForm = detail.getByRole('form', { name: 'Set zone this node' });
  await zoneForm.getByLabel('Zone').selectOption('rack-2');
  await zoneForm.getByRole('button', { name: 'Record set zone' }).click();
  await expect(outcome).toContainText('Set zone: Recorded');

  await detail.getByRole('button', { name: 'Edit hostname and power…' }).click();
  const edit = detail.getByRole('form', { name: 'Edit hostname and power' });
  await edit.getByLabel('Hostname').fill('ce-zero');
  // A refused address is named beside its field, the field marked, Record held; the text stays.
  const address = edit.getByLabel('power_address');
  await address.fill('-oProxyCommand=touch');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription('power_address must not begin with "-"');
  await expect(address).toHaveValue('-oProxyCommand=touch');
  await expect(edit.getByRole('button', { name: 'Record' })).toBeDisabled();
  await shell.shot('change-sets-power-refused-light');
  await address.fill('10.20.0.1');
  await expect(address).not.toHaveAttribute('aria-invalid');
  await edit.getByLabel('power_pass (secret)').fill(PASSWORD);
  await shell.shot('change-sets-node-edit-light');
  await edit.getByRole('button', { name: 'Record' }).click();
  await expect(detail.getByTestId('node-edit-outcome')).toContainText('the change is recorded in its change set (the “to apply” badge at the top opens it)');
  await shell.setTheme('dark');
  await shell.shot('change-sets-node-actions-offline-dark');

  // Tags view: a new tag on the offline server is recorded, and the view says where it went.
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'New tag' }).click();
  await page.getByRole('form', { name: 'New tag' }).getByLabel('Name').fill('floor-done');
  await page.getByRole('button', { name: 'Create tag…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tag floor-done: The server is offline' })).toContainText('badge at the top');
  await shell.shot('change-sets-tag-recorded-dark');

  // The header's badge counts what waits and opens the change set from any view.
  await expect(page.getByTestId('pending-badge')).toHaveText('5 to apply · datacenter');
  await page.getByTestId('pending-badge').click();
  const dialog = page.getByRole('dialog', { name: 'Change set of datacenter' });
  await expect(dialog.getByRole('heading', { name: 'Change set of datacenter (5 waiting)' })).toBeVisible();
  await expect(dialog.getByTestId('waiting-hint')).toContainText('checked every 2 s');
  const changes = dialog.getByRole('table', { name: 'Change set' });
  await expect(changes).toContainText('ce-0: power ipmi (power_address=10.20.0.1, power_user=maas, power_pass=••••••)');
  // Edit in place: Enter saves the new zone; Escape leaves the hostname as it was.
  await changes.locator('tr', { hasText: 'zone rack-2' }).getByRole('button', { name: /^Edit change/ }).click();
  const zone = changes.getByRole('form', { name: /^Edit change/ }).getByLabel('Zone');
  await expect(zone).toBeFocused();
  await zone.fill('rack-3');
  await zone.press('Enter');
  await expect(changes).toContainText('ce-0: zone rack-3');
  await changes.locator('tr', { hasText: 'hostname ce-zero' }).getByRole('button', { name: /^Edit change/ }).click();
  await changes.getByRole('form', { name: /^Edit change/ }).getByLabel('Hostname').fill('ce-other');
  await page.keyboard.press('Escape');
  await expect(changes.getByRole('form')).toHaveCount(0);
  await expect(changes).toContainText('ce-0: hostname ce-zero');
  await expect(changes.locator('tr', { hasText: 'hostname ce-zero' }).getByRole('button', { name: /^Edit change/ })).toBeFocused();
  await changes.locator('tr', { hasText: 'power ipmi' }).getByRole('button', { name: /^Edit change/ }).click();
  await shell.shot('change-sets-edit-in-place-dark');
  await page.keyboard.press('Escape');
  await shell.setTheme('light');
  await shell.shot('change-sets-recorded-light');

  // Back: nobody clicks; the console notices within seconds and reviews the set by itself.
  await dc.start();
  await expect(dialog.getByTestId('auto-review')).toContainText('datacenter is back: reviewed by itself', { timeout: 5000 });
  await expect(changes.getByText(/^still applies/)).toHaveCount(5);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByTestId('apply-progress')).toHaveText('5 of 5 change(s) — finished');
  await expect(changes.getByText(/^done/)).toHaveCount(5);
  await expect(page.getByTestId('pending-badge')).toHaveCount(0);
  await shell.shot('change-sets-applied-light');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const c = await host.composed.connections.clientFor(dcId);
  const node = (await c.listNodes()).find((n) => n.systemId === ids[0])!;
  expect(node).toMatchObject({ hostname: 'ce-zero', zone: 'rack-3', statusName: 'Commissioning' });
  expect(await c.powerParameters(ids[0])).toMatchObject({ power_address: '10.20.0.1', power_user: 'maas', power_pass: PASSWORD });
  expect((await c.listTags()).map((t) => t.name)).toContain('floor-done');
  // Online, the same action row goes straight to the server.
  await page.keyboard.press('Alt+1');
  await inv.grid().getByRole('button', { name: 'ce-1' }).click();
  await detail.getByRole('group', { name: 'Actions on this node' }).getByRole('button', { name: 'Commission' }).click();
  await detail.getByRole('form', { name: 'Commission this node' }).getByRole('button', { name: 'Commission' }).click();
  await expect(detail.getByTestId('node-action-outcome')).toHaveText('Commission: Done — now Commissioning');
  await expect.poll(async () => (await c.listNodes()).find((n) => n.systemId === ids[1])?.statusName).toBe('Commissioning');
  expect(await page.content()).not.toContain(PASSWORD);
  expect(shell.errors).toEqual([]);
});
