// A push cut off and resumed across a restart of the console, in Chromium: 40 nodes captured
// by CSV, the target stopped a few nodes into the apply (the push says at which node), the
// console closed and started again on the same data with This laptop's region held
// "starting", Resume pressed at once — it waits for the region (the header says Not checked,
// never a stale Online), carries on from the journal, and the target ends with every node
// exactly once. Meanwhile one of the nodes not yet pushed was put on the target behind the
// console's back (as a create that reached it just before the cut): the resume matches it by
// MAC and updates it, and the panel says which counts moved and why. Screenshots light/dark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { memoryKeychain } from '../../src-main/connections/index';
import type { PushReport } from '../../src-shared/contract/fieldkit';
import type { ConsoleHost } from '../support/console-host';
import { startDatacenter, startLaptopHost, type Datacenter } from '../support/fieldkit-console';
import type { InProcessRegion } from '../support/in-process-region';
import { openCapture } from './support/capture-page';

const TOTAL = 40;
const macOf = (n: number) => `52:54:00:20:00:${n.toString(16).padStart(2, '0')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'maas-fieldkit-resume-'));
const keychain = memoryKeychain();
let host: ConsoleHost;
let laptop: InProcessRegion;
let dc: Datacenter;
let dcId: string;

test.beforeAll(async () => {
  ({ host, laptop } = await startLaptopHost({ dataDir, keychain }));
  dc = await startDatacenter();
  dcId = (await host.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
});
test.afterAll(async () => {
  await host?.close(); await laptop?.close(); await dc?.close();
  rmSync(dataDir, { recursive: true, force: true });
});


test('resume right after a console restart: waits for This laptop, carries on from the cut, each node once; moved counts are said', async ({ page }) => {
  const shell = await openCapture(page, host.url);
  await page.getByRole('tab', { name: 'Import' }).click();
  const csv = ['hostname,mac,zone,power_type,power_address,power_user,power_pass'];
  for (let n = 1; n <= TOTAL; n++) csv.push(`r20-u${n},${macOf(n)},rack-20,ipmi,10.0.20.${n},admin,Floor-${n}`);
  await page.getByLabel('CSV file').setInputFiles({ name: 'rack20.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) });
  await page.getByRole('button', { name: `Capture the ${TOTAL} valid rows` }).click();
  await expect(page.getByTestId('csv-result')).toHaveText(`Captured ${TOTAL} of ${TOTAL}; 0 wrong rows left out.`);

  await page.getByRole('tab', { name: 'Push' }).click();
  await page.getByLabel('Target').selectOption({ label: 'datacenter (API 1.0)' });
  await page.getByRole('button', { name: 'Dry-run' }).click();
  const summary = page.getByTestId('push-summary');
  await expect(summary).toContainText(`${TOTAL} to create, 0 to update, 0 identical, 0 conflicts`);

  // The target stops once a few nodes are through.
  let stopping: Promise<void> | null = null;
  host.hub.subscribe((e, p) => { if (e === 'fieldkit.pushProgress' && !stopping && (p as { done: number }).done >= 8) stopping = dc.stop(); });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(summary).toContainText('— interrupted', { timeout: 20_000 });
  await stopping;
  const [cut] = await host.composed.handlers['fieldkit.pushes']({}) as PushReport[];
  const settled = TOTAL - cut.counts.pending;
  expect(cut.state).toBe('interrupted');
  expect(settled).toBeGreaterThanOrEqual(8);
  expect(settled).toBeLessThan(TOTAL);
  // Said in the technician's words, naming the node it stopped at, not the transport's text.
  const reason = `datacenter stopped answering at node ${settled + 1} of ${TOTAL}; Resume carries on from there`;
  expect(cut.stopReason).toBe(reason);
  await expect(summary).toContainText(reason);
  await expect(summary).not.toContainText(/ECONNREFUSED|UND_ERR|socket/i);
  await shell.shot('fieldkit-resume-cut-light');

  // The console closes (app quit); the target comes back; a node not yet pushed reaches it
  // behind the console's back, as a create whose answer the cut lost would have.
  await page.goto('about:blank'); // the window goes with the app
  await host.close(); await laptop.close();
  await dc.start();
  const planted = cut.items.find((i) => i.state === 'pending')!;
  let release!: () => void;
  ({ host, laptop } = await startLaptopHost({ dataDir, keychain, startGate: new Promise<void>((r) => { release = r; }) }));
  await (await host.composed.connections.clientFor(dcId)).createNode({ hostname: 'reached-before-cut', architecture: 'amd64/generic', macAddresses: planted.macs });

  // Started again: This laptop's region is still starting. The header says so, the push is
  // listed from its journal, and Resume pressed now waits instead of failing.
  await openCapture(page, host.url, { shell });
  await expect(page.getByLabel('Connection', { exact: true }).locator('option', { hasText: 'This laptop' })).toHaveText('This laptop · Not checked');
  await page.getByRole('tab', { name: 'Push' }).click();
  const listed = page.locator('p', { has: page.getByRole('button', { name: 'Resume' }) });
  await expect(listed).toContainText(`Push to datacenter stopped at ${settled}/${TOTAL}: ${reason}`);
  await shell.setTheme('dark');
  await shell.shot('fieldkit-resume-listed-dark');
  await listed.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('push-waiting')).toHaveText("Waiting for This laptop's region to start; the push carries on as soon as it answers.");
  await expect(page.getByRole('alert')).toHaveCount(0);
  await shell.shot('fieldkit-resume-waiting-dark');
  release();

  await expect(summary).toContainText(`— finished: ${TOTAL} done, 0 failed`, { timeout: 30_000 });
  await expect(page.getByTestId('push-waiting')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Connection', { exact: true }).locator('option', { hasText: 'This laptop' })).toHaveText('This laptop · Online');
  // The counts moved (one create became an update): said, with why, and on the node's row.
  await expect(summary).toContainText(`${TOTAL - 1} to create, 1 to update, 0 identical, 0 conflicts`);
  await expect(page.getByTestId('counts-note')).toHaveText(new RegExp(`^The counts changed while pushing \\(create ${TOTAL} → ${TOTAL - 1}, update 0 → 1\\): `
    + 'the target changed since the dry-run — a node that reached it before a cut is matched by its MACs and updated, not created twice\\.'));
  const diff = page.getByRole('grid', { name: 'Push diff' });
  await diff.locator('.vtable__body').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const row = diff.getByRole('row').filter({ hasText: planted.hostname });
  await expect(row).toContainText('was "create" in the dry-run, now "update": it is already on the target (matched by MAC)');
  await expect(row).toContainText(`would update hostname: reached-before-cut → ${planted.hostname}`);
  await row.scrollIntoViewIfNeeded();
  await shell.shot('fieldkit-resume-finished-dark');
  await shell.setTheme('light');
  await shell.shot('fieldkit-resume-finished-light');

  // Nothing pushed twice, nothing lost: every captured node once on the target, each MAC once.
  const nodes = await (await host.composed.connections.clientFor(dcId)).listNodes();
  expect(nodes.map((n) => n.hostname).sort()).toEqual(Array.from({ length: TOTAL }, (_, i) => `r20-u${i + 1}`).sort());
  expect(nodes.flatMap((n) => n.macAddresses).sort()).toEqual(Array.from({ length: TOTAL }, (_, i) => macOf(i + 1)).sort());
  expect(new Set(nodes.map((n) => n.zone))).toEqual(new Set(['rack-20']));
  expect(await host.composed.handlers['fieldkit.pushes']({})).toEqual([expect.objectContaining({ pushId: cut.pushId, state: 'finished' })]);
  expect(shell.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
