// A remote server out of reach, in Chromium: its inventory, a node's detail, its tags and its
// events still open from the console's snapshot, each marked "Offline — as of <time>".
// Screenshots in light and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { emptyFilter } from '../../src-shared/events/event-filter';
import type { ConsoleHost } from '../support/console-host';
import { startDatacenter, startLaptopHost, type Datacenter } from '../support/fieldkit-console';
import type { InProcessRegion } from '../support/in-process-region';
import { seedNodes } from '../support/inventory-seed';
import { InventoryPage } from './support/inventory-page';
import { ShellPage } from './support/shell-page';
import { TagsPage } from './support/tags-page';

let host: ConsoleHost;
let laptop: InProcessRegion;
let dc: Datacenter;
let hostnames: string[];

test.beforeAll(async () => {
  ({ host, laptop } = await startLaptopHost());
  dc = await startDatacenter();
  const core = dc.region().core;
  const seeded = seedNodes(core, { count: 40, idPrefix: 'of', zones: 4 });
  hostnames = seeded.hostnames;
  const lshw = readFileSync(join(import.meta.dirname, '../fixtures/lshw/kvm-epyc-vm.xml'));
  core.tx(() => {
    core.details.set(core.nodes.bySystemId(seeded.systemIds[0])!.id, lshw, null);
    for (const id of seeded.systemIds.slice(0, 12)) core.events.record(core.nodes.bySystemId(id)!.id, 'NODE_POWERED_ON', 'rack walk: powered on');
  });
  const { id } = await host.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey });
  // The console read it while it answered: the list, one node's detail, tags, events.
  const h = host.composed.handlers;
  await h['inventory.list']({ connectionId: id });
  await h['inventory.node']({ connectionId: id, systemId: seeded.systemIds[0] });
  await h['tags.list']({ connectionId: id });
  await h['details.fetchAll']({ connectionId: id, all: false }); // the Tags view's details fetch
  await h['events.query']({ connectionId: id, filter: emptyFilter(), before: null, want: 100, limit: 1000 });
  await dc.stop();
  host.composed.connections.switch(id);
  await host.composed.connections.health(id);
});
test.afterAll(async () => { await host?.close(); await laptop?.close(); await dc?.close(); });

test('offline: inventory, node detail, tags and events open from the snapshot, marked "Offline — as of"', async ({ page }) => {
  const shell = new ShellPage(page);
  const inv = new InventoryPage(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await shell.setTheme('light');
  await page.keyboard.press('Alt+1');
  await inv.waitLoaded(40);
  const banner = shell.main().getByTestId('offline-banner');
  await expect(banner.first()).toContainText(/Offline — as of .+\./);
  await expect(banner.first()).toContainText('change set');

  await inv.filter(hostnames[0]);
  await expect(inv.renderedRows()).toHaveCount(1);
  await inv.grid().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary');
  await expect(detail.getByRole('heading', { name: hostnames[0] })).toBeVisible();
  await expect(detail.getByTestId('offline-banner')).toContainText('Offline — as of');
  await expect(detail.getByText('AMD EPYC')).toBeVisible();
  await detail.getByRole('tab', { name: 'Configuration' }).click();
  await expect(detail.getByText('••••••')).toBeVisible();
  await shell.shot('offline-inventory-light');
  await shell.setTheme('dark');
  await shell.shot('offline-inventory-dark');

  await page.keyboard.press('Alt+2');
  await expect(shell.main().getByTestId('offline-banner')).toContainText('XPath preview still runs');
  await expect(shell.main().getByText('ssd').first()).toBeVisible();
  // A new definition previews on the details kept: the one node with the EPYC's lshw matches.
  const tags = new TagsPage(page);
  await page.getByRole('button', { name: 'New tag' }).click();
  await tags.typeDefinition('//node[@class="processor"]/vendor = "Advanced Micro Devices [AMD]"');
  await tags.previewComplete();
  expect(await tags.count(tags.matched())).toBe(1);
  await shell.shot('offline-tags-dark');
  // Deleting a tag offline is recorded for later, and the view says where it waits.
  await tags.tagButton('gpu').click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(shell.main().getByRole('status').filter({ hasText: 'Tag gpu:' })).toContainText('deleting this tag is recorded in its change set');

  await page.keyboard.press('Alt+3');
  await expect(shell.main().getByTestId('offline-banner')).toContainText('Offline — as of');
  await expect(shell.main().getByText('rack walk: powered on').first()).toBeVisible();
  await shell.setTheme('light');
  await shell.shot('offline-events-light');
  expect(shell.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
