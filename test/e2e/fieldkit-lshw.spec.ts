// lshw in the field kit, in Chromium, with a second region as the push target (it takes
// details, as API 1.0 does):
// - a folder of lshw files whose MACs no captured node has: offered, then captured as new
//   nodes (hostname and MACs from each lshw, lshw attached); a taken hostname and a file that
//   is not XML listed with why; the power filled in later from This laptop's inventory;
// - nodes already on the target ("update" rows): one without an lshw there, one with another
//   lshw, one with the same — the dry-run shows an lshw row for the first two only, the apply
//   sends them, the target then holds the captured lshw, and a second dry-run finds nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { MaasClient } from '../../src-main/maas-client/index';
import type { ConsoleHost } from '../support/console-host';
import { startDatacenter, startLaptopHost, type Datacenter } from '../support/fieldkit-console';
import type { InProcessRegion } from '../support/in-process-region';
import { InventoryPage } from './support/inventory-page';
import { openCapture } from './support/capture-page';

const LSHW = readFileSync(resolve(import.meta.dirname, '../fixtures/lshw/kvm-epyc-vm.xml'), 'utf8');
const FIXTURE_MAC = '02:fc:00:00:00:01';
/** The fixture as lshw would have written it on another host with another NIC. */
const lshwOf = (host: string, mac: string) => LSHW.replace('<node id="vm"', `<node id="${host}"`).replace(FIXTURE_MAC, mac);
const mac = (n: number) => `52:54:00:30:00:0${n}`;
const usb = mkdtempSync(join(tmpdir(), 'maas-lshw-usb-'));
let host: ConsoleHost;
let laptop: InProcessRegion;
let dc: Datacenter;
let dcId: string;
let target: MaasClient;

test.beforeAll(async () => {
  ({ host, laptop } = await startLaptopHost());
  dc = await startDatacenter();
  dcId = (await host.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  target = await host.composed.connections.clientFor(dcId);
  // Captured earlier on the floor: three nodes the datacenter already has.
  for (const n of [1, 2, 3]) await host.composed.handlers['fieldkit.capture']({ hostname: `r30-u${n}`, macs: [mac(n)] });
  const on = async (n: number) => (await target.createNode({ hostname: `r30-u${n}`, architecture: 'amd64/generic', macAddresses: [mac(n)] })).systemId;
  await on(1); // no lshw there yet
  await target.setDetails(await on(2), { lshw: lshwOf('r30-u2-before-repair', mac(2)) }); // another lshw
  await target.setDetails(await on(3), { lshw: lshwOf('r30-u3', mac(3)) }); // the same one
  // The USB stick: lshw of the three, of two machines not captured yet, of one whose host
  // name is already captured (with a MAC nobody has), and a note that is not lshw.
  const dir = join(usb, 'usb');
  mkdirSync(dir);
  for (const n of [1, 2, 3, 4, 5]) writeFileSync(join(dir, `scan-${n}.xml`), lshwOf(`r30-u${n}`, mac(n)));
  writeFileSync(join(dir, 'scan-6.xml'), lshwOf('r30-u1', mac(6)));
  writeFileSync(join(dir, 'psu.xml'), 'PSU 2 dead');
});
test.afterAll(async () => {
  await host?.close(); await laptop?.close(); await dc?.close();
  rmSync(usb, { recursive: true, force: true });
});


test('an lshw folder: unmatched files captured as new nodes on request, the rest listed with why; power filled in later', async ({ page }) => {
  const shell = await openCapture(page, host.url);
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByLabel('lshw folder').setInputFiles(join(usb, 'usb'));
  const result = page.getByTestId('lshw-result');
  await expect(result).toHaveText('3 attached, 4 matched nothing.');
  const unmatched = page.getByRole('list', { name: 'Files that matched nothing' });
  await expect(unmatched).toContainText(`usb/scan-4.xml: no captured node has ${mac(4)} or is named scan-4`);
  const captured = page.getByRole('grid', { name: 'Captured nodes' });
  await expect(captured.getByRole('row')).toHaveCount(4); // header + the three; nothing captured unasked
  await shell.shot('fieldkit-lshw-offer-light');

  await page.getByRole('button', { name: 'Capture 3 as new nodes' }).click();
  await expect(result).toHaveText('3 attached, 2 captured as new nodes, 2 matched nothing.');
  await expect(unmatched.getByRole('listitem')).toHaveText([
    /^usb\/psu\.xml: not XML/,
    /^usb\/scan-6\.xml: not captured as a new node: .*r30-u1/,
  ]);
  await expect(page.getByRole('button', { name: /^Capture \d+ as new node/ })).toHaveCount(0);
  for (const n of [4, 5]) {
    // Hostname and MAC from the lshw, its lshw attached, no power yet.
    await expect(captured.getByRole('row').filter({ hasText: `r30-u${n}` })).toHaveText(new RegExp(`r30-u${n}\\s*${mac(n)}\\s*default\\s*—\\s*yes`));
  }
  await shell.setTheme('dark');
  await shell.shot('fieldkit-lshw-captured-dark');
  await shell.setTheme('light');

  // Later: the power of r30-u4 filled in from This laptop's inventory, like any node's.
  const inv = new InventoryPage(page);
  await page.keyboard.press('Alt+1');
  await inv.waitLoaded(5);
  await inv.grid().getByRole('button', { name: 'r30-u4' }).click();
  const detail = page.getByRole('complementary');
  await detail.getByRole('button', { name: 'Edit hostname and power…' }).click();
  const edit = detail.getByRole('form', { name: 'Edit hostname and power' });
  await edit.getByLabel('Power type').fill('ipmi');
  for (const [name, value] of [['power_address', '10.0.30.4'], ['power_user', 'admin'], ['power_pass', 'Floor-30-4']]) {
    await edit.getByLabel('New parameter name').fill(name);
    await edit.getByLabel('New parameter name').press('Enter');
    await edit.getByLabel(new RegExp(`^${name}`)).fill(value);
  }
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByTestId('node-edit-outcome')).not.toHaveText('');
  await expect(detail.getByTestId('node-edit-outcome')).not.toHaveClass(/is-error/);
  await page.keyboard.press('Alt+5');
  await page.getByRole('tab', { name: 'Import' }).click();
  await expect(captured.getByRole('row').filter({ hasText: 'r30-u4' })).toContainText('ipmi');
  expect(shell.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('update rows carry the lshw: shown in the dry-run when it differs, sent on apply, then identical', async ({ page }) => {
  const shell = await openCapture(page, host.url);
  await page.getByRole('tab', { name: 'Push' }).click();
  await page.getByLabel('Target').selectOption({ label: 'datacenter (API 1.0)' });
  await page.getByRole('button', { name: 'Dry-run' }).click();
  const summary = page.getByTestId('push-summary');
  await expect(summary).toContainText('2 to create, 2 to update, 1 identical, 0 conflicts');
  const diff = page.getByRole('grid', { name: 'Push diff' });
  const row = (h: string) => diff.getByRole('row').filter({ has: page.getByRole('cell', { name: h, exact: true }) });
  await expect(row('r30-u1')).toContainText(/would update lshw: — → the one captured \(\d+ kB\)/);
  await expect(row('r30-u2')).toContainText(/would update lshw: another \(\d+ kB\) → the one captured \(\d+ kB\)/);
  await expect(row('r30-u3')).toContainText('already there, identical');
  await expect(row('r30-u4')).toContainText('create');
  await shell.shot('fieldkit-lshw-diff-light');

  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(summary).toContainText('finished: 5 done, 0 failed');
  for (const h of ['r30-u1', 'r30-u2']) await expect(row(h)).toContainText('details sent');
  await shell.setTheme('dark');
  await shell.shot('fieldkit-lshw-applied-dark');

  // The target now holds each captured lshw, the new nodes too, and r30-u4's power.
  const onTarget = new Map((await target.listNodes()).map((n) => [n.hostname, n]));
  expect([...onTarget.keys()].sort()).toEqual(['r30-u1', 'r30-u2', 'r30-u3', 'r30-u4', 'r30-u5']);
  for (const n of [1, 2, 3, 4, 5]) {
    const node = onTarget.get(`r30-u${n}`)!;
    expect(node.macAddresses).toEqual([mac(n)]);
    expect((await target.details(node.systemId)).lshw?.trim()).toBe(lshwOf(`r30-u${n}`, mac(n)).trim());
  }
  expect(await target.powerParameters(onTarget.get('r30-u4')!.systemId)).toMatchObject({ power_address: '10.0.30.4', power_user: 'admin', power_pass: 'Floor-30-4' });

  await page.getByRole('button', { name: 'Dry-run' }).click();
  await expect(summary).toContainText('0 to create, 0 to update, 5 identical, 0 conflicts');
  expect(shell.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
