// The fleet in Chromium with three servers: This laptop, a datacenter region that stops
// mid-test, and a MAAS 2.x-shaped server. One grid over all of them, find anywhere by MAC and
// by serial, the command palette, a link opened, a bulk action across servers whose stopped
// server's share is recorded in its change set, and a tag definition previewed on every
// server's kept details (answers checked against python3-lxml). Screenshots in light and dark.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EMBEDDED_ID } from '../../src-main/connections/index';
import type { ConsoleHost } from '../support/console-host';
import { startDatacenter, startLaptopHost, type Datacenter } from '../support/fieldkit-console';
import type { InProcessRegion } from '../support/in-process-region';
import { seedNodes } from '../support/inventory-seed';
import { machine } from '../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../support/maas-replay-server';
import { ShellPage } from './support/shell-page';
import { lxmlMatches } from '../integration/xpath/lxml-reference';

const KEY = 'fleetc:fleett:fleetsecret0123456789abcdef';
// A server's own lshw: the machine's serial and a disk's, which find-anywhere must reach.
const LSHW = `<?xml version="1.0" standalone="yes" ?>
<node id="dc-r13-u07" claimed="true" class="system" handle="DMI:0001"><description>Rack Mount Chassis</description>
<product>ProLiant DL360 Gen10</product><vendor>HPE</vendor><serial>CZJ93207QK</serial>
<node id="core" claimed="true" class="bus"><node id="disk" claimed="true" class="disk"><product>MZ7LH960</product>
<serial>S4F9NX0K812345</serial><size units="bytes">960197124096</size><logicalname>/dev/sda</logicalname></node></node></node>`;

let host: ConsoleHost;
let laptop: InProcessRegion;
let dc: Datacenter;
let maas3: ReplayServer;
let dcId: string;
let maas3Id: string;
let dcNodes: { systemIds: string[]; hostnames: string[] };

test.beforeAll(async () => {
  ({ host, laptop } = await startLaptopHost());
  seedNodes(laptop.running()!.core, { count: 12, idPrefix: 'lp', zones: 2, statusOf: () => 0, hostnameOf: (i) => `laptop-${i}` });
  dc = await startDatacenter();
  dcNodes = seedNodes(dc.region().core, { count: 20, idPrefix: 'dc', zones: 3, statusOf: () => 0, hostnameOf: (i) => (i === 7 ? 'dc-r13-u07' : `dc-node-${i}`) });
  const core = dc.region().core;
  core.tx(() => core.details.set(core.nodes.bySystemId(dcNodes.systemIds[7])!.id, Buffer.from(LSHW), null));
  maas3 = await startReplayServer({ api: '2.0', apiKey: KEY, machines: Array.from({ length: 8 }, (_, i) => machine(i + 1, 4, { hostname: `m3-node-${i + 1}` })) });
  const c = host.composed.connections;
  dcId = (await c.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  maas3Id = (await c.add({ name: 'maas3-lab', url: maas3.root, apiKey: KEY })).id;
  const h = host.composed.handlers;
  for (const id of [EMBEDDED_ID, dcId, maas3Id]) await h['inventory.list']({ connectionId: id });
  await h['inventory.node']({ connectionId: dcId, systemId: dcNodes.systemIds[7] }); // its serials are kept
  await dc.stop();
  await c.health(dcId);
});
test.afterAll(async () => { await host?.close(); await laptop?.close(); await dc?.close(); await maas3?.close(); });

/** The console in Chromium, light theme, on the Fleet view. */
async function openFleet(page: Page): Promise<{ shell: ShellPage; main: Locator }> {
  const shell = new ShellPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await shell.setTheme('light');
  await page.keyboard.press('Alt+6');
  return { shell, main: shell.main() };
}

test('fleet: one grid over three servers, find anywhere, palette, a link, a bulk action across servers', async ({ page }) => {
  const { shell, main } = await openFleet(page);
  await expect(main.getByTestId('fleet-card')).toHaveCount(3);
  await expect(main.getByText('40 of 40 nodes on 3 servers')).toBeVisible();
  const dcCard = main.getByTestId('fleet-card').filter({ hasText: 'datacenter' });
  await expect(dcCard).toContainText('Offline');
  await expect(dcCard).toContainText(/Snapshot as of/);
  await expect(main.getByTestId('fleet-card').filter({ hasText: 'maas3-lab' })).toContainText('Online');
  await expect(main.getByRole('gridcell', { name: 'm3-node-3' })).toBeVisible();
  await shell.shot('fleet-light');

  // The inventory's search language, plus server:.
  const search = main.getByLabel('Search every server');
  await search.fill('server:datacenter hostname:dc-node-1*');
  await expect(main.getByText(/^11 of 40 nodes/)).toBeVisible();
  await search.fill('');

  // Find anywhere by MAC (another spelling than the server's) and by a disk's serial.
  const find = page.getByRole('combobox', { name: 'Find anywhere' });
  await page.keyboard.press('Control+Shift+F');
  await expect(find).toBeFocused();
  await find.fill('5254.0000.0005');
  const hits = page.getByRole('listbox', { name: 'Found on every server' });
  await expect(hits.getByRole('option')).toHaveCount(1);
  await expect(hits).toContainText('m3-node-5');
  await expect(hits).toContainText('maas3-lab');
  await shell.shot('fleet-find-mac-light');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary');
  await expect(detail.getByRole('heading', { name: 'm3-node-5' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Inventory/ })).toHaveAttribute('aria-current', 'page');

  await find.fill('S4F9NX0K812345');
  await expect(hits).toContainText('dc-r13-u07');
  await expect(hits).toContainText(/datacenter · as of/);
  await find.press('Enter');
  await expect(detail.getByRole('heading', { name: 'dc-r13-u07' })).toBeVisible();
  await expect(detail.getByTestId('offline-banner')).toContainText('Offline — as of');

  // The command palette: a view by name, then a node by name, keyboard only.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('fleet');
  await page.keyboard.press('Enter');
  await expect(main.getByTestId('fleet-card')).toHaveCount(3);
  await shell.setTheme('dark');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('laptop-11');
  await expect(palette.getByRole('option', { name: /laptop-11/ })).toBeVisible();
  await shell.shot('fleet-palette-dark');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(detail.getByRole('heading', { name: 'laptop-11' })).toBeVisible();

  // A link to a node on another server opens it there.
  await page.goto(`${host.url}#/node/${maas3Id}/${[...maas3.machines.keys()][1]}`);
  await expect(page.getByRole('complementary').getByRole('heading', { name: 'm3-node-2' })).toBeVisible();
  // And the node panel copies the same link back (the browser host's form of it).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await page.getByRole('complementary').getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${host.url}#/node/${maas3Id}/${[...maas3.machines.keys()][1]}`);

  // A bulk action across servers: This laptop accepts, the stopped datacenter records.
  await page.keyboard.press('Alt+6');
  await search.fill('status:new');
  await expect(main.getByText(/^32 of 40 nodes/)).toBeVisible();
  await main.getByRole('button', { name: 'Select shown' }).click();
  await main.getByRole('button', { name: 'Take action (32)' }).click();
  const dialog = page.getByRole('dialog', { name: /Take action on 32 nodes on 2 servers/ });
  await dialog.getByLabel('Action').selectOption('accept');
  const shares = dialog.getByTestId('fleet-bulk-server');
  await expect(shares.filter({ hasText: 'This laptop' })).toContainText('12 to send');
  await expect(shares.filter({ hasText: 'datacenter' })).toContainText('20 to record');
  await shell.shot('fleet-bulk-dark');
  await dialog.getByRole('button', { name: 'Apply or record 32 nodes' }).click();
  await expect(shares.filter({ hasText: 'This laptop' })).toContainText('12 done');
  await expect(shares.filter({ hasText: 'datacenter' })).toContainText(/recorded/);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeEnabled();
  const recorded = await host.composed.handlers['changes.list']({ connectionId: dcId });
  expect(JSON.stringify(recorded)).toContain(dcNodes.systemIds[0]);
  await shell.shot('fleet-bulk-done-dark');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(shell.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

// This laptop's own machines: two HPE and a Dell, besides the datacenter's HPE kept from its panel.
const laptopLshw = (vendor: string, serial: string) => LSHW.replace('<vendor>HPE</vendor>', `<vendor>${vendor}</vendor>`).replace('CZJ93207QK', serial);
const LAPTOP_LSHW = [laptopLshw('HPE', 'LP-HPE-1'), laptopLshw('HPE', 'LP-HPE-2'), laptopLshw('Dell Inc.', 'LP-DELL-1')];
const DEFINITION = '//node[@class="system"]/vendor = "HPE"';

test('fleet tag preview: which nodes, on which servers, a definition would match', async ({ page }) => {
  test.setTimeout(120_000);
  const core = laptop.running()!.core;
  const laptopIds = core.tx(() => LAPTOP_LSHW.map((lshw, i) => {
    const n = core.nodes.byHostname(`laptop-${i}`)!;
    core.details.set(n.id, Buffer.from(lshw), null);
    return n.system_id;
  }));
  const h = host.composed.handlers;
  expect(await h['details.fetchAll']({ connectionId: EMBEDDED_ID, all: false })).toMatchObject({ failed: [] });
  // MAAS's own answer on the same details: the laptop's twelve (nine with none: the bare
  // list, as MAAS evaluates them) and the stopped datacenter's one, kept from its panel.
  const bare = Array.from({ length: 9 }, (_, i) => ({ id: `laptop/${core.nodes.byHostname(`laptop-${i + 3}`)!.system_id}` }));
  const docs = [...laptopIds.map((id, i) => ({ id: `laptop/${id}`, lshw: LAPTOP_LSHW[i] })), ...bare, { id: `dc/${dcNodes.systemIds[7]}`, lshw: LSHW }];
  const lxml = (await lxmlMatches([DEFINITION], docs)).matches[DEFINITION];
  const lxmlOn = (server: string) => lxml.filter((id) => id.startsWith(`${server}/`)).length;
  expect([lxmlOn('laptop'), lxmlOn('dc')]).toEqual([2, 1]);

  const { shell, main } = await openFleet(page);
  await main.getByRole('button', { name: 'Tag preview' }).click();
  const definition = main.getByLabel('Tag definition');
  await expect(definition).toBeFocused();
  const status = main.getByTestId('fleet-preview-status');
  // Opening it loads every server's kept details (worker threads start: seconds on a busy machine).
  // (The nodes whose panels the test before opened are kept too: at least these.)
  await expect(status).toContainText(/\d+ nodes with kept details/, { timeout: 60_000 });
  await page.keyboard.type(DEFINITION);
  await expect(status).toContainText(`Matches ${lxml.length} of`);
  await expect(status).toContainText('on 2 of 3 servers');
  const row = (name: string) => main.getByTestId('fleet-preview-server').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row('This laptop').getByRole('cell').nth(0)).toHaveText(String(lxmlOn('laptop')));
  await expect(row('This laptop').getByRole('cell').nth(1)).toHaveText('12 of 12');
  await expect(row('datacenter').getByRole('cell').nth(0)).toHaveText(String(lxmlOn('dc')));  // offline: from its kept details
  await expect(row('datacenter')).toContainText('dc-r13-u07');
  await expect(row('maas3-lab').getByRole('cell').nth(0)).toHaveText('0');
  await shell.shot('fleet-tag-preview-light');

  // A definition MAAS would refuse says why; a fixed one answers again.
  await definition.fill('//node[');
  await expect(status).toContainText('Invalid xpath expression');
  await definition.fill('//node[@class="system"]/vendor = "Dell Inc."');
  await expect(row('This laptop').getByRole('cell').nth(0)).toHaveText('1');
  await shell.setTheme('dark');
  await shell.shot('fleet-tag-preview-dark');

  // A matched hostname opens the node on its own server.
  const laptopHost = 'laptop-2';
  await row('This laptop').getByRole('button', { name: laptopHost }).click();
  await expect(page.getByRole('complementary').getByRole('heading', { name: laptopHost })).toBeVisible();
  expect(shell.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
