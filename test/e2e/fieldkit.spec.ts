// The field kit in Chromium: scanner-style capture (a MAC and Enter, as a barcode scanner
// types), a duplicate refused at once, CSV preview with wrong rows, and a push's dry-run
// diff then apply against a second region. Screenshots in light and dark.
import { expect, test } from '@playwright/test';
import type { ConsoleHost } from '../support/console-host';
import { startDatacenter, startLaptopHost, type Datacenter } from '../support/fieldkit-console';
import type { InProcessRegion } from '../support/in-process-region';
import { openCapture } from './support/capture-page';

let host: ConsoleHost;
let laptop: InProcessRegion;
let dc: Datacenter;

test.beforeAll(async () => {
  ({ host, laptop } = await startLaptopHost());
  dc = await startDatacenter();
  await host.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey });
  const c = await host.composed.connections.clientFor((await host.composed.connections.list()).find((x) => x.name === 'datacenter')!.id);
  await c.createNode({ hostname: 'r12-u3', architecture: 'amd64/generic', macAddresses: ['52:54:00:ff:00:03'] });
});
test.afterAll(async () => { await host?.close(); await laptop?.close(); await dc?.close(); });

test('scanner-style capture: MACs and Enter, Enter again saves; a MAC already captured is refused at once', async ({ page }) => {
  const shell = await openCapture(page, host.url, { height: 900 });
  const form = page.getByRole('form', { name: 'Capture a node' });
  await form.getByLabel('Hostname pattern').fill('r12-u{n}');
  await form.getByLabel('BMC address').fill('10.0.0.9');
  await form.getByLabel('BMC password').fill('floor-secret');
  const mac = form.getByLabel(/MAC addresses/);
  // A scanner types fast and ends with Enter; two NICs, then Enter on the empty field saves.
  await mac.pressSequentially('52-54-00-AA-00-01\n', { delay: 0 });
  await mac.pressSequentially('5254.00aa.0011\n', { delay: 0 });
  await expect(form.getByRole('list', { name: 'MACs of this node' })).toContainText('52:54:00:aa:00:11');
  await mac.press('Enter');
  await expect(page.getByRole('grid', { name: 'Captured nodes' })).toContainText('r12-u1');
  await expect(form.getByTestId('hostname')).toHaveText('r12-u2');
  await mac.pressSequentially('525400aa0002\n', { delay: 0 });
  await mac.press('Enter');
  await expect(page.getByRole('grid', { name: 'Captured nodes' })).toContainText('r12-u2');
  await mac.pressSequentially('52:54:00:aa:00:01\n', { delay: 0 });
  await expect(form.getByRole('alert')).toHaveText('52:54:00:aa:00:01 is already on r12-u1 — not added');
  await mac.pressSequentially('not-a-mac\n', { delay: 0 });
  await expect(form.getByRole('alert')).toContainText('"not-a-mac" is not a MAC address');
  await shell.shot('fieldkit-capture-light');
  await shell.setTheme('dark');
  await shell.shot('fieldkit-capture-dark');
  expect(shell.errors).toEqual([]);
});

test('CSV import: each row valid or wrong and why, then the valid rows captured', async ({ page }) => {
  const shell = await openCapture(page, host.url, { height: 900 });
  await page.getByRole('tab', { name: 'Import' }).click();
  const csv = ['hostname,mac,zone,power_type,power_address,power_pass',
    'r12-u3,52:54:00:aa:00:03,rack-12,ipmi,10.0.0.3,pw', 'r12-u4,52:54:00:aa:00:04,rack-12,ipmi,10.0.0.4,pw',
    'r12-u5,52:54:00:aa:00:01,rack-12,,,', 'bad host,52:54:00:aa:00:06,,,,', 'r12-u7,52:54:00:aa:00:07,rack-12,idrac,10.0.0.7,pw'].join('\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'floor.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const table = page.getByRole('table', { name: 'CSV preview' });
  await expect(table.getByRole('row')).toHaveCount(6);
  // An unknown power type is wrong in the preview, by the region's own rules, not at import.
  await expect(table.getByRole('row').nth(5)).toContainText('power_type is not a known power type');
  await expect(table.getByRole('row').nth(3)).toContainText('MAC 52:54:00:aa:00:01 is already on r12-u1');
  await expect(table.getByRole('row').nth(4)).toContainText('"bad host" is not a valid hostname');
  await shell.shot('fieldkit-csv-preview-light');
  await shell.setTheme('dark');
  await shell.shot('fieldkit-csv-preview-dark');
  await page.getByRole('button', { name: 'Capture the 2 valid rows' }).click();
  await expect(page.getByTestId('csv-result')).toHaveText('Captured 2 of 5; 3 wrong rows left out.');
  expect(shell.errors).toEqual([]);
});

test('push: dry-run diff (create / conflict), apply with per-node outcome', async ({ page }) => {
  const shell = await openCapture(page, host.url, { height: 900 });
  await page.getByRole('tab', { name: 'Push' }).click();
  await page.getByLabel('Target').selectOption({ label: 'datacenter (API 1.0)' });
  await page.getByRole('button', { name: 'Dry-run' }).click();
  const summary = page.getByTestId('push-summary');
  await expect(summary).toContainText('3 to create, 0 to update, 0 identical, 1 conflicts');
  await expect(summary).toContainText('Zones to create: rack-12');
  const diff = page.getByRole('grid', { name: 'Push diff' });
  await expect(diff).toContainText('conflict: hostname r12-u3 is taken on the target');
  await shell.shot('fieldkit-push-diff-light');
  await shell.setTheme('dark');
  await shell.shot('fieldkit-push-diff-dark');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(summary).toContainText('finished: 3 done, 0 failed');
  await expect(diff.getByText('done')).toHaveCount(3);
  await shell.shot('fieldkit-push-applied-dark');
  expect(shell.errors).toEqual([]);
});

test('offline server: snapshot "as of", one bulk record is one entry, reviewed by itself when back, applied', async ({ page }) => {
  const shell = await openCapture(page, host.url, { height: 900 });
  const dcId = (await host.composed.connections.list()).find((x) => x.name === 'datacenter')!.id;
  await page.getByRole('tab', { name: 'Offline servers' }).click();
  await page.getByLabel('Server').selectOption({ label: 'datacenter (online)' });
  await page.getByRole('button', { name: 'Refresh snapshot' }).click();
  await expect(page.getByRole('grid', { name: 'Snapshot nodes' })).toContainText('r12-u3');
  await expect(page.getByTestId('as-of')).toContainText('snapshot taken'); // online: no orange badge
  await dc.stop();
  await host.composed.connections.health(dcId);
  await expect(page.getByTestId('as-of')).toContainText('offline — as of');
  // An empty filter would act on every node: nothing is armed until a filter says which.
  await page.getByLabel('Action').selectOption('set-zone');
  await page.getByLabel('Zone', { exact: true }).fill('rack-12');
  await expect(page.getByRole('button', { name: 'Record', exact: true })).toBeDisabled();
  await page.getByLabel('Filter').fill('r12-u');
  await page.getByRole('button', { name: 'Record for 4 node(s)' }).click();
  await page.getByLabel('Filter').fill('r12-u3');
  await page.getByLabel('Action').selectOption('release');
  await page.getByRole('button', { name: 'Record for 1 node(s)' }).click();
  await expect(page.getByRole('heading', { name: 'Change set of datacenter (5 waiting)' })).toBeVisible();
  const changes = page.getByRole('table', { name: 'Change set' });
  await expect(changes.getByRole('row')).toHaveCount(3); // header, the zone move of 4 nodes, the release
  await expect(changes).toContainText(/zone rack-12 on 4 nodes \(r12-u\d, r12-u\d, r12-u\d…\)/);
  await expect(page.getByTestId('pending-badge')).toHaveText('5 to apply · datacenter');
  await shell.shot('fieldkit-offline-changes-light');
  await dc.start(); // and nobody clicks: the review runs by itself
  await expect(page.getByTestId('auto-review')).toContainText('reviewed by itself', { timeout: 5000 });
  await expect(changes.locator('tr', { hasText: 'on 4 nodes' })).toContainText('3 still apply · 1 already true');
  await expect(changes.getByText(/^conflict: r12-u3 is Commissioning: it cannot go to Ready/)).toBeVisible();
  await changes.getByRole('button', { name: 'Show the 4 nodes' }).click();
  await expect(changes.getByText(/^already true: r12-u4 is in rack-12/)).toBeVisible();
  await shell.shot('fieldkit-change-review-light');
  await shell.setTheme('dark');
  await shell.shot('fieldkit-change-review-dark');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(changes.getByText(/^done/)).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Change set of datacenter (1 waiting)' })).toBeVisible();
  await shell.shot('fieldkit-change-applied-dark');
  expect(shell.errors).toEqual([]);
});
